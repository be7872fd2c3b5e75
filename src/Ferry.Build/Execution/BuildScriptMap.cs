using Ferry.Build.Units;
using Ferry.Core.Identity;

namespace Ferry.Build.Execution;

/// <summary>
/// For every unit, whose build script outputs it links with (Cargo's <c>build_map</c>): its own
/// package's script, and transitively those of the linkable libraries it depends on; scripts of
/// host dependencies (proc-macros) only extend the library path of the compiler.
/// </summary>
internal sealed class BuildScriptMap
{
    private readonly Dictionary<Unit, Entry> _map = [];

    public sealed class Entry
    {
        public List<(PackageId Package, Unit Run)> ToLink { get; } = [];

        public HashSet<(PackageId Package, Unit Run)> Seen { get; } = [];

        public SortedSet<(PackageId Package, Unit Run)> Plugins { get; } = new(Comparer<(PackageId, Unit)>.Create((a, b) =>
        {
            var c = a.Item1.CompareTo(b.Item1);
            return c != 0 ? c : a.Item2.Index.CompareTo(b.Item2.Index);
        }));

        public void AddToLink(PackageId package, Unit run)
        {
            if (Seen.Add((package, run)))
            {
                ToLink.Add((package, run));
            }
        }
    }

    public static BuildScriptMap Build(UnitGraph graph)
    {
        var result = new BuildScriptMap();
        foreach (var root in graph.Roots)
        {
            result.Visit(graph, root);
        }

        return result;
    }

    public Entry? Get(Unit unit) => _map.TryGetValue(unit, out var entry) ? entry : null;

    /// <summary>The run of a unit's own package's build script, if it has one.</summary>
    public static Unit? OwnBuildScriptRun(UnitGraph graph, Unit unit)
    {
        if (unit.Mode == CompileMode.RunCustomBuild)
        {
            return unit;
        }

        return graph.Deps(unit).FirstOrDefault(d => d.Unit.Mode == CompileMode.RunCustomBuild && d.Unit.Package == unit.Package)?.Unit;
    }

    private Entry Visit(UnitGraph graph, Unit unit)
    {
        if (_map.TryGetValue(unit, out var done))
        {
            return done;
        }

        var entry = new Entry();
        if (!unit.Target.IsCustomBuild && unit.Package.CustomBuild is not null && OwnBuildScriptRun(graph, unit) is { } run)
        {
            entry.AddToLink(unit.Package.Id, run);
        }

        foreach (var dep in graph.Deps(unit).Select(d => d.Unit).OrderBy(u => u.Package.Id))
        {
            var depEntry = Visit(graph, dep);
            if (dep.Target.ForHost)
            {
                foreach (var item in depEntry.ToLink)
                {
                    entry.Plugins.Add(item);
                }
            }
            else if (dep.IsLinkable)
            {
                foreach (var (package, script) in depEntry.ToLink)
                {
                    entry.AddToLink(package, script);
                }
            }
        }

        _map[unit] = entry;
        return entry;
    }
}
