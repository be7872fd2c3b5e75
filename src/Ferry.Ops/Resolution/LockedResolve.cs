using Ferry.Core.Configuration;
using Ferry.Core.Lockfile;
using Ferry.Core.Manifest;
using Ferry.Core.Resolution;
using Ferry.Core.Workspaces;
using Ferry.Sources;

namespace Ferry.Ops.Resolution;

/// <summary>
/// Cargo's <c>ops::resolve_ws</c> / <c>resolve_with_registry</c>, the implicit resolution every
/// command that needs the dependency graph starts with (<c>fetch</c>, <c>vendor</c>, <c>tree</c>,
/// <c>build</c>): resolve the whole workspace (all features, dev-dependencies) keeping what
/// <c>Cargo.lock</c> pins, write the lockfile if the result differs (refused under
/// <c>--locked</c>/<c>--frozen</c>), and report what changed (<c>Locking 3 packages ...</c>) only
/// when it was written.
/// </summary>
internal static class LockedResolve
{
    /// <summary>Resolves <paramref name="workspace"/> through <paramref name="registry"/> and keeps Cargo.lock in step.</summary>
    /// <param name="beforeWrite">
    /// Awaited after resolving and before the lockfile is touched: a command that asks something
    /// else meanwhile (<c>tree</c> runs rustc) fails with that error first, as Cargo does when it
    /// asks before resolving, and leaves the lockfile alone.
    /// </param>
    public static async Task<LockedResolveResult> ResolveAsync(
        GlobalContext gctx,
        Workspace workspace,
        ManifestLoader loader,
        PackageRegistry registry,
        CancellationToken cancellationToken,
        Func<Task>? beforeWrite = null)
    {
        var resolver = new WorkspaceResolver(workspace, loader, gctx, registry);
        Resolve? previous;
        Resolve resolve;
        try
        {
            previous = resolver.LoadPrevious();
            resolve = await resolver.ResolveWithPreviousAsync(previous, new WorkspaceResolveOptions(), cancellationToken).ConfigureAwait(false);
        }
        catch when (beforeWrite is not null)
        {
            // The other question was asked first: its failure is the one to report.
            await beforeWrite().ConfigureAwait(false);
            throw;
        }

        if (beforeWrite is not null)
        {
            await beforeWrite().ConfigureAwait(false);
        }

        var plan = LockfileWriter.Write(resolve, resolver.LockfilePath, new LockfileWriteOptions
        {
            Lock = gctx.Cli.Frozen ? LockfileLock.Frozen : gctx.Locked ? LockfileLock.Locked : LockfileLock.None,
            LowestRustVersion = resolver.LowestRustVersion(),
            Context = resolver.LockfileContext(),
        });
        if (plan.Changed)
        {
            new LockfileChanges(gctx.Shell, registry, workspace.Members.Select(m => m.PackageId), resolver.HonorsRustVersion(), resolver.RequiredRustVersion)
                .PrintSync(previous, plan.Resolve);
        }

        return new LockedResolveResult(plan.Resolve, previous, resolver);
    }
}
