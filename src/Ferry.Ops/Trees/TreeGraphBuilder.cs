using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Resolver;
using Ferry.Resolver.Features;

namespace Ferry.Ops.Trees;

/// <summary>
/// Builds the <see cref="TreeGraph"/> from a resolve and its feature resolution, the way Cargo's
/// <c>cargo_tree::graph::build</c> does. The walk order is Cargo's exactly (members by package id,
/// each platform requested, dependencies by package id, then declarations by kind and name), because
/// package node indexes decide how feature nodes sort.
/// </summary>
/// <remarks>
/// A package node is (package, activated features, platform): the same package built for the host
/// (a build-dependency, a proc-macro and everything below them) and for a <c>--target</c> are two
/// nodes. Dependency declarations are filtered as the unit graph filters them: the platform (a
/// build-dependency's, or anything below a host node, is the host's) unless <c>--target all</c>,
/// the requested edge kinds, <c>no-proc-macro</c>, <c>public</c>, and optional dependencies the
/// feature resolver did not enable. With <c>-e features</c>, feature nodes sit between a package
/// and its dependencies (one per feature the declaration enables, or a direct edge when it enables
/// none), command-line features are added as roots, and every feature's own <c>[features]</c>
/// entries are linked afterwards.
/// </remarks>
internal sealed class TreeGraphBuilder
{
    private readonly TreeGraph _graph = new();
    private readonly Resolve _resolve;
    private readonly ResolvedFeatures _features;
    private readonly TargetData _targetData;
    private readonly IProcMacroInfo _procMacros;
    private readonly TreeEdgeSelection _edges;
    private readonly bool _allTargets;

    private TreeGraphBuilder(Resolve resolve, ResolvedFeatures features, TargetData targetData, IProcMacroInfo procMacros, TreeEdgeSelection edges, bool allTargets)
    {
        _resolve = resolve;
        _features = features;
        _targetData = targetData;
        _procMacros = procMacros;
        _edges = edges;
        _allTargets = allTargets;
    }

    public static TreeGraph Build(
        Resolve resolve,
        ResolvedFeatures features,
        IReadOnlyList<MemberFeatures> members,
        TargetData targetData,
        IProcMacroInfo procMacros,
        TreeEdgeSelection edges,
        bool allTargets)
    {
        var builder = new TreeGraphBuilder(resolve, features, targetData, procMacros, edges, allTargets);
        foreach (var member in members.OrderBy(m => m.Id))
        {
            var featuresFor = procMacros.HasAnyProcMacro(member.Id) ? FeaturesFor.HostDep : FeaturesFor.NormalOrDev;
            foreach (var kind in targetData.RequestedKinds)
            {
                var index = builder.AddPackage(member.Id, featuresFor, kind);
                if (edges.Features)
                {
                    builder.AddCliFeatures(index, member.Features, resolve.Summaries[member.Id].Features);
                }
            }
        }

        if (edges.Features)
        {
            builder.AddInternalFeatures();
        }

        return builder._graph;
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
        if (_graph.Find(node) is { } existing)
        {
            return existing;
        }

        var from = _graph.Add(node);
        var depNames = new Dictionary<string, List<(int Node, bool Optional)>>(StringComparer.Ordinal);
        foreach (var edge in _resolve.Dependencies(package).OrderBy(e => e.Target))
        {
            var declarations = edge.Declarations.Distinct().Where(dep => Keep(package, featuresFor, nodeKind, edge.Target, dep)).ToList();
            if (declarations.Count == 0)
            {
                continue;
            }

            declarations.Sort((a, b) =>
            {
                var c = a.Kind.CompareTo(b.Kind);
                return c != 0 ? c : string.CompareOrdinal(a.NameInToml, b.NameInToml);
            });
            foreach (var dep in declarations)
            {
                FeaturesFor depFeaturesFor;
                if (featuresFor != FeaturesFor.NormalOrDev)
                {
                    // Whatever a host dependency uses is built for the host too.
                    depFeaturesFor = featuresFor;
                }
                else
                {
                    depFeaturesFor = dep.Kind == DependencyKind.Build || _procMacros.HasAnyProcMacro(edge.Target) ? FeaturesFor.HostDep : featuresFor;
                }

                var depIndex = AddPackage(edge.Target, depFeaturesFor, requestedKind);
                var newEdge = new TreeEdge(EdgeKindOf(dep.Kind), depIndex, dep.Public);
                if (_edges.Features)
                {
                    if (!depNames.TryGetValue(dep.NameInToml, out var connections))
                    {
                        connections = [];
                        depNames[dep.NameInToml] = connections;
                    }

                    if (!connections.Contains((depIndex, dep.Optional)))
                    {
                        connections.Add((depIndex, dep.Optional));
                    }

                    if (dep.DefaultFeatures)
                    {
                        AddFeature("default", from, newEdge);
                    }

                    foreach (var feature in dep.Features)
                    {
                        AddFeature(feature, from, newEdge);
                    }

                    if (!dep.DefaultFeatures && dep.Features.IsEmpty)
                    {
                        // No features: a direct connection.
                        _graph.AddEdge(from, newEdge);
                    }
                }
                else
                {
                    _graph.AddEdge(from, newEdge);
                }
            }
        }

        if (_edges.Features)
        {
            _graph.DepNames[from] = depNames;
        }

        return from;
    }

    /// <summary>Cargo's filter of a package's dependency declarations (kept in sync with the unit graph's).</summary>
    private bool Keep(PackageId package, FeaturesFor featuresFor, CompileKind nodeKind, PackageId target, Dependency dep)
    {
        var kind = nodeKind.IsHost || dep.Kind == DependencyKind.Build ? CompileKind.Host : nodeKind;
        if (!_allTargets && !_targetData.DepPlatformActivated(dep, kind))
        {
            return false;
        }

        if (!_edges.Includes(dep.Kind))
        {
            return false;
        }

        if (_edges.NoProcMacro && _procMacros.HasAnyProcMacro(target))
        {
            return false;
        }

        if (_edges.Public && !dep.Public)
        {
            return false;
        }

        // An optional dependency the feature resolver did not enable is not used.
        return !dep.Optional || _features.IsDepActivated(package, featuresFor, dep.NameInToml);
    }

    /// <summary>
    /// Adds <c>from -edge-> feature -Feature-> package</c> (without <paramref name="from"/>, just the
    /// feature node and its edge to the package). Returns whether the feature node is new, and its index.
    /// </summary>
    private (bool Missing, int Index) AddFeature(string name, int? from, TreeEdge to)
    {
        var node = TreeNode.OfFeature(to.Node, name);
        var existing = _graph.Find(node);
        var index = existing ?? _graph.Add(node);
        if (from is { } f)
        {
            _graph.AddEdge(f, new TreeEdge(to.Kind, index, to.Public));
        }

        _graph.AddEdge(index, new TreeEdge(TreeEdgeKind.Feature, to.Node, true));
        return (existing is null, index);
    }

    private TreeEdge FeatureEdge(int packageNode) => new(TreeEdgeKind.Feature, packageNode, true);

    /// <summary>The command line's features of a member, as feature nodes marked <c>(command-line)</c>.</summary>
    private void AddCliFeatures(int packageIndex, CliFeatures cli, ImmutableSortedDictionary<string, ImmutableArray<FeatureValue>> featureMap)
    {
        var toAdd = new List<FeatureValue>();
        if (cli.AllFeatures)
        {
            toAdd.AddRange(featureMap.Keys.Select(FeatureValue.Feature));
        }

        if (cli.UsesDefaultFeatures)
        {
            toAdd.Add(FeatureValue.Feature("default"));
        }

        toAdd.AddRange(cli.Features);
        foreach (var value in toAdd.Distinct())
        {
            switch (value.Kind)
            {
                case FeatureValueKind.Feature:
                    _graph.CliFeatures.Add(AddFeature(value.Name, null, FeatureEdge(packageIndex)).Index);
                    break;
                case FeatureValueKind.DepFeature:
                    if (!_graph.DepNames[packageIndex].TryGetValue(value.Name, out var connections))
                    {
                        // `--features bar?/feat` where `bar` is not in use is ignored.
                        if (value.Weak)
                        {
                            continue;
                        }

                        throw new InvalidOperationException($"missing dep graph connection for CLI feature `{value}` for member {_graph.Nodes[packageIndex].Package}");
                    }

                    foreach (var (depIndex, optional) in connections.ToList())
                    {
                        if (optional)
                        {
                            // Enables the optional dependency on the member itself.
                            _graph.CliFeatures.Add(AddFeature(value.Name, null, FeatureEdge(packageIndex)).Index);
                        }

                        _graph.CliFeatures.Add(AddFeature(value.DepFeature!, null, FeatureEdge(depIndex)).Index);
                    }

                    break;
                default:
                    throw new InvalidOperationException($"unexpected cli dep feature {value}");
            }
        }
    }

    /// <summary>Links every feature node to what its <c>[features]</c> entry enables, recursively.</summary>
    private void AddInternalFeatures()
    {
        var featureNodes = Enumerable.Range(0, _graph.Nodes.Count).Where(i => !_graph.Nodes[i].IsPackage).ToList();
        foreach (var index in featureNodes)
        {
            var node = _graph.Nodes[index];
            AddFeatureRec(node.FeatureName!, _graph.PackageOf(node.PackageNode), index, node.PackageNode);
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
                    var (missing, index) = AddFeature(value.Name, from, FeatureEdge(packageIndex));

                    // Recursing only into new nodes stops at cycles.
                    if (missing)
                    {
                        AddFeatureRec(value.Name, package, index, packageIndex);
                    }

                    break;
                case FeatureValueKind.Dep:
                    // Dependencies already show as dependency edges.
                    break;
                default:
                    if (!_graph.DepNames[packageIndex].TryGetValue(value.Name, out var connections))
                    {
                        // The dependency is not in use.
                        break;
                    }

                    foreach (var (depIndex, optional) in connections.ToList())
                    {
                        if (optional && !value.Weak)
                        {
                            AddFeature(value.Name, from, FeatureEdge(packageIndex));
                        }

                        var (depMissing, depFeature) = AddFeature(value.DepFeature!, from, FeatureEdge(depIndex));
                        if (depMissing)
                        {
                            AddFeatureRec(value.DepFeature!, _graph.PackageOf(depIndex), depFeature, depIndex);
                        }
                    }

                    break;
            }
        }
    }
}
