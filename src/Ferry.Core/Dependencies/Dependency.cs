using System.Collections.Immutable;
using Ferry.Core.Identity;
using Ferry.Semver;

namespace Ferry.Core.Dependencies;

/// <summary>
/// One declared dependency, after manifest lowering: which package (by its real name), from
/// which source, which versions, and how it is used. The key it was written under in
/// Cargo.toml is <see cref="NameInToml"/> (it differs from the package name when renamed with
/// <c>package = "..."</c>).
/// </summary>
public sealed record Dependency
{
    public required string PackageName { get; init; }

    public required SourceId Source { get; init; }

    /// <summary>The version requirement; <see cref="VersionReq.Star"/> when none was written.</summary>
    public required VersionReq Req { get; init; }

    /// <summary>Whether a version requirement was written (path and git dependencies may omit it).</summary>
    public bool SpecifiedReq { get; init; }

    public DependencyKind Kind { get; init; }

    /// <summary>The key in the manifest when it differs from the package name (<c>rename</c> in metadata).</summary>
    public string? ExplicitNameInToml { get; init; }

    public bool Optional { get; init; }

    public bool Public { get; init; }

    public bool DefaultFeatures { get; init; } = true;

    public ImmutableArray<string> Features { get; init; } = [];

    /// <summary>The <c>[target.'...'.dependencies]</c> key; null means every platform.</summary>
    public TargetPlatform? Platform { get; init; }

    /// <summary>The registry named with <c>registry = "..."</c> or <c>registry-index</c>; null for crates.io.</summary>
    public SourceId? RegistryId { get; init; }

    /// <summary>The directory of a path dependency.</summary>
    public string? LocalPath { get; init; }

    public string NameInToml => ExplicitNameInToml ?? PackageName;

    /// <summary>Whether this dependency is satisfied by the given package.</summary>
    public bool Matches(PackageId id) =>
        id.Name == PackageName && Source == id.Source && Req.Matches(id.Version);
}
