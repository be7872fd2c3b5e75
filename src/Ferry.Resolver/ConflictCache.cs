using Ferry.Core.Dependencies;
using Ferry.Core.Identity;

namespace Ferry.Resolver;

/// <summary>
/// Remembers, per dependency, sets of activated packages under which it cannot be resolved, so
/// the search never repeats a dead end ("conflict caching"). Stored as a trie over the sorted
/// package ids of each set; a lookup finds the stored set whose newest member is oldest, which
/// lets the resolver jump back as far as possible.
/// </summary>
internal sealed class ConflictCache
{
    private readonly Dictionary<Dependency, Trie> _byDependency = new();
    private readonly Dictionary<PackageId, HashSet<Dependency>> _dependenciesByPackage = new();

    public ConflictMap? Find(Dependency dep, Func<PackageId, int?> isActive, PackageId? mustContain, int maxAge) =>
        _byDependency.TryGetValue(dep, out var trie) ? trie.Find(isActive, mustContain, maxAge)?.Conflict : null;

    public ConflictMap? FindConflicting(ResolverContext cx, Dependency dep, PackageId? mustContain) =>
        Find(dep, cx.IsActive, mustContain, int.MaxValue);

    public ConflictMap? Conflicting(ResolverContext cx, Dependency dep) => FindConflicting(cx, dep, null);

    public void Insert(Dependency dep, ConflictMap conflict)
    {
        if (!_byDependency.TryGetValue(dep, out var trie))
        {
            trie = Trie.NewNode();
            _byDependency[dep] = trie;
        }

        trie.Insert(conflict.Keys.GetEnumerator(), new ConflictMap(conflict));
        foreach (var id in conflict.Keys)
        {
            if (!_dependenciesByPackage.TryGetValue(id, out var set))
            {
                set = [];
                _dependenciesByPackage[id] = set;
            }

            set.Add(dep);
        }
    }

    public HashSet<Dependency>? DependenciesConflictingWith(PackageId id) =>
        _dependenciesByPackage.TryGetValue(id, out var set) ? set : null;

    private sealed class Trie
    {
        private ConflictMap? _leaf;
        private SortedDictionary<PackageId, Trie>? _node;

        public static Trie NewNode() => new() { _node = new SortedDictionary<PackageId, Trie>() };

        public (ConflictMap Conflict, int Age)? Find(Func<PackageId, int?> isActive, PackageId? mustContain, int maxAge)
        {
            if (_leaf is not null)
            {
                return mustContain is null ? (_leaf, 0) : null;
            }

            (ConflictMap, int)? result = null;
            foreach (var (pid, store) in _node!)
            {
                // Keys are sorted: once past `mustContain`, it can no longer be in any set found.
                if (mustContain is { } limit && pid.CompareTo(limit) > 0)
                {
                    break;
                }

                if (isActive(pid) is not { } ageThis)
                {
                    continue;
                }

                if (ageThis >= maxAge && mustContain != pid)
                {
                    continue;
                }

                var nextMust = mustContain is { } m && m == pid ? null : mustContain;
                if (store.Find(isActive, nextMust, maxAge) is { } found)
                {
                    var age = mustContain == pid ? found.Age : Math.Max(ageThis, found.Age);
                    if (maxAge > age)
                    {
                        result = (found.Conflict, age);
                        maxAge = age;
                    }
                }
            }

            return result;
        }

        public void Insert(IEnumerator<PackageId> ids, ConflictMap conflict)
        {
            if (ids.MoveNext())
            {
                var pid = ids.Current;
                if (_node is not null)
                {
                    if (!_node.TryGetValue(pid, out var child))
                    {
                        child = NewNode();
                        _node[pid] = child;
                    }

                    child.Insert(ids, conflict);
                }
            }
            else
            {
                _node = null;
                _leaf = conflict;
            }
        }
    }
}
