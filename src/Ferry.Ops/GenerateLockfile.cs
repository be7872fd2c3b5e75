using Ferry.Core.Configuration;
using Ferry.Core.Lockfile;
using Ferry.Core.Manifest;
using Ferry.Ops.Resolution;

namespace Ferry.Ops;

/// <summary><c>ferry generate-lockfile</c>: resolve the whole workspace afresh (ignoring any existing lockfile) and write Cargo.lock.</summary>
public static class GenerateLockfile
{
    public static async Task RunAsync(GlobalContext gctx, IManifestEnvironment environment, string? manifestPath, CancellationToken cancellationToken)
    {
        var loader = new ManifestLoader(environment);
        var workspace = WorkspaceArgs.Workspace(manifestPath, environment, loader);
        using var registry = WorkspaceResolver.CreateRegistry(gctx, loader);
        var resolver = new WorkspaceResolver(workspace, loader, gctx, registry);
        var resolve = await resolver.ResolveWithPreviousAsync(null, new WorkspaceResolveOptions(), cancellationToken).ConfigureAwait(false);
        LockfileWriter.Write(resolve, resolver.LockfilePath, new LockfileWriteOptions
        {
            Lock = gctx.Cli.Frozen ? LockfileLock.Frozen : gctx.Locked ? LockfileLock.Locked : LockfileLock.None,
            LowestRustVersion = resolver.LowestRustVersion(),
            Context = resolver.LockfileContext(),
        });
        new LockfileChanges(gctx.Shell, registry, workspace.Members.Select(m => m.PackageId), resolver.HonorsRustVersion(), resolver.RequiredRustVersion)
            .PrintGeneration(resolve);
    }
}
