using System.Collections.Immutable;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Ops.Resolution;
using Ferry.Resolver.Features;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops.Exports;

/// <summary>
/// The <c>resolve</c> graph of <c>cargo metadata</c> (Cargo's <c>build_resolve_graph_r</c>): from
/// the workspace members through the targeted resolve, keeping only edges to packages with a
/// library, and with <c>--filter-platform</c> only edges some declaration of which applies to a
/// requested platform. Features are the dependency resolver's, as Cargo reports them.
/// </summary>
internal static class ExportResolveGraph
{
    /// <summary>The nodes reachable from <paramref name="roots"/>, in package id order.</summary>
    public static ImmutableArray<ExportNode> Build(IEnumerable<PackageId> roots, Resolve resolve, PackageManifests packages, TargetData targetData)
    {
        var nodes = new SortedDictionary<PackageId, ExportNode>();
        var hostOnly = targetData.RequestedKinds is [{ IsHost: true }];
        var stack = new Stack<PackageId>(roots.Reverse());
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (nodes.ContainsKey(id))
            {
                continue;
            }

            var deps = ImmutableArray.CreateBuilder<ExportDep>();
            foreach (var edge in resolve.Dependencies(id))
            {
                if (!hostOnly && !targetData.RequestedKinds.Any(kind => edge.Declarations.Any(dep => targetData.DepPlatformActivated(dep, kind))))
                {
                    continue;
                }

                var manifest = packages.Get(edge.Target)
                    ?? throw new InvalidOperationException($"package `{edge.Target}` of the resolve was not downloaded");
                var lib = manifest.Targets.FirstOrDefault(t => t.IsLib);
                if (lib is null)
                {
                    // A dependency on a package without a library (only binaries) is not shown.
                    continue;
                }

                var kinds = edge.Declarations.Select(dep => new ExportDepKind(dep.Kind, dep.Platform)).Order().ToImmutableArray();
                deps.Add(new ExportDep(ExternCrateName(id, edge, lib.Name), edge.Target, kinds));
            }

            nodes[id] = new ExportNode(id, deps.ToImmutable(), resolve.Features.GetValueOrDefault(id, []));
            for (var i = deps.Count - 1; i >= 0; i--)
            {
                stack.Push(deps[i].Package);
            }
        }

        return [.. nodes.Values];
    }

    /// <summary>
    /// The name the dependent uses for the crate (Cargo's <c>extern_crate_name_and_dep_name</c>):
    /// the rename in its manifest, else the library's name, with dashes as underscores.
    /// </summary>
    private static string ExternCrateName(PackageId from, ResolvedEdge edge, string libName)
    {
        var crateName = libName.Replace('-', '_');
        if (from == edge.Target)
        {
            return crateName;
        }

        var names = edge.Declarations
            .Select(dep => dep.ExplicitNameInToml is { } rename ? rename.Replace('-', '_') : crateName)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (names.Count > 1)
        {
            throw new FerryException($"the crate `{from}` depends on crate `{edge.Target}` multiple times with different names");
        }

        return names.Count == 0 ? crateName : names[0];
    }
}
