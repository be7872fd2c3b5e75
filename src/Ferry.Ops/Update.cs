using Ferry.Core.Configuration;
using Ferry.Core.Identity;
using Ferry.Core.Lockfile;
using Ferry.Core.Manifest;
using Ferry.Core.Resolution;
using Ferry.Ops.Resolution;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops;

/// <summary>
/// <c>ferry update</c>: re-resolve with the previous lockfile kept except for what is being
/// updated (everything, <c>-p</c> packages, their dependencies with <c>--recursive</c>, or one
/// package to a <c>--precise</c> version), then report and write the changes.
/// </summary>
public static class Update
{
    public static async Task RunAsync(GlobalContext gctx, IManifestEnvironment environment, UpdateOptions options, CancellationToken cancellationToken)
    {
        if (options.Recursive && options.Precise is not null)
        {
            throw new FerryException("cannot specify both recursive and precise simultaneously");
        }

        var loader = new ManifestLoader(environment);
        var workspace = WorkspaceArgs.Workspace(options.ManifestPath, environment, loader);
        if (!workspace.Members.Any())
        {
            throw new FerryException("you can't generate a lockfile for an empty workspace.");
        }

        using var registry = WorkspaceResolver.CreateRegistry(gctx, loader);
        var resolver = new WorkspaceResolver(workspace, loader, gctx, registry);
        var previous = resolver.LoadPrevious();
        if (previous is null)
        {
            if (options.Precise is null)
            {
                await GenerateLockfile.RunAsync(gctx, environment, options.ManifestPath, cancellationToken).ConfigureAwait(false);
                return;
            }

            previous = await resolver.ResolveWithPreviousAsync(null, new WorkspaceResolveOptions(), cancellationToken).ConfigureAwait(false);
        }

        var toAvoid = new HashSet<PackageId>();
        var sources = new List<SourceId>();
        PreciseUpdate? precise = null;
        var previousIds = previous.Packages.OrderBy(id => id).ToList();
        if (options.ToUpdate.Count == 0)
        {
            if (!options.Workspace)
            {
                toAvoid.UnionWith(previous.Packages);
                toAvoid.UnionWith(previous.UnusedPatches);
            }
        }
        else
        {
            foreach (var name in options.ToUpdate)
            {
                var pid = PackageIdSpec.QueryString(name, previousIds, gctx.Cwd);
                if (options.Recursive)
                {
                    FillWithDeps(previous, pid, toAvoid);
                }
                else
                {
                    toAvoid.Add(pid);
                    // Cargo adds the source without its locked commit, so a git source fetches anew;
                    // `--precise` for a git source is the commit (or revision) to move to.
                    sources.Add(options.Precise is null ? pid.Source.WithPrecise(null) : pid.Source.IsGit ? pid.Source.WithPrecise(options.Precise) : pid.Source);
                    if (options.Precise is { } preciseText && !pid.Source.IsGit)
                    {
                        precise = PreciseUpdate.For(pid, preciseText);
                    }
                }

                if (previous.UnusedPatches.Length > 0 && TryQuery(name, previous.UnusedPatches, gctx.Cwd) is { } unused)
                {
                    toAvoid.Add(unused);
                }
            }

            var members = workspace.Members.Select(m => m.PackageId).ToList();
            toAvoid.RemoveWhere(id => members.Any(member => member.Name == id.Name && member.Source == id.Source));
            registry.AddSources(sources);
        }

        var avoidSources = toAvoid.Select(id => id.Source).Where(source => !source.IsRegistry).ToHashSet();
        bool Keep(PackageId id) => !avoidSources.Contains(id.Source) && !toAvoid.Contains(id);

        var resolveOptions = new WorkspaceResolveOptions
        {
            KeepPrevious = Keep,
            AllowYanked = precise is null ? [] : [precise.Target],
        };
        var resolve = await resolver.ResolveWithPreviousAsync(previous, resolveOptions, cancellationToken, precise).ConfigureAwait(false);

        new LockfileChanges(gctx.Shell, registry, workspace.Members.Select(m => m.PackageId), resolver.HonorsRustVersion(), resolver.RequiredRustVersion)
        {
            Precise = precise,
        }.PrintUpdates(previous, resolve, options.Precise is not null);
        if (options.DryRun)
        {
            gctx.Shell.Warn("not updating lockfile due to dry run");
            return;
        }

        LockfileWriter.Write(resolve, resolver.LockfilePath, new LockfileWriteOptions
        {
            Lock = gctx.Cli.Frozen ? LockfileLock.Frozen : gctx.Locked ? LockfileLock.Locked : LockfileLock.None,
            LowestRustVersion = resolver.LowestRustVersion(),
            Context = resolver.LockfileContext(),
        });
    }

    private static PackageId? TryQuery(string spec, IEnumerable<PackageId> ids, string cwd)
    {
        try
        {
            return PackageIdSpec.QueryString(spec, ids.ToList(), cwd);
        }
        catch (FerryException)
        {
            return null;
        }
    }

    private static void FillWithDeps(Resolve resolve, PackageId start, HashSet<PackageId> set)
    {
        var visited = new HashSet<PackageId>();
        var stack = new Stack<PackageId>();
        stack.Push(start);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!visited.Add(id))
            {
                continue;
            }

            set.Add(id);
            foreach (var edge in resolve.Dependencies(id))
            {
                stack.Push(edge.Target);
            }
        }
    }
}
