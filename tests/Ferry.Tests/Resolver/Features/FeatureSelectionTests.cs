using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Manifest;
using Ferry.Resolver;
using Ferry.Resolver.Features;
using Ferry.Util.Diagnostics;
using static Ferry.Tests.Resolver.Features.ResolveBuilder;

namespace Ferry.Tests.Resolver.Features;

/// <summary>
/// <see cref="CliFeatures.FromCommandLine"/> and <see cref="WorkspaceFeatureSelection"/> on
/// hand-built workspaces (the differential fixtures check the same texts against Cargo).
/// </summary>
public sealed class FeatureSelectionTests
{
    private static string Show(CliFeatures cli) =>
        $"[{string.Join(' ', cli.Features)}] all={cli.AllFeatures} default={cli.UsesDefaultFeatures}";

    [Fact]
    public void CommandLineFeaturesAreSplitSortedAndDeduplicated()
    {
        var cli = CliFeatures.FromCommandLine(["b a,c", "  ", "a,,d/x", "d?/x", "c"], false, true);
        Assert.Equal("[a b c d/x d?/x] all=False default=True", Show(cli));
        Assert.Equal(cli, CliFeatures.FromCommandLine(["c,b,a d/x d?/x"], false, true));
    }

    [Theory]
    [InlineData("dep:x", "feature `dep:x` is not allowed to use explicit `dep:` syntax")]
    [InlineData("z/y/x dep:b dep:a", "feature `dep:a` is not allowed to use explicit `dep:` syntax")]
    [InlineData("a/b/c", "multiple slashes in feature `a/b/c` is not allowed")]
    [InlineData("a?/b/c", "multiple slashes in feature `a?/b/c` is not allowed")]
    public void CommandLineSyntaxErrors(string features, string message)
    {
        var error = Assert.Throws<FerryException>(() => CliFeatures.FromCommandLine([features], false, true));
        Assert.Equal(message, error.Message);
    }

    private static (ResolveBuilder Builder, WorkspaceMembers Workspace) TwoMembers(bool rootIsPackage)
    {
        var b = new ResolveBuilder();
        b.Add("common", ["x = "]);
        b.Add("a", ["fa = ", "shared = "], Dep("common"), Dep("opt", optional: true));
        b.Add("b", ["fb = ", "shared = "], Dep("common"));
        b.Add("opt");
        var members = rootIsPackage ? ImmutableArray.Create(b["a"], b["b"]) : [b["a"], b["b"]];
        return (b, new WorkspaceMembers(members, rootIsPackage ? b["a"].PackageId : null, !rootIsPackage));
    }

    private static string Select(WorkspaceMembers ws, string[] specs, string features, ResolveBehavior behavior, bool all = false, bool noDefault = false)
    {
        try
        {
            var result = WorkspaceFeatureSelection.MembersWithFeatures(
                ws,
                [.. specs.Select(s => new PackageNameSpec(s))],
                CliFeatures.FromCommandLine([features], all, !noDefault),
                behavior);
            return string.Join("; ", result.Select(m => $"{m.Member.Name} {Show(m.Features)}"));
        }
        catch (FerryException ex)
        {
            return "error: " + ex.Message;
        }
    }

    [Fact]
    public void NewRulesGiveEachSelectedMemberTheFeaturesItHas()
    {
        var (_, ws) = TwoMembers(rootIsPackage: false);
        Assert.Equal("a [fa shared] all=False default=True; b [shared] all=False default=True", Select(ws, ["a", "b"], "fa,shared", ResolveBehavior.V1));
        Assert.Equal("a [fa] all=False default=True", Select(ws, ["a"], "a/fa", ResolveBehavior.V2));
        Assert.Equal("a [opt common/x] all=False default=True", Select(ws, ["a"], "common/x opt", ResolveBehavior.V2));
        Assert.Equal("a [] all=True default=False", Select(ws, ["a"], string.Empty, ResolveBehavior.V2, all: true, noDefault: true));
    }

    [Theory]
    [InlineData(new[] { "a" }, "fb", "error: the package 'a' does not contain this feature: fb\nhelp: package with the missing feature: b")]
    [InlineData(new[] { "a", "b" }, "nope,zilch", "error: none of the selected packages contains these features: nope, zilch\nselected packages: a, b\nhelp: there is a similarly named feature: opt")]
    [InlineData(new[] { "a" }, "shard", "error: the package 'a' does not contain this feature: shard\nhelp: there is a similarly named feature: shared")]
    [InlineData(new[] { "a" }, "a/shard", "error: the package 'a' does not contain this feature: a/shard\nhelp: there are similarly named features: a/opt, a/shared")]
    [InlineData(new[] { "common" }, "x", "error: cannot specify features for packages outside of workspace")]
    [InlineData(new[] { "bb" }, "x", "error: cannot specify features for packages outside of workspace\n\nhelp: a workspace member with a similar name exists: `b`")]
    public void NewRulesErrors(string[] specs, string features, string expected)
    {
        var (_, ws) = TwoMembers(rootIsPackage: false);
        Assert.Equal(expected, Select(ws, specs, features, ResolveBehavior.V2));
    }

    [Fact]
    public void NonMembersGetEveryMemberWithDefaults()
    {
        var (_, ws) = TwoMembers(rootIsPackage: false);
        Assert.Equal("a [] all=False default=True; b [] all=False default=True", Select(ws, ["common"], string.Empty, ResolveBehavior.V2));
    }

    [Fact]
    public void OldRulesApplyFlagsToTheCurrentPackage()
    {
        var (_, ws) = TwoMembers(rootIsPackage: true);
        Assert.Equal("a [fb] all=False default=False; b [] all=False default=True", Select(ws, ["b"], "fb", ResolveBehavior.V1, noDefault: true));
        Assert.Equal("a [] all=False default=True; b [fb] all=False default=True", Select(ws, ["b"], "b/fb", ResolveBehavior.V1));
        Assert.Equal("a [b/fb] all=False default=True", Select(ws, ["a"], "b/fb", ResolveBehavior.V1));
        Assert.Equal("a [] all=True default=True; b [] all=True default=True", Select(ws, ["b"], string.Empty, ResolveBehavior.V1, all: true));
    }

    [Fact]
    public void NoSpecsMeansEveryMemberWithEverything()
    {
        var (_, ws) = TwoMembers(rootIsPackage: false);
        var result = WorkspaceFeatureSelection.MembersWithFeatures(ws, [], CliFeatures.All, ResolveBehavior.V2);
        Assert.Equal(["a", "b"], result.Select(m => m.Member.Name));
        Assert.All(result, m => Assert.True(m.Features.AllFeatures));
        Assert.Throws<ArgumentException>(() => WorkspaceFeatureSelection.MembersWithFeatures(ws, [], CliFeatures.Default, ResolveBehavior.V2));
    }
}
