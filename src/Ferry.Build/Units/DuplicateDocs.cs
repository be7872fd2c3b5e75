using Ferry.Core.Identity;
using Ferry.Resolver.Features;

namespace Ferry.Build.Units;

/// <summary>
/// Cargo's <c>remove_duplicate_doc</c>: when dependencies are documented, several doc units can
/// share a crate name (and so an output directory). Non-root duplicates are dropped: host ones
/// when no <c>--target</c> was given, then older versions of the same package and source.
/// Remaining duplicates are left for the collision warning.
/// </summary>
internal static class DuplicateDocs
{
    public static void Remove(Dictionary<Unit, List<UnitDep>> graph, IReadOnlyList<Unit> roots, bool requestedAllHost)
    {
        var rootSet = roots.ToHashSet();
        var removed = new HashSet<Unit>();
        var byCrate = graph.Keys.Where(u => u.Mode == CompileMode.Doc).GroupBy(u => u.CrateName, StringComparer.Ordinal);
        foreach (var group in byCrate)
        {
            var units = group.ToList();
            if (units.Count == 1)
            {
                continue;
            }

            if (requestedAllHost)
            {
                units = Drop(units, u => u.Kind.IsHost);
                if (units.Count == 1)
                {
                    continue;
                }
            }

            foreach (var same in units.GroupBy(u => (u.Package.Name, u.Package.Id.Source, u.Kind)))
            {
                var list = same.ToList();
                if (list.Count > 1)
                {
                    var newest = list.Max(u => u.Package.Version)!;
                    Drop(list, u => u.Package.Version < newest);
                }
            }
        }

        if (removed.Count == 0)
        {
            return;
        }

        foreach (var unit in removed)
        {
            graph.Remove(unit);
        }

        foreach (var deps in graph.Values)
        {
            deps.RemoveAll(d => removed.Contains(d.Unit));
        }

        // Units only the removed ones needed are orphans now.
        var reachable = new HashSet<Unit>();
        var stack = new Stack<Unit>(roots);
        while (stack.TryPop(out var unit))
        {
            if (reachable.Add(unit) && graph.TryGetValue(unit, out var deps))
            {
                foreach (var dep in deps)
                {
                    stack.Push(dep.Unit);
                }
            }
        }

        foreach (var unit in graph.Keys.Where(u => !reachable.Contains(u)).ToList())
        {
            graph.Remove(unit);
        }

        List<Unit> Drop(List<Unit> units, Func<Unit, bool> predicate)
        {
            var keep = new List<Unit>();
            foreach (var unit in units)
            {
                if (predicate(unit) && !rootSet.Contains(unit))
                {
                    removed.Add(unit);
                }
                else
                {
                    keep.Add(unit);
                }
            }

            return keep;
        }
    }
}
