using Ferry.Core.Workspaces;
using Ferry.Resolver;
using Ferry.Resolver.Features;

namespace Ferry.Ops.Resolution;

/// <summary>
/// Cargo's <c>resolve_ws_with_opts</c>, the pipeline of every command that looks at the resolved
/// graph with features (<c>tree</c>, <c>build</c>, <c>metadata</c>): the lockfile resolve (written
/// back if it changed), the member selection with Cargo's feature errors, the targeted second
/// resolve of exactly those members and features, the download of every package the command can
/// reach (their targets say which are proc-macros), and the feature resolver. See
/// <c>docs/features.md</c>.
/// </summary>
internal static class WorkspaceResolution
{
    public static async Task<ResolvedWorkspace> ResolveAsync(
        Workspace workspace,
        WorkspaceResolver resolver,
        PackageSet packages,
        TargetData targetData,
        CliFeatures cliFeatures,
        IReadOnlyList<IPackageSpec> specs,
        HasDevUnits hasDevUnits,
        ForceAllTargets forceAllTargets,
        CancellationToken cancellationToken)
    {
        var lockResolve = await resolver.ResolveWithLockfileAsync(cancellationToken).ConfigureAwait(false);
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
        return new ResolvedWorkspace(lockResolve, targeted, members, features);
    }
}
