using System.Collections.Immutable;
using Ferry.Core.Identity;
using Ferry.Resolver.Features;

namespace Ferry.Ops.Trees;

/// <summary>
/// The graph <c>cargo tree</c> prints (Cargo's <c>cargo_tree::graph::Graph</c>): nodes in creation
/// order (indexes matter, since feature nodes sort by their package node's index), outgoing edges
/// per node grouped by kind (each kind is a section of the output), and the bookkeeping the
/// feature edges need. Built by <see cref="TreeGraphBuilder"/>, then possibly cut down to what some
/// roots reach (<c>--duplicates</c>) and inverted (<c>-i</c>, <c>-d</c>) before printing.
/// </summary>
internal sealed class TreeGraph
{
    private readonly List<TreeNode> _nodes = [];
    private List<Dictionary<TreeEdgeKind, List<TreeEdge>>> _edges = [];
    private readonly Dictionary<TreeNode, int> _index = [];

    public IReadOnlyList<TreeNode> Nodes => _nodes;

    /// <summary>Feature nodes enabled on the command line (<c>(command-line)</c> in the output).</summary>
    public HashSet<int> CliFeatures { get; } = [];

    /// <summary>
    /// Per package node, its dependencies by name in the manifest: the package nodes they lead to
    /// and whether the declaration is optional (for <c>dep/feat</c> feature links).
    /// </summary>
    public Dictionary<int, Dictionary<string, List<(int Node, bool Optional)>>> DepNames { get; } = [];

    public int? Find(TreeNode node) => _index.TryGetValue(node, out var index) ? index : null;

    public int Add(TreeNode node)
    {
        var index = _nodes.Count;
        _nodes.Add(node);
        _edges.Add([]);
        _index[node] = index;
        return index;
    }

    public void AddEdge(int from, TreeEdge edge)
    {
        var byKind = _edges[from];
        if (!byKind.TryGetValue(edge.Kind, out var list))
        {
            list = [];
            byKind[edge.Kind] = list;
        }

        if (!list.Contains(edge))
        {
            list.Add(edge);
        }
    }

    public bool HasOutgoingEdges(int node) => _edges[node].Count != 0;

    /// <summary>The edges of one kind, sorted by the node they lead to (for a stable output).</summary>
    public List<TreeEdge> EdgesOfKind(int from, TreeEdgeKind kind)
    {
        if (!_edges[from].TryGetValue(kind, out var list))
        {
            return [];
        }

        var sorted = list.ToList();
        sorted.Sort((a, b) => _nodes[a.Node].CompareTo(_nodes[b.Node]));
        return sorted;
    }

    private IEnumerable<TreeEdge> AllEdges(int from) => _edges[from].OrderBy(pair => pair.Key).SelectMany(pair => pair.Value);

    /// <summary>The package nodes of the given packages, in node order.</summary>
    public List<int> IndexesFromIds(IReadOnlyCollection<PackageId> ids) =>
        [.. Enumerable.Range(0, _nodes.Count)
            .Where(i => _nodes[i].Package is { } package && ids.Contains(package))
            .OrderBy(i => _nodes[i])];

    /// <summary>A new graph of only what <paramref name="roots"/> reach (package nodes only: <c>-d</c> does not work with features).</summary>
    public TreeGraph FromReachable(IEnumerable<int> roots)
    {
        var result = new TreeGraph();
        var remap = new int?[_nodes.Count];

        int Visit(int index)
        {
            if (remap[index] is { } known)
            {
                return known;
            }

            var newFrom = result.Add(_nodes[index]);
            remap[index] = newFrom;
            foreach (var edge in AllEdges(index).ToList())
            {
                var to = Visit(edge.Node);
                result.AddEdge(newFrom, edge with { Node = to });
            }

            return newFrom;
        }

        foreach (var root in roots)
        {
            Visit(root);
        }

        return result;
    }

    /// <summary>Turns every edge around (<c>-i</c>: what depends on a package).</summary>
    public void Invert()
    {
        var inverted = new List<Dictionary<TreeEdgeKind, List<TreeEdge>>>(_edges.Count);
        for (var i = 0; i < _edges.Count; i++)
        {
            inverted.Add([]);
        }

        var original = _edges;
        _edges = inverted;
        for (var from = 0; from < original.Count; from++)
        {
            foreach (var (_, list) in original[from].OrderBy(pair => pair.Key))
            {
                foreach (var edge in list)
                {
                    AddEdge(edge.Node, edge with { Node = from });
                }
            }
        }
    }

    /// <summary>
    /// The package nodes whose package name occurs with different versions, sources or features
    /// (the platform does not count), sorted: the roots of <c>--duplicates</c>.
    /// </summary>
    public List<int> FindDuplicates()
    {
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < _nodes.Count; i++)
        {
            if (_nodes[i].Package is { } package)
            {
                if (!byName.TryGetValue(package.Name, out var list))
                {
                    list = [];
                    byName[package.Name] = list;
                }

                list.Add(i);
            }
        }

        var dupes = new List<int>();
        foreach (var indexes in byName.Values)
        {
            if (indexes.Select(i => _nodes[i].OnHost()).Distinct().Count() > 1)
            {
                dupes.AddRange(indexes);
            }
        }

        dupes.Sort((a, b) =>
        {
            var c = _nodes[a].CompareTo(_nodes[b]);
            return c != 0 ? c : a.CompareTo(b);
        });
        return dupes;
    }

    /// <summary>The package of a package node (feature nodes have none: a bug to ask).</summary>
    public PackageId PackageOf(int node) =>
        _nodes[node].Package ?? throw new InvalidOperationException("unexpected feature node");

    public ImmutableArray<string> FeaturesOf(int node) => _nodes[node].Features;

    public CompileKind KindOf(int node) => _nodes[node].Kind!;
}
