using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Manifest;
using Ferry.Platform;
using Ferry.Resolver;
using Ferry.Resolver.Features;
using static Ferry.Tests.Resolver.Features.ResolveBuilder;

namespace Ferry.Tests.Resolver.Features;

/// <summary>The feature resolver's rules on hand-built resolves, one rule per test.</summary>
public sealed class FeatureResolverTests
{
    private static readonly TargetCfgInfo Linux = FerryTree.HostInfo();

    private static readonly TargetCfgInfo Windows = new(
        "x86_64-pc-windows-msvc",
        RustcPrintCfg.Parse(File.ReadAllText(Path.Combine(FeatureDifferentialTests.SourceDirectory(), "Data", "x86_64-pc-windows-msvc.cfg"))));

    private static ResolvedFeatures Run(
        ResolveBuilder b,
        ResolveBehavior behavior,
        CliFeatures? cli = null,
        HasDevUnits dev = HasDevUnits.No,
        TargetData? targets = null,
        ForceAllTargets force = ForceAllTargets.No,
        IProcMacroInfo? procMacros = null,
        string root = "root") =>
        FeatureResolver.Resolve(
            b.Build(),
            targets ?? TargetData.ForHost(Linux),
            [new MemberFeatures(b[root], cli ?? CliFeatures.Default)],
            FeatureOpts.Create(behavior, dev, force),
            procMacros ?? ProcMacroSet.None);

    private static string Features(ResolvedFeatures r, ResolveBuilder b, string name, FeaturesFor featuresFor = FeaturesFor.NormalOrDev) =>
        r.TryGetActivatedFeatures(b[name].PackageId, featuresFor, out var features) ? string.Join(",", features) : "<none>";

    private static ResolveBuilder BuildAndNormal()
    {
        var b = new ResolveBuilder();
        b.Add("common", ["n = ", "b = ", "d = "]);
        b.Add(
            "root",
            null,
            Dep("common", features: ["n"]),
            Dep("common", DependencyKind.Build, features: ["b"]),
            Dep("common", DependencyKind.Development, features: ["d"]));
        return b;
    }

    [Fact]
    public void ResolverOneUnifiesEverything()
    {
        var b = BuildAndNormal();
        var r = Run(b, ResolveBehavior.V1);
        Assert.Equal("b,d,n", Features(r, b, "common"));
        Assert.Equal("b,d,n", Features(r, b, "common", FeaturesFor.HostDep));
        Assert.Single(r.ActivatedFeatureSets.Keys, k => k.Package == b["common"].PackageId);
    }

    [Fact]
    public void ResolverTwoDecouplesHostAndDevDependencies()
    {
        var b = BuildAndNormal();
        var r = Run(b, ResolveBehavior.V2);
        Assert.Equal("n", Features(r, b, "common"));
        Assert.Equal("b", Features(r, b, "common", FeaturesFor.HostDep));

        var withDev = Run(b, ResolveBehavior.V3, dev: HasDevUnits.Yes);
        Assert.Equal("d,n", Features(withDev, b, "common"));
        Assert.Equal("b", Features(withDev, b, "common", FeaturesFor.HostDep));
    }

    [Fact]
    public void ProcMacrosAndWhatTheyUseAreHostDependencies()
    {
        var b = new ResolveBuilder();
        b.Add("common", ["m = ", "n = "]);
        b.Add("util", ["u = common/m"], Dep("common"));
        b.Add("pm", null, Dep("util", features: ["u"]));
        b.Add("root", null, Dep("pm"), Dep("common", features: ["n"]));
        var procMacros = new ProcMacroSet([b["pm"].PackageId]);
        var r = Run(b, ResolveBehavior.V2, procMacros: procMacros);
        Assert.Equal("n", Features(r, b, "common"));
        Assert.Equal("m", Features(r, b, "common", FeaturesFor.HostDep));
        Assert.Equal("u", Features(r, b, "util", FeaturesFor.HostDep));
        Assert.Equal("<none>", Features(r, b, "util"));
        Assert.False(r.IsActivated(b["pm"].PackageId, FeaturesFor.NormalOrDev));

        var v1 = Run(b, ResolveBehavior.V1, procMacros: procMacros);
        Assert.Equal("m,n", Features(v1, b, "common", FeaturesFor.HostDep));
    }

    [Fact]
    public void AProcMacroMemberIsResolvedForBothHostAndTarget()
    {
        var b = new ResolveBuilder();
        b.Add("common", ["x = "]);
        b.Add("root", ["default = common/x"], Dep("common"));
        var r = Run(b, ResolveBehavior.V2, procMacros: new ProcMacroSet([b["root"].PackageId]));
        Assert.Equal("default", Features(r, b, "root"));
        Assert.Equal("default", Features(r, b, "root", FeaturesFor.HostDep));
        Assert.Equal("x", Features(r, b, "common"));
        Assert.Equal("x", Features(r, b, "common", FeaturesFor.HostDep));
    }

    [Fact]
    public void InactivePlatformsEnableNothingUnderResolverTwo()
    {
        var b = new ResolveBuilder();
        b.Add("common", ["w = ", "u = "]);
        b.Add("winonly");
        b.Add(
            "root",
            null,
            Dep("common", features: ["w"], platform: "cfg(windows)"),
            Dep("common", features: ["u"], platform: "cfg(unix)"),
            Dep("winonly", platform: "x86_64-pc-windows-msvc"));
        var v2 = Run(b, ResolveBehavior.V2);
        Assert.Equal("u", Features(v2, b, "common"));
        Assert.Equal("<none>", Features(v2, b, "winonly"));

        var windows = Run(b, ResolveBehavior.V2, targets: TargetData.ForTargets(Linux, [Windows]));
        Assert.Equal("w", Features(windows, b, "common"));
        Assert.Equal(string.Empty, Features(windows, b, "winonly"));

        var both = Run(b, ResolveBehavior.V2, targets: TargetData.ForTargets(Linux, [Windows, Linux]));
        Assert.Equal("u,w", Features(both, b, "common"));

        var all = Run(b, ResolveBehavior.V2, targets: TargetData.ForAllTargets(Linux), force: ForceAllTargets.Yes);
        Assert.Equal("u,w", Features(all, b, "common"));

        var v1 = Run(b, ResolveBehavior.V1);
        Assert.Equal("u,w", Features(v1, b, "common"));
        Assert.Equal(string.Empty, Features(v1, b, "winonly"));
    }

    [Fact]
    public void BuildDependencyPlatformsAreTheHostsEvenWhenCrossCompiling()
    {
        var b = new ResolveBuilder();
        b.Add("common", ["w = ", "u = "]);
        b.Add(
            "root",
            null,
            Dep("common", DependencyKind.Build, features: ["w"], platform: "cfg(windows)"),
            Dep("common", DependencyKind.Build, features: ["u"], platform: "cfg(unix)"));
        var r = Run(b, ResolveBehavior.V2, targets: TargetData.ForTargets(Linux, [Windows]));
        Assert.Equal("u", Features(r, b, "common", FeaturesFor.HostDep));
    }

    [Fact]
    public void PlatformFilteringAloneTracksHostUsesWithoutDecouplingThem()
    {
        // Cargo's -Zfeatures=itarget: one feature set per package, but a dependency enabled from
        // the host side must still be followed again from the target side, whose platform differs.
        var b = new ResolveBuilder();
        b.Add("plat");
        b.Add("leaf", null, Dep("plat", platform: "cfg(windows)"));
        b.Add("common", ["b = dep:leaf", "n = dep:leaf"], Dep("leaf", optional: true));
        b.Add("root", null, Dep("common", features: ["n"]), Dep("common", DependencyKind.Build, features: ["b"]));
        var opts = new FeatureOpts { IgnoreInactiveTargets = true };
        var r = FeatureResolver.Resolve(
            b.Build(),
            TargetData.ForTargets(Linux, [Windows]),
            [new MemberFeatures(b["root"], CliFeatures.Default)],
            opts,
            ProcMacroSet.None);
        Assert.Equal("b,n", Features(r, b, "common", FeaturesFor.HostDep));
        Assert.True(r.IsActivated(b["plat"].PackageId, FeaturesFor.NormalOrDev));
    }

    [Fact]
    public void AllTargetsNeedsForcedOptions()
    {
        var b = BuildAndNormal();
        Assert.Throws<ArgumentException>(() => Run(b, ResolveBehavior.V2, targets: TargetData.ForAllTargets(Linux)));
    }

    [Theory]
    [InlineData("serde", "", false)]
    [InlineData("serde,opt", "serde", true)]
    [InlineData("opt,serde", "serde", true)]
    [InlineData("later", "serde", true)]
    public void WeakFeaturesWaitForTheDependency(string requested, string optFeatures, bool optOn)
    {
        var b = new ResolveBuilder();
        b.Add("opt", ["serde = "]);
        b.Add("root", ["serde = opt?/serde", "later = serde, opt"], Dep("opt", optional: true));
        foreach (var behavior in new[] { ResolveBehavior.V1, ResolveBehavior.V2 })
        {
            var r = Run(b, behavior, cli: CliFeatures.FromCommandLine([requested], false, true));
            Assert.Equal(optOn, r.IsDepActivated(b["root"].PackageId, FeaturesFor.NormalOrDev, "opt"));
            Assert.Equal(optOn ? optFeatures : "<none>", Features(r, b, "opt"));
        }
    }

    [Fact]
    public void WeakFeaturesFromTwoPackagesMeetAtTheDependency()
    {
        // `mid` asks for leaf?/x; the enabling comes from the root, later in the walk.
        var b = new ResolveBuilder();
        b.Add("leaf", ["x = ", "y = "]);
        b.Add("mid", ["w = leaf?/x", "on = dep:leaf", "also = leaf?/y"], Dep("leaf", optional: true));
        b.Add("root", ["default = mid/on"], Dep("mid", features: ["w", "also"]));
        var r = Run(b, ResolveBehavior.V2);
        Assert.Equal("x,y", Features(r, b, "leaf"));
        Assert.Equal("also,on,w", Features(r, b, "mid"));
    }

    [Fact]
    public void DepColonHidesTheImplicitFeature()
    {
        var b = new ResolveBuilder();
        b.Add("opt", ["f = "]);
        b.Add("root", ["with = dep:opt", "f = opt/f"], Dep("opt", optional: true));
        var r = Run(b, ResolveBehavior.V2, cli: CliFeatures.FromCommandLine(["f"], false, true));
        Assert.Equal("f", Features(r, b, "root"));
        Assert.True(r.IsDepActivated(b["root"].PackageId, FeaturesFor.NormalOrDev, "opt"));

        var strong = new ResolveBuilder();
        strong.Add("opt", ["f = "]);
        strong.Add("root", ["f = opt/f"], Dep("opt", optional: true));
        var s = Run(strong, ResolveBehavior.V2, cli: CliFeatures.FromCommandLine(["f"], false, true));
        Assert.Equal("f,opt", Features(s, strong, "root"));
    }

    [Fact]
    public void DefaultFeaturesFollowEachDeclaration()
    {
        var b = new ResolveBuilder();
        b.Add("lib", ["default = std", "std = alloc", "alloc = "]);
        b.Add("lean", null, Dep("lib", defaultFeatures: false));
        b.Add("root", null, Dep("lean"), Dep("lib", DependencyKind.Build, defaultFeatures: false, features: ["alloc"]));
        var r = Run(b, ResolveBehavior.V2);
        Assert.Equal(string.Empty, Features(r, b, "lib"));
        Assert.Equal("alloc", Features(r, b, "lib", FeaturesFor.HostDep));

        var unified = Run(b, ResolveBehavior.V1);
        Assert.Equal("alloc", Features(unified, b, "lib"));
    }

    [Fact]
    public void RenamedDependenciesAreFoundByTheirNameInTheManifest()
    {
        var b = new ResolveBuilder();
        b.Add("common", ["x = ", "y = "]);
        b.Add("root", ["fx = alias/x", "fy = maybe/y"], Dep("common", rename: "alias"), Dep("common", optional: true, rename: "maybe"));
        var r = Run(b, ResolveBehavior.V2, cli: CliFeatures.FromCommandLine(["fx"], false, true));
        Assert.Equal("x", Features(r, b, "common"));
        Assert.False(r.IsDepActivated(b["root"].PackageId, FeaturesFor.NormalOrDev, "maybe"));

        var both = Run(b, ResolveBehavior.V2, cli: CliFeatures.FromCommandLine(["fx,fy"], false, true));
        Assert.Equal("x,y", Features(both, b, "common"));
        Assert.True(both.IsDepActivated(b["root"].PackageId, FeaturesFor.NormalOrDev, "maybe"));
        Assert.Equal("fx,fy,maybe", Features(both, b, "root"));
    }

    [Fact]
    public void FeatureCyclesAcrossPackagesTerminate()
    {
        var b = new ResolveBuilder();
        b.Add("a", ["x = b/y", "z = "], Dep("b"));
        b.Add("b", ["y = a/x, a/z"], Dep("a"));
        b.Add("root", ["default = a/x"], Dep("a"));
        var r = Run(b, ResolveBehavior.V2);
        Assert.Equal("x,z", Features(r, b, "a"));
        Assert.Equal("y", Features(r, b, "b"));
    }

    [Fact]
    public void DeepGraphsDoNotExhaustTheStack()
    {
        var b = new ResolveBuilder();
        const int depth = 20_000;
        b.Add("p0", ["f = "]);
        for (var i = 1; i < depth; i++)
        {
            b.Add($"p{i}", ["f = " + $"p{i - 1}/f"], Dep($"p{i - 1}"));
        }

        b.Add("root", ["default = " + $"p{depth - 1}/f"], Dep($"p{depth - 1}"));
        var r = Run(b, ResolveBehavior.V2);
        Assert.Equal("f", Features(r, b, "p0"));
    }

    [Fact]
    public void OnlyRequestedMembersFollowDevDependencies()
    {
        // `other` is a workspace member (its dev-dependencies are in the lockfile's resolve) but
        // is only used as a normal dependency by this command.
        var b = new ResolveBuilder();
        b.Add("common", ["dev = "]);
        b.Add("other", null, Dep("common", DependencyKind.Development, features: ["dev"]));
        b.Add("root", null, Dep("other"));
        var r = Run(b, ResolveBehavior.V1, dev: HasDevUnits.Yes);
        Assert.Equal("<none>", Features(r, b, "common"));
        Assert.Empty(r.ActiveDependencies(b["other"].PackageId, FeaturesFor.NormalOrDev, CompileKind.Host));
    }

    [Fact]
    public void ActiveDependenciesAreWhatTheUnitGraphWalks()
    {
        var b = new ResolveBuilder();
        b.Add("common", ["n = ", "b = "]);
        b.Add("opt");
        b.Add("pm");
        b.Add("winonly");
        b.Add(
            "root",
            null,
            Dep("common", features: ["n"]),
            Dep("common", DependencyKind.Build, features: ["b"]),
            Dep("opt", optional: true),
            Dep("pm"),
            Dep("winonly", platform: "cfg(windows)"));
        var procMacros = new ProcMacroSet([b["pm"].PackageId]);
        var r = Run(b, ResolveBehavior.V2, procMacros: procMacros);
        var active = r.ActiveDependencies(b["root"].PackageId, FeaturesFor.NormalOrDev, CompileKind.Host);
        Assert.Equal(
            ["common Normal NormalOrDev host", "common Build HostDep host", "pm Normal HostDep host"],
            active.Select(a => $"{a.Target.Name} {a.Declaration.Kind} {a.FeaturesFor} {a.Kind}"));

        var target = CompileKind.Target("x86_64-pc-windows-msvc");
        var cross = Run(b, ResolveBehavior.V2, procMacros: procMacros, targets: TargetData.ForTargets(Linux, [Windows]));
        Assert.Equal(
            ["common Normal NormalOrDev x86_64-pc-windows-msvc", "common Build HostDep host", "pm Normal HostDep host", "winonly Normal NormalOrDev x86_64-pc-windows-msvc"],
            cross.ActiveDependencies(b["root"].PackageId, FeaturesFor.NormalOrDev, target).Select(a => $"{a.Target.Name} {a.Declaration.Kind} {a.FeaturesFor} {a.Kind}"));
        Assert.Equal("n", Features(cross, b, "common"));
        Assert.Equal("b", Features(cross, b, "common", FeaturesFor.HostDep));
    }

    [Fact]
    public void AskingForAnUnvisitedFeatureSetIsABug()
    {
        var b = BuildAndNormal();
        var r = Run(b, ResolveBehavior.V2);
        Assert.Throws<InvalidOperationException>(() => r.ActivatedFeatures(b["root"].PackageId, FeaturesFor.HostDep));
        Assert.False(r.TryGetActivatedFeatures(b["root"].PackageId, FeaturesFor.HostDep, out _));
        Assert.Empty(r.ActivatedFeatures(b["root"].PackageId, FeaturesFor.NormalOrDev));
    }

    [Fact]
    public void CommandLineFeaturesAllAndNoDefault()
    {
        var b = new ResolveBuilder();
        b.Add("common", ["d = ", "e = "]);
        b.Add("root", ["default = common/d", "extra = common/e", "other = "], Dep("common"));
        Assert.Equal("d", Features(Run(b, ResolveBehavior.V2), b, "common"));
        Assert.Equal(string.Empty, Features(Run(b, ResolveBehavior.V2, cli: CliFeatures.FromCommandLine([], false, false)), b, "common"));
        var all = Run(b, ResolveBehavior.V2, cli: CliFeatures.FromCommandLine([], true, false));
        Assert.Equal("d,e", Features(all, b, "common"));
        Assert.Equal("default,extra,other", Features(all, b, "root"));
    }

    [Fact]
    public void OptionsFollowTheResolverVersionAndTheCommand()
    {
        Assert.Equal(new FeatureOpts(), FeatureOpts.Create(ResolveBehavior.V1, HasDevUnits.No, ForceAllTargets.No));
        Assert.Equal(
            new FeatureOpts { DecoupleHostDeps = true, DecoupleDevDeps = true, IgnoreInactiveTargets = true },
            FeatureOpts.Create(ResolveBehavior.V2, HasDevUnits.No, ForceAllTargets.No));
        Assert.Equal(
            new FeatureOpts { DecoupleHostDeps = true },
            FeatureOpts.Create(ResolveBehavior.V3, HasDevUnits.Yes, ForceAllTargets.Yes));
        Assert.Equal(FeaturesFor.NormalOrDev, new FeatureOpts().Key(FeaturesFor.HostDep));
    }

    [Fact]
    public void TargetDataMatchesPlatformsLikeCargo()
    {
        var data = TargetData.ForTargets(Linux, [Windows, new TargetCfgInfo("/specs/my-target.json", [Cfg.Parse("unix")])]);
        Assert.Equal(["/specs/my-target.json", "x86_64-pc-windows-msvc"], data.RequestedKinds.Select(k => k.Triple!));
        Assert.True(data.DepPlatformActivated(Dep("x", platform: "my-target"), CompileKind.Target("/specs/my-target.json")));
        Assert.True(data.DepPlatformActivated(Dep("x", platform: "cfg(windows)"), CompileKind.Target("x86_64-pc-windows-msvc")));
        Assert.False(data.DepPlatformActivated(Dep("x", platform: "cfg(windows)"), CompileKind.Host));
        Assert.True(data.DepPlatformActivated(Dep("x"), CompileKind.Host));
        Assert.Throws<InvalidOperationException>(() => data.Cfgs(CompileKind.Target("aarch64-apple-darwin")));
        var hostOnly = Assert.Single(TargetData.ForTargets(Linux, []).RequestedKinds);
        Assert.True(hostOnly.Equals(CompileKind.Host), hostOnly.ToString());
        Assert.True(CompileKind.Host.CompareTo(CompileKind.Target("a")) < 0);
    }
}
