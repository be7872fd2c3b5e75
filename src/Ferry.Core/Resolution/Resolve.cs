using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;

namespace Ferry.Core.Resolution;

/// <summary>
/// The result of dependency resolution, and what Cargo.lock records: the packages, which
/// package each dependency edge resolved to (with the declarations behind the edge),
/// <c>[replace]</c> mappings, registry checksums, the features the resolve activated, unused
/// patches and the lockfile format version. Immutable; an update produces a new one.
/// </summary>
public sealed class Resolve
{
    public Resolve(
        ImmutableDictionary<PackageId, ImmutableArray<ResolvedEdge>> graph,
        ImmutableDictionary<PackageId, PackageId> replacements,
        ImmutableDictionary<PackageId, ImmutableArray<string>> features,
        ImmutableDictionary<PackageId, string?> checksums,
        ImmutableSortedDictionary<string, string> metadata,
        ImmutableArray<PackageId> unusedPatches,
        ResolveVersion version,
        ImmutableDictionary<PackageId, Summary> summaries)
    {
        Graph = graph;
        Replacements = replacements;
        Features = features;
        Checksums = checksums;
        Metadata = metadata;
        UnusedPatches = unusedPatches;
        Version = version;
        Summaries = summaries;
    }

    /// <summary>Every package and its outgoing edges (sorted by target package id).</summary>
    public ImmutableDictionary<PackageId, ImmutableArray<ResolvedEdge>> Graph { get; }

    /// <summary><c>[replace]</c>: the original package id to the package that replaces it.</summary>
    public ImmutableDictionary<PackageId, PackageId> Replacements { get; }

    /// <summary>The features activated per package (sorted), for the features the resolve was asked for.</summary>
    public ImmutableDictionary<PackageId, ImmutableArray<string>> Features { get; }

    /// <summary>Registry checksums; null for packages that have none (path, git) or are unknown.</summary>
    public ImmutableDictionary<PackageId, string?> Checksums { get; }

    /// <summary>The V1 lockfile <c>[metadata]</c> table (checksums of the old format live here).</summary>
    public ImmutableSortedDictionary<string, string> Metadata { get; }

    /// <summary><c>[patch]</c> entries that matched nothing, recorded as <c>[[patch.unused]]</c>.</summary>
    public ImmutableArray<PackageId> UnusedPatches { get; }

    public ResolveVersion Version { get; }

    public ImmutableDictionary<PackageId, Summary> Summaries { get; }

    public IEnumerable<PackageId> Packages => Graph.Keys;

    public ImmutableArray<ResolvedEdge> Dependencies(PackageId package) =>
        Graph.TryGetValue(package, out var edges) ? edges : [];

    public Resolve WithUnusedPatches(ImmutableArray<PackageId> unusedPatches) =>
        new(Graph, Replacements, Features, Checksums, Metadata, unusedPatches, Version, Summaries);

    public Resolve WithVersion(ResolveVersion version) =>
        new(Graph, Replacements, Features, Checksums, Metadata, UnusedPatches, version, Summaries);
}
