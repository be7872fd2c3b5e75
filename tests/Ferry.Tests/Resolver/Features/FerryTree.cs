using System.Collections.Immutable;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Platform;
using Ferry.Resolver;
using Ferry.Resolver.Features;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Resolver.Features;

/// <summary>
/// Runs one fixture command the way <c>ferry tree</c> will: parse the feature flags, resolve the
/// lockfile (every feature), pick the members and their features, re-resolve for exactly those
/// (Cargo's targeted resolve, which reports unknown features), run the feature resolver and
/// print. As a cross-check, the feature resolver must give the same answer on the lockfile's
/// resolve as on the targeted one.
/// </summary>
internal static class FerryTree
{
    public const string Temp = "/ferry-fixture";

    public const string Root = Temp + "/work";

    /// <summary>The workspace path as <c>[ROOT]</c>, and its parent (for packages outside the workspace) as <c>[TEMP]</c>.</summary>
    public static string Redact(string text) =>
        text.Replace(Root, "[ROOT]", StringComparison.Ordinal).Replace(Temp, "[TEMP]", StringComparison.Ordinal);

    public static string Run(FixtureWorkspace ws, TreeArgs args)
    {
        try
        {
            return Render(ws, args);
        }
        catch (FerryException ex)
        {
            return "error: " + ex.Message + "\n";
        }
    }

    private static string Render(FixtureWorkspace ws, TreeArgs args)
    {
        var cli = CliFeatures.FromCommandLine(args.Features, args.AllFeatures, !args.NoDefaultFeatures);
        var registry = new PathPackageQuery(ws.Packages);
        var lockResolve = DependencyResolver.ResolveLoaded(new ResolveRequest(
            [.. ws.Members.Select(m => (m, ResolveOpts.Everything))], [], registry, new VersionPreferences(), ResolveVersion.V4));

        IReadOnlyList<IPackageSpec> specs = args.Workspace
            ? [.. ws.Members.Select(m => PackageNameSpec.Of(m.PackageId))]
            : args.Packages.Count != 0
                ? [.. args.Packages.Select(p => new PackageNameSpec(p))]
                : [.. ws.DefaultMembers.Select(m => PackageNameSpec.Of(m.PackageId))];
        var members = WorkspaceFeatureSelection.MembersWithFeatures(ws.WorkspaceMembers, specs, cli, ws.Behavior);
        var targeted = DependencyResolver.ResolveLoaded(new ResolveRequest(
            [.. members.Select(m => m.ToResolveRoot())], [], registry, new VersionPreferences(), ResolveVersion.V4));

        var host = HostInfo();
        var targetData = args.AllTargets
            ? TargetData.ForAllTargets(host)
            : TargetData.ForTargets(host, args.Targets.Select(TargetInfo));
        var hasDev = args.EdgeKinds.Contains(Ferry.Core.Dependencies.DependencyKind.Development) ? HasDevUnits.Yes : HasDevUnits.No;
        var opts = FeatureOpts.Create(ws.Behavior, hasDev, args.AllTargets ? ForceAllTargets.Yes : ForceAllTargets.No);
        var procMacros = new ProcMacroSet(ws.ProcMacros);
        var resolved = FeatureResolver.Resolve(targeted, targetData, members, opts, procMacros);

        var fromLock = FeatureResolver.Resolve(lockResolve, targetData, members, opts, procMacros);
        if (Describe(fromLock) != Describe(resolved))
        {
            throw new InvalidOperationException($"the lockfile resolve gives other features:\n{Describe(fromLock)}\nthan the targeted resolve:\n{Describe(resolved)}");
        }

        var roots = targeted.Packages.Where(p => specs.Any(s => s.Matches(p))).ToHashSet();
        return MiniTree.Render(targeted, resolved, members, targetData, procMacros, args, roots);
    }

    /// <summary>Every activated feature set and optional dependency, one line each, for comparing two results.</summary>
    public static string Describe(ResolvedFeatures features) =>
        string.Join('\n', features.ActivatedFeatureSets
            .Select(pair => $"{pair.Key.Package} {pair.Key.FeaturesFor}: [{string.Join(',', pair.Value)}] deps [{string.Join(',', (features.ActivatedDependencies.TryGetValue(pair.Key, out var d) ? d : []).Order(StringComparer.Ordinal))}]")
            .Order(StringComparer.Ordinal));

    public static TargetCfgInfo HostInfo() => new("x86_64-unknown-linux-gnu", RustcPrintCfg.Parse(ReadData("x86_64-unknown-linux-gnu.cfg")));

    private static TargetCfgInfo TargetInfo(string triple) => new(triple, RustcPrintCfg.Parse(ReadData(triple + ".cfg")));

    private static string ReadData(string name) => File.ReadAllText(Path.Combine(FeatureDifferentialTests.SourceDirectory(), "Data", name));
}
