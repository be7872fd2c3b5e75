using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Manifest;
using Ferry.Core.Workspaces;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops.Resolution;

/// <summary>
/// Every path package reachable from the workspace (members, their path dependencies
/// transitively, and path <c>[patch]</c>/<c>[replace]</c> entries): lockfiles omit the source of
/// path packages, so reading one back needs this list (Cargo's <c>build_path_deps</c>).
/// </summary>
internal static class PathPackages
{
    public static List<Manifest> Collect(Workspace workspace, ManifestLoader loader)
    {
        var result = new List<Manifest>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (var member in workspace.Members)
        {
            queue.Enqueue(member.ManifestPath);
        }

        foreach (var patch in workspace.RootMaybe.Patch)
        {
            foreach (var dep in patch.Dependencies)
            {
                EnqueuePath(dep, queue);
            }
        }

        foreach (var replace in workspace.RootMaybe.Replace)
        {
            EnqueuePath(replace.Dependency, queue);
        }

        while (queue.Count > 0)
        {
            var path = queue.Dequeue();
            if (!seen.Add(path))
            {
                continue;
            }

            Manifest manifest;
            try
            {
                manifest = workspace.Loaded.TryGetValue(path, out var loaded) && loaded is Manifest package ? package : loader.ReadPackage(path);
            }
            catch (FerryException)
            {
                // A broken path dependency is reported by the resolver with its context; here it only
                // means the lockfile cannot name it.
                continue;
            }

            result.Add(manifest);
            foreach (var dep in manifest.Dependencies)
            {
                EnqueuePath(dep, queue);
            }
        }

        return result;
    }

    private static void EnqueuePath(Dependency dep, Queue<string> queue)
    {
        if (dep.Source.Kind == SourceKind.Path)
        {
            queue.Enqueue(Path.Combine(dep.Source.LocalPath, "Cargo.toml"));
        }
    }
}
