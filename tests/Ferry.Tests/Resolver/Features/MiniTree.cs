using System.Text;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Resolver;
using Ferry.Resolver.Features;

namespace Ferry.Tests.Resolver.Features;

/// <summary>
/// A test-only <c>cargo tree --prefix none --format '{p} {f}' --no-dedupe</c>, built the way
/// Cargo's <c>cargo_tree/graph.rs</c> builds its graph but from <see cref="ResolvedFeatures"/>:
/// package nodes keyed by (package, features, kind), dependency edges from
/// <see cref="ResolvedFeatures.ActiveDependencies"/>, and with <c>-e features</c> the feature
/// nodes between them (dependency features, command-line features, and the features' own
/// <c>[features]</c> links). What it prints is what the differential tests compare.
/// </summary>
internal sealed class MiniTree
{
    private readonly List<TreeNode> _nodes = [];
    private readonly List<Dictionary<TreeEdgeKind, List<(TreeEdgeKind Kind, int Node)>>> _edges = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly HashSet<int> _cliFeatures = [];
    private readonly Dictionary<int, Dictionary<string, HashSet<(int Node, bool Optional)>>> _depNames = [];
    private readonly Resolve _resolve;
    private readonly ResolvedFeatures _features;
    private readonly IProcMacroInfo _procMacros;
    private readonly TreeArgs _args;

    private MiniTree(Resolve resolve, ResolvedFeatures features, IProcMacroInfo procMacros, TreeArgs args)
    {
        _resolve = resolve;
        _features = features;
        _procMacros = procMacros;
        _args = args;
    }

    public static string Render(
        Resolve resolve,
        ResolvedFeatures features,
        IReadOnlyList<MemberFeatures> members,
        TargetData targetData,
        IProcMacroInfo procMacros,
        TreeArgs args,
        IReadOnlyCollection<PackageId> roots)
    {
        var tree = new MiniTree(resolve, features, procMacros, args);
        foreach (var member in members.OrderBy(m => m.Id))
        {
            var featuresFor = procMacros.HasAnyProcMacro(member.Id) ? FeaturesFor.HostDep : FeaturesFor.NormalOrDev;
            foreach (var kind in targetData.RequestedKinds)
            {
                var index = tree.AddPackage(member.Id, featuresFor, kind);
                if (args.GraphFeatures)
                {
                    tree.AddCliFeatures(index, member.Features, member.Member.Features);
                }
            }
        }

        if (args.GraphFeatures)
        {
            tree.AddInternalFeatures();
        }

        var rootNodes = Enumerable.Range(0, tree._nodes.Count)
            .Where(i => tree._nodes[i].Package is { } p && roots.Contains(p))
            .OrderBy(i => tree._nodes[i])
            .ToList();
        var output = new StringBuilder();
        for (var i = 0; i < rootNodes.Count; i++)
        {
            if (i != 0)
            {
                output.Append('\n');
            }

            tree.Print(rootNodes[i], output, []);
        }

        return output.ToString();
    }

    private int AddNode(TreeNode node)
    {
        var index = _nodes.Count;
        _nodes.Add(node);
        _edges.Add([]);
        _index[node.Key] = index;
        return index;
    }

    private void AddEdge(int from, (TreeEdgeKind Kind, int Node) edge)
    {
        if (!_edges[from].TryGetValue(edge.Kind, out var list))
        {
            list = [];
            _edges[from][edge.Kind] = list;
        }

        if (!list.Contains(edge))
        {
            list.Add(edge);
        }
    }

    private static TreeEdgeKind EdgeKindOf(DependencyKind kind) => kind switch
    {
        DependencyKind.Normal => TreeEdgeKind.Normal,
        DependencyKind.Build => TreeEdgeKind.Build,
        _ => TreeEdgeKind.Dev,
    };

    private int AddPackage(PackageId package, FeaturesFor featuresFor, CompileKind requestedKind)
    {
        var nodeKind = featuresFor == FeaturesFor.HostDep ? CompileKind.Host : requestedKind;
        var node = TreeNode.OfPackage(package, _features.ActivatedFeatures(package, featuresFor), nodeKind);
        if (_index.TryGetValue(node.Key, out var existing))
        {
            return existing;
        }

        var from = AddNode(node);
        var depNames = new Dictionary<string, HashSet<(int, bool)>>(StringComparer.Ordinal);
        foreach (var active in _features.ActiveDependencies(package, featuresFor, nodeKind))
        {
            var dep = active.Declaration;
            if (!_args.EdgeKinds.Contains(dep.Kind))
            {
                continue;
            }

            var depIndex = AddPackage(active.Target, active.FeaturesFor, requestedKind);
            var edge = (EdgeKindOf(dep.Kind), depIndex);
            if (_args.GraphFeatures)
            {
                if (!depNames.TryGetValue(dep.NameInToml, out var set))
                {
                    set = [];
                    depNames[dep.NameInToml] = set;
                }

                set.Add((depIndex, dep.Optional));
                if (dep.DefaultFeatures)
                {
                    AddFeature("default", from, edge);
                }

                foreach (var feature in dep.Features)
                {
                    AddFeature(feature, from, edge);
                }

                if (!dep.DefaultFeatures && dep.Features.IsEmpty)
                {
                    AddEdge(from, edge);
                }
            }
            else
            {
                AddEdge(from, edge);
            }
        }

        if (_args.GraphFeatures)
        {
            _depNames[from] = depNames;
        }

        return from;
    }

    /// <summary>Adds <c>from -edge-> feature -Feature-> to</c>; returns whether the feature node is new, and its index.</summary>
    private (bool Missing, int Index) AddFeature(string name, int? from, (TreeEdgeKind Kind, int Node) to)
    {
        var node = TreeNode.OfFeature(to.Node, name);
        var missing = !_index.TryGetValue(node.Key, out var index);
        if (missing)
        {
            index = AddNode(node);
        }

        if (from is { } f)
        {
            AddEdge(f, (to.Kind, index));
        }

        AddEdge(index, (TreeEdgeKind.Feature, to.Node));
        return (missing, index);
    }

    private void AddCliFeatures(int packageIndex, CliFeatures cli, IReadOnlyDictionary<string, System.Collections.Immutable.ImmutableArray<FeatureValue>> featureMap)
    {
        var toAdd = new HashSet<FeatureValue>();
        if (cli.AllFeatures)
        {
            toAdd.UnionWith(featureMap.Keys.Select(FeatureValue.Feature));
        }

        if (cli.UsesDefaultFeatures)
        {
            toAdd.Add(FeatureValue.Feature("default"));
        }

        toAdd.UnionWith(cli.Features);
        foreach (var value in toAdd)
        {
            if (value.Kind == FeatureValueKind.Feature)
            {
                _cliFeatures.Add(AddFeature(value.Name, null, (TreeEdgeKind.Feature, packageIndex)).Index);
                continue;
            }

            if (!_depNames[packageIndex].TryGetValue(value.Name, out var connections))
            {
                // `--features bar?/feat` where `bar` is not in use is ignored.
                if (value.Weak)
                {
                    continue;
                }

                throw new InvalidOperationException($"missing dep graph connection for CLI feature `{value}`");
            }

            foreach (var (depIndex, optional) in connections.ToList())
            {
                if (optional)
                {
                    _cliFeatures.Add(AddFeature(value.Name, null, (TreeEdgeKind.Feature, packageIndex)).Index);
                }

                _cliFeatures.Add(AddFeature(value.DepFeature!, null, (TreeEdgeKind.Feature, depIndex)).Index);
            }
        }
    }

    private void AddInternalFeatures()
    {
        var featureNodes = Enumerable.Range(0, _nodes.Count).Where(i => !_nodes[i].IsPackage).ToList();
        foreach (var i in featureNodes)
        {
            var node = _nodes[i];
            AddFeatureRec(node.FeatureName!, _nodes[node.PackageNode].Package!, i, node.PackageNode);
        }
    }

    private void AddFeatureRec(string featureName, PackageId package, int from, int packageIndex)
    {
        if (!_resolve.Summaries[package].Features.TryGetValue(featureName, out var values))
        {
            return;
        }

        foreach (var value in values)
        {
            switch (value.Kind)
            {
                case FeatureValueKind.Feature:
                    var (missing, index) = AddFeature(value.Name, from, (TreeEdgeKind.Feature, packageIndex));
                    if (missing)
                    {
                        AddFeatureRec(value.Name, package, index, packageIndex);
                    }

                    break;
                case FeatureValueKind.Dep:
                    // Dependencies already show as dependency edges.
                    break;
                default:
                    if (!_depNames[packageIndex].TryGetValue(value.Name, out var connections))
                    {
                        break;
                    }

                    foreach (var (depIndex, optional) in connections.ToList())
                    {
                        if (optional && !value.Weak)
                        {
                            AddFeature(value.Name, from, (TreeEdgeKind.Feature, packageIndex));
                        }

                        var (depMissing, depFeature) = AddFeature(value.DepFeature!, from, (TreeEdgeKind.Feature, depIndex));
                        if (depMissing)
                        {
                            AddFeatureRec(value.DepFeature!, _nodes[depIndex].Package!, depFeature, depIndex);
                        }
                    }

                    break;
            }
        }
    }

    private void Print(int index, StringBuilder output, List<int> stack)
    {
        var inCycle = stack.Contains(index);
        var hasDeps = _edges[index].Count != 0;
        output.Append(Display(index));
        if (inCycle && hasDeps)
        {
            output.Append(" (*)");
        }

        output.Append('\n');
        if (inCycle)
        {
            return;
        }

        stack.Add(index);
        foreach (var kind in new[] { TreeEdgeKind.Normal, TreeEdgeKind.Build, TreeEdgeKind.Dev, TreeEdgeKind.Feature })
        {
            if (!_edges[index].TryGetValue(kind, out var edges))
            {
                continue;
            }

            foreach (var edge in edges.OrderBy(e => _nodes[e.Node]))
            {
                Print(edge.Node, output, stack);
            }
        }

        stack.RemoveAt(stack.Count - 1);
    }

    private string Display(int index)
    {
        var node = _nodes[index];
        if (!node.IsPackage)
        {
            var owner = _nodes[node.PackageNode].Package!;
            return $"{owner.Name} feature \"{node.FeatureName}\"" + (_cliFeatures.Contains(index) ? " (command-line)" : string.Empty);
        }

        var id = node.Package!;
        var procMacro = _procMacros.HasAnyProcMacro(id) ? " (proc-macro)" : string.Empty;
        var source = id.Source.IsCratesIo ? string.Empty : $" ({id.Source})";
        return $"{id.Name} v{id.Version}{procMacro}{source} {string.Join(',', node.Features)}";
    }
}
