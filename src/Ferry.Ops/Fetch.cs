using Ferry.Core.Configuration;
using Ferry.Core.Identity;
using Ferry.Core.Manifest;
using Ferry.Core.Resolution;
using Ferry.Ops.Resolution;
using Ferry.Platform;
using Ferry.Sources.Cache;
using Ferry.Util.Diagnostics;
using Ferry.Util.Processes;

namespace Ferry.Ops;

/// <summary>
/// <c>ferry fetch</c> (Cargo's <c>ops::fetch</c>): resolve the workspace with its lockfile, then make
/// every package the members can reach readable in the package cache — downloaded in parallel,
/// checksum-verified, extracted by the hardened reader — so that a later build, even offline,
/// has everything. With <c>--target</c>, dependencies only other platforms use are skipped.
/// </summary>
public static class Fetch
{
    public static async Task RunAsync(GlobalContext gctx, IManifestEnvironment environment, FetchOptions options, CancellationToken cancellationToken)
    {
        var loader = new ManifestLoader(environment);
        var workspace = WorkspaceArgs.Workspace(options.ManifestPath, environment, loader);
        using var registry = WorkspaceResolver.CreateRegistry(gctx, loader);
        var locked = await LockedResolve.ResolveAsync(gctx, workspace, loader, registry, cancellationToken).ConfigureAwait(false);
        var platforms = await PlatformsAsync(gctx, options.Targets, cancellationToken).ConfigureAwait(false);
        var ids = Reachable(locked.Resolve, workspace.Members.Select(m => m.PackageId), platforms);
        await PackageSet.DownloadAsync(registry, locked.Resolve, ids, PackageDownloadOptions.Default, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Cargo's walk: every package reachable from the members; with targets, an edge counts when
    /// one of its declarations has no platform or a platform some target matches.
    /// </summary>
    internal static List<PackageId> Reachable(Resolve resolve, IEnumerable<PackageId> members, IReadOnlyList<(string Name, IReadOnlyList<Cfg> Cfgs)> platforms)
    {
        var seen = new HashSet<PackageId>();
        var result = new List<PackageId>();
        var pending = new Stack<PackageId>(members);
        while (pending.TryPop(out var id))
        {
            if (!seen.Add(id))
            {
                continue;
            }

            result.Add(id);
            foreach (var edge in resolve.Dependencies(id))
            {
                if (platforms.Count == 0 || edge.Declarations.Any(dep => dep.Platform is not { } platform || platforms.Any(p => platform.Matches(p.Name, p.Cfgs))))
                {
                    pending.Push(edge.Target);
                }
            }
        }

        return result;
    }

    /// <summary>The cfg values of each <c>--target</c>, from <c>rustc --print=cfg --target T</c>.</summary>
    private static async Task<IReadOnlyList<(string Name, IReadOnlyList<Cfg> Cfgs)>> PlatformsAsync(GlobalContext gctx, IReadOnlyList<string> targets, CancellationToken cancellationToken)
    {
        var result = new List<(string, IReadOnlyList<Cfg>)>();
        if (targets.Count == 0)
        {
            return result;
        }

        var rustc = gctx.Tool("rustc", gctx.Build.Rustc, required: true)!;
        foreach (var target in targets.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var triple = target.EndsWith(".json", StringComparison.Ordinal) ? Path.GetFullPath(target, gctx.Cwd) : target;
            ProcessResult output;
            try
            {
                output = (await ProcessRunner.RunAsync(rustc, ["--print=cfg", "--target", triple], gctx.Cwd, null, cancellationToken).ConfigureAwait(false)).EnsureSuccess();
            }
            catch (FerryException error)
            {
                throw new FerryException("failed to run `rustc` to learn about target-specific information", error);
            }

            var name = triple.EndsWith(".json", StringComparison.Ordinal) ? Path.GetFileNameWithoutExtension(triple) : triple;
            result.Add((name, (IReadOnlyList<Cfg>)RustcPrintCfg.Parse(output.Stdout)));
        }

        return result;
    }
}
