using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;

namespace Ferry.Resolver;

/// <summary>
/// Persistent graph from each activated package to the packages that depend on it, with the
/// dependency declarations on each edge. Persistent (structure-sharing) because every backtrack
/// frame keeps a copy; ordered by package id because the order of <see cref="Edges"/> steers
/// which conflict is generalised, and must match Cargo's.
/// </summary>
internal sealed class ParentsGraph
{
    public static readonly ParentsGraph Empty = new(ImmutableSortedDictionary<PackageId, ImmutableSortedDictionary<PackageId, ImmutableHashSet<Dependency>>>.Empty);

    private readonly ImmutableSortedDictionary<PackageId, ImmutableSortedDictionary<PackageId, ImmutableHashSet<Dependency>>> _nodes;

    private ParentsGraph(ImmutableSortedDictionary<PackageId, ImmutableSortedDictionary<PackageId, ImmutableHashSet<Dependency>>> nodes)
    {
        _nodes = nodes;
    }

    public IEnumerable<PackageId> Nodes => _nodes.Keys;

    /// <summary>Adds <paramref name="dep"/> to the edge from <paramref name="node"/> to <paramref name="parent"/>.</summary>
    public ParentsGraph Link(PackageId node, PackageId parent, Dependency dep)
    {
        var edges = _nodes.TryGetValue(node, out var existing) ? existing : ImmutableSortedDictionary<PackageId, ImmutableHashSet<Dependency>>.Empty;
        var deps = edges.TryGetValue(parent, out var set) ? set : ImmutableHashSet<Dependency>.Empty;
        return new ParentsGraph(_nodes.SetItem(node, edges.SetItem(parent, deps.Add(dep))));
    }

    public IEnumerable<KeyValuePair<PackageId, ImmutableHashSet<Dependency>>> Edges(PackageId node) =>
        _nodes.TryGetValue(node, out var edges) ? edges : [];

    /// <summary>Whether <paramref name="to"/> is reachable from <paramref name="from"/> following edges.</summary>
    public bool IsPathFromTo(PackageId from, PackageId to)
    {
        var stack = new Stack<PackageId>();
        var seen = new HashSet<PackageId> { from };
        stack.Push(from);
        while (stack.Count > 0)
        {
            if (!_nodes.TryGetValue(stack.Pop(), out var edges))
            {
                // Cargo stops the whole walk at the first node without an entry.
                return false;
            }

            foreach (var next in edges.Keys)
            {
                if (next == to)
                {
                    return true;
                }

                if (seen.Add(next))
                {
                    stack.Push(next);
                }
            }
        }

        return false;
    }

    /// <summary>A shortest path from <paramref name="package"/> towards a root, each step with one declaration of its edge.</summary>
    public List<(PackageId Package, Dependency? Dependency)> PathToBottom(PackageId package)
    {
        var backLink = new Dictionary<PackageId, (PackageId From, ImmutableHashSet<Dependency> Edge)>();
        var queue = new Queue<PackageId>();
        queue.Enqueue(package);
        var last = package;
        while (queue.Count > 0)
        {
            var p = queue.Dequeue();
            last = p;
            var outEdges = true;
            foreach (var (child, edge) in Edges(p))
            {
                outEdges = false;
                if (!backLink.ContainsKey(child))
                {
                    backLink[child] = (p, edge);
                    queue.Enqueue(child);
                }
            }

            if (outEdges)
            {
                break;
            }
        }

        var result = new List<(PackageId, Dependency?)>();
        var next = last;
        while (backLink.Remove(next, out var link))
        {
            result.Add((next, FirstDependency(link.Edge)));
            next = link.From;
        }

        if (result.TrueForAll(item => item.Item1 != next))
        {
            result.Add((next, null));
        }

        result.Reverse();
        return result;
    }

    /// <summary>Cargo takes the first element of a hash set here; the smallest by a stable key keeps output deterministic.</summary>
    private static Dependency? FirstDependency(ImmutableHashSet<Dependency> edge)
    {
        Dependency? best = null;
        foreach (var dep in edge)
        {
            if (best is null || string.CompareOrdinal(dep.NameInToml + dep.Req, best.NameInToml + best.Req) < 0)
            {
                best = dep;
            }
        }

        return best;
    }
}
