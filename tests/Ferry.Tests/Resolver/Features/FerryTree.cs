using System.Collections.Immutable;
using System.Text;
using Ferry.Core.Configuration;
using Ferry.Core.Dependencies;
using Ferry.Core.Manifest;
using Ferry.Core.Resolution;
using Ferry.Core.Workspaces;
using Ferry.Ops;
using Ferry.Ops.Resolution;
using Ferry.Platform;
using Ferry.Resolver;
using Ferry.Resolver.Features;
using Ferry.Tests.Core.Configuration;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Resolver.Features;

/// <summary>
/// Runs one fixture command the way <c>ferry tree</c> will, on Ferry's real pipeline: parse the
/// feature flags, load the workspace with the manifest loader, resolve the lockfile (every
/// feature) with the workspace resolver, pick the members and their features, re-resolve for
/// exactly those (Cargo's targeted pass, which reports unknown features), run the feature
/// resolver and print. As a cross-check, the feature resolver must give the same answer on the
/// lockfile's resolve, walking the members in the opposite order, as on the targeted one.
/// </summary>
internal static class FerryTree
{
    public static async Task<string> RunAsync(FixtureProject project, TreeArgs args)
    {
        try
        {
            return await RenderAsync(project, args);
        }
        catch (FerryException ex)
        {
            return Render(ex);
        }
    }

    /// <summary>The loaded workspace and its lockfile resolve, as every command starts.</summary>
    public static async Task<(Workspace Workspace, Resolve Lock, WorkspaceResolver Resolver, ProcMacroSet ProcMacros, IDisposable Registry)> LoadAsync(FixtureProject project)
    {
        var env = new EnvironmentSnapshot(ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["HOME"] = project.Home,
            ["CARGO_HOME"] = project.CargoHome,
        }));
        var shell = new RecordingShell();
        var gctx = GlobalContext.Create(env, project.Cwd, CliOverrides.None, shell);
        var environment = new ManifestEnvironment(gctx, shell);
        var loader = new ManifestLoader(environment);
        var workspace = WorkspaceArgs.Workspace(null, environment, loader);
        var registry = WorkspaceResolver.CreateRegistry(gctx, loader);
        try
        {
            var resolver = new WorkspaceResolver(workspace, loader, gctx, registry);
            var lockResolve = await resolver.ResolveWithPreviousAsync(null, new WorkspaceResolveOptions(), CancellationToken.None);
            var procMacros = PathPackages.Collect(workspace, loader)
                .Where(m => m.Targets.Any(t => t.IsLib && t.ProcMacro))
                .Select(m => m.PackageId)
                .ToImmutableHashSet();
            return (workspace, lockResolve, resolver, new ProcMacroSet(procMacros), registry);
        }
        catch
        {
            registry.Dispose();
            throw;
        }
    }

    public static WorkspaceMembers Members(Workspace workspace) =>
        new([.. workspace.Members.Select(m => m.Summary)], workspace.CurrentOpt?.PackageId, workspace.IsVirtual);

    private static async Task<string> RenderAsync(FixtureProject project, TreeArgs args)
    {
        // Cargo checks the flags' syntax before it looks at the workspace.
        var cli = CliFeatures.FromCommandLine(args.Features, args.AllFeatures, !args.NoDefaultFeatures);
        var (workspace, lockResolve, resolver, procMacros, registry) = await LoadAsync(project);
        using var _ = registry;

        IReadOnlyList<IPackageSpec> specs = args.Workspace
            ? [.. workspace.Members.Select(m => PackageNameSpec.Of(m.PackageId))]
            : args.Packages.Count != 0
                ? [.. args.Packages.Select(p => new PackageNameSpec(p))]
                : [.. workspace.DefaultMembers.Select(m => PackageNameSpec.Of(m.PackageId))];
        var members = WorkspaceFeatureSelection.MembersWithFeatures(Members(workspace), specs, cli, workspace.ResolveBehavior);
        var targeted = await resolver.ResolveWithPreviousAsync(
            lockResolve,
            new WorkspaceResolveOptions { Members = members, RegisterPatches = false },
            CancellationToken.None);

        var host = HostInfo();
        var targetData = args.AllTargets
            ? TargetData.ForAllTargets(host)
            : TargetData.ForTargets(host, args.Targets.Select(TargetInfo));
        var hasDev = args.EdgeKinds.Contains(DependencyKind.Development) ? HasDevUnits.Yes : HasDevUnits.No;
        var opts = FeatureOpts.Create(workspace.ResolveBehavior, hasDev, args.AllTargets ? ForceAllTargets.Yes : ForceAllTargets.No);
        var resolved = FeatureResolver.Resolve(targeted, targetData, members, opts, procMacros);

        // The lockfile's resolve, and another walking order, must give the same features.
        var fromLock = FeatureResolver.Resolve(lockResolve, targetData, [.. members.Reverse()], opts, procMacros);
        if (Describe(fromLock) != Describe(resolved))
        {
            throw new InvalidOperationException($"the lockfile resolve gives other features:\n{Describe(fromLock)}\nthan the targeted resolve:\n{Describe(resolved)}");
        }

        var roots = targeted.Packages.Where(p => specs.Any(s => s.Matches(p))).ToHashSet();
        return MiniTree.Render(targeted, resolved, members, targetData, procMacros, args, roots);
    }

    /// <summary>Cargo's error layout: the message, then one indented <c>Caused by:</c> block per cause.</summary>
    private static string Render(FerryException error)
    {
        var text = new StringBuilder("error: ").Append(error.Message).Append('\n');
        for (var cause = error.InnerException; cause is not null; cause = cause.InnerException)
        {
            text.Append("\nCaused by:\n");
            foreach (var line in cause.Message.Split('\n'))
            {
                text.Append(line.Length == 0 ? string.Empty : "  " + line).Append('\n');
            }
        }

        foreach (var hint in error.Hints)
        {
            text.Append('\n').Append(hint).Append('\n');
        }

        return text.ToString();
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
