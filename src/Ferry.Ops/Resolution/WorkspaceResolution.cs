using Ferry.Core.Configuration;
using Ferry.Core.Manifest;
using Ferry.Core.Workspaces;
using Ferry.Resolver;
using Ferry.Resolver.Features;
using Ferry.Sources;

namespace Ferry.Ops.Resolution;

/// <summary>
/// Cargo's <c>resolve_ws_with_opts</c>, the pipeline of every command that looks at the resolved
/// graph with features (<c>tree</c>, <c>build</c>, <c>metadata</c>): the lockfile resolve
/// (<see cref="LockedResolve"/>: written back if it changed), the member selection with Cargo's feature errors, the targeted second
/// resolve of exactly those members and features, the download of every package the command can
/// reach (their targets say which are proc-macros), and the feature resolver. The platforms come
/// in as a task, so rustc runs while the lockfile is resolved; it is awaited before the lockfile is
/// written, so its errors still come first. See
/// <c>docs/features.md</c>.
/// </summary>
internal static class WorkspaceResolution
{
    public static async Task<ResolvedWorkspace> ResolveAsync(
        GlobalContext gctx,
        Workspace workspace,
        ManifestLoader loader,
        PackageRegistry registry,
        PackageManifests packages,
        Task<TargetData> targetDataTask,
        CliFeatures cliFeatures,
        IReadOnlyList<IPackageSpec> specs,
        HasDevUnits hasDevUnits,
        ForceAllTargets forceAllTargets,
        CancellationToken cancellationToken)
    {
        var locked = await LockedResolve.ResolveAsync(gctx, workspace, loader, registry, cancellationToken, beforeWrite: () => targetDataTask).ConfigureAwait(false);
        var targetData = await targetDataTask.ConfigureAwait(false);
        var lockResolve = locked.Resolve;
        var resolver = locked.Resolver;
        var workspaceMembers = new WorkspaceMembers([.. workspace.Members.Select(m => m.Summary)], workspace.CurrentOpt?.PackageId, workspace.IsVirtual);
        var members = WorkspaceFeatureSelection.MembersWithFeatures(workspaceMembers, specs, cliFeatures, workspace.ResolveBehavior);
        var targeted = await resolver.ResolveWithPreviousAsync(
            lockResolve,
            new WorkspaceResolveOptions { Members = members, RegisterPatches = false },
            cancellationToken).ConfigureAwait(false);
        await packages.DownloadAccessibleAsync(
            targeted,
            members.Select(m => m.Id),
            hasDevUnits,
            targetData,
            forceAllTargets == ForceAllTargets.Yes,
            cancellationToken).ConfigureAwait(false);
        var opts = FeatureOpts.Create(workspace.ResolveBehavior, hasDevUnits, forceAllTargets);
        var features = FeatureResolver.Resolve(targeted, targetData, members, opts, packages);
        WarnNoLibPackages(gctx, targeted, members, hasDevUnits, targetData, forceAllTargets, packages);
        return new ResolvedWorkspace(lockResolve, targeted, members, features, targetData);
    }

    /// <summary>
    /// Cargo's <c>warn_no_lib_packages_and_artifact_libs_overlapping_deps</c>: a selected member
    /// depending on a package that has no library gets a warning per declaration (the dependency
    /// is then ignored by every command).
    /// </summary>
    private static void WarnNoLibPackages(
        GlobalContext gctx,
        Core.Resolution.Resolve resolve,
        IEnumerable<MemberFeatures> members,
        HasDevUnits hasDevUnits,
        TargetData targetData,
        ForceAllTargets forceAllTargets,
        PackageManifests packages)
    {
        foreach (var root in members.Select(m => m.Id).Distinct().Order())
        {
            foreach (var edge in resolve.Dependencies(root))
            {
                var used = edge.Declarations.Any(dep =>
                    (dep.Kind != Core.Dependencies.DependencyKind.Development || hasDevUnits == HasDevUnits.Yes)
                    && (forceAllTargets == ForceAllTargets.Yes
                        || targetData.RequestedKinds.Append(CompileKind.Host).Any(kind => targetData.DepPlatformActivated(dep, kind))));
                if (!used || packages.Get(edge.Target) is not { } manifest || manifest.Targets.Any(t => t.IsLib))
                {
                    continue;
                }

                foreach (var dep in edge.Declarations)
                {
                    gctx.Shell.Warn($"{root} ignoring invalid dependency `{dep.NameInToml}` which is missing a lib target");
                }
            }
        }
    }
}
