using Ferry.Build.Units;

namespace Ferry.Build.Execution;

/// <summary>
/// Units waiting for their dependencies (Cargo's <c>DependencyQueue</c>). An edge is satisfied by
/// the dependency's metadata (pipelining: an rlib needs only its dependencies' <c>.rmeta</c>) or by
/// its completion. Among ready units the one with the most transitive dependents goes first, which
/// approximates the critical path.
/// </summary>
internal sealed class DependencyQueue
{
    private readonly Dictionary<Unit, HashSet<(Unit Dep, bool MetadataOnly)>> _waiting = [];
    private readonly Dictionary<(Unit Dep, bool MetadataOnly), List<Unit>> _reverse = [];
    private readonly Dictionary<Unit, int> _priority = [];

    public int Count => _waiting.Count;

    public void Enqueue(Unit unit, IEnumerable<(Unit Dep, bool MetadataOnly)> dependencies)
    {
        var set = new HashSet<(Unit, bool)>();
        foreach (var edge in dependencies)
        {
            if (set.Add(edge))
            {
                if (!_reverse.TryGetValue(edge, out var list))
                {
                    list = [];
                    _reverse[edge] = list;
                }

                list.Add(unit);
            }
        }

        _waiting[unit] = set;
    }

    /// <summary>Computes priorities once everything is queued: the costs of the unit and of everything that transitively depends on it.</summary>
    public void Finish(Func<Unit, int> cost)
    {
        var dependents = new Dictionary<Unit, List<Unit>>();
        foreach (var ((dep, _), units) in _reverse)
        {
            if (!dependents.TryGetValue(dep, out var list))
            {
                list = [];
                dependents[dep] = list;
            }

            list.AddRange(units);
        }

        var memo = new Dictionary<Unit, HashSet<Unit>>();
        HashSet<Unit> Closure(Unit unit)
        {
            if (memo.TryGetValue(unit, out var done))
            {
                return done;
            }

            var set = new HashSet<Unit> { unit };
            memo[unit] = set;
            if (dependents.TryGetValue(unit, out var direct))
            {
                foreach (var dependent in direct)
                {
                    set.UnionWith(Closure(dependent));
                }
            }

            return set;
        }

        foreach (var unit in _waiting.Keys)
        {
            // As in Cargo, the unit's own cost counts twice (once on its own, once in the set).
            _priority[unit] = cost(unit) + Closure(unit).Sum(cost);
        }
    }

    public int Priority(Unit unit) => _priority.TryGetValue(unit, out var p) ? p : 0;

    /// <summary>Removes and returns every unit whose dependencies are all satisfied.</summary>
    public List<Unit> DequeueReady()
    {
        var ready = _waiting.Where(p => p.Value.Count == 0).Select(p => p.Key).ToList();
        foreach (var unit in ready)
        {
            _waiting.Remove(unit);
        }

        return ready;
    }

    /// <summary>Marks an edge kind of <paramref name="unit"/> satisfied.</summary>
    public void Satisfy(Unit unit, bool metadataOnly)
    {
        if (_reverse.TryGetValue((unit, metadataOnly), out var dependents))
        {
            foreach (var dependent in dependents)
            {
                if (_waiting.TryGetValue(dependent, out var set))
                {
                    set.Remove((unit, metadataOnly));
                }
            }
        }
    }
}
