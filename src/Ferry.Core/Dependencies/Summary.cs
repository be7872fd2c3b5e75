using System.Collections.Immutable;
using Ferry.Core.Identity;

namespace Ferry.Core.Dependencies;

/// <summary>
/// What the resolver needs to know about one package version: its id, dependencies, features,
/// <c>links</c>, <c>rust-version</c> and (for registry packages) the checksum of its archive.
/// Built from a manifest for local packages and from an index line for registry packages.
/// </summary>
public sealed record Summary
{
    public required PackageId PackageId { get; init; }

    public ImmutableArray<Dependency> Dependencies { get; init; } = [];

    /// <summary>Explicit features plus the implicit ones of optional dependencies, keyed by name (sorted ordinally).</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<FeatureValue>> Features { get; init; } =
        ImmutableSortedDictionary.Create<string, ImmutableArray<FeatureValue>>(StringComparer.Ordinal);

    public string? Links { get; init; }

    /// <summary>The <c>rust-version</c> (MSRV) as written, e.g. <c>1.70</c>; null when absent.</summary>
    public RustVersion? RustVersion { get; init; }

    /// <summary>The sha256 of the <c>.crate</c> (registry packages).</summary>
    public string? Checksum { get; init; }

    public string Name => PackageId.Name;

    public Version Version => PackageId.Version;

    public SourceId Source => PackageId.Source;
}
