using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Util.Diagnostics;

namespace Ferry.Resolver;

/// <summary>Rejects dependency cycles through normal and build dependencies (dev-dependency cycles are allowed).</summary>
internal static class CycleCheck
{
    public static void Check(Resolve resolve)
    {
        var checkedSet = new HashSet<PackageId>();
        var visiting = new HashSet<PackageId>();
        var path = new List<PackageId>();
        foreach (var package in resolve.Packages.OrderBy(id => id))
        {
            if (!checkedSet.Contains(package))
            {
                Visit(resolve, package, visiting, path, checkedSet);
            }
        }
    }

    private static void Visit(Resolve resolve, PackageId id, HashSet<PackageId> visiting, List<PackageId> path, HashSet<PackageId> checkedSet)
    {
        if (!visiting.Add(id))
        {
            var steps = new List<(PackageId, Dependency?)> { (id, null) };
            var child = id;
            for (var i = path.Count - 1; i >= 0; i--)
            {
                var parent = path[i];
                Dependency? dep = null;
                foreach (var edge in resolve.Dependencies(parent))
                {
                    if (edge.Target == child || (resolve.Replacements.TryGetValue(edge.Target, out var r) && r == child))
                    {
                        dep = edge.Declarations.FirstOrDefault(d => d.IsTransitive);
                        break;
                    }
                }

                steps.Add((parent, dep));
                child = parent;
            }

            throw new FerryException($"cyclic package dependency: package `{id}` depends on itself. Cycle:\n{ActivationErrors.DescribePath(steps)}");
        }

        if (checkedSet.Add(id))
        {
            path.Add(id);
            foreach (var edge in resolve.Dependencies(id))
            {
                if (!edge.Declarations.Any(d => d.IsTransitive))
                {
                    continue;
                }

                Visit(resolve, edge.Target, visiting, path, checkedSet);
                if (resolve.Replacements.TryGetValue(edge.Target, out var replacement))
                {
                    Visit(resolve, replacement, visiting, path, checkedSet);
                }
            }

            path.RemoveAt(path.Count - 1);
        }

        visiting.Remove(id);
    }
}
