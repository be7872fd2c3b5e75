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

    /// <summary>Value equality, comparing the feature list by content (Cargo compares dependencies by value).</summary>
    public bool Equals(Dependency? other) =>
        other is not null
        && PackageName == other.PackageName
        && Source == other.Source
        && Req == other.Req
        && LockedVersion == other.LockedVersion
        && SpecifiedReq == other.SpecifiedReq
        && Kind == other.Kind
        && ExplicitNameInToml == other.ExplicitNameInToml
        && Optional == other.Optional
        && Public == other.Public
        && DefaultFeatures == other.DefaultFeatures
        && Features.AsSpan().SequenceEqual(other.Features.AsSpan())
        && Equals(Platform, other.Platform)
        && RegistryId == other.RegistryId
        && LocalPath == other.LocalPath;

    public override int GetHashCode() => HashCode.Combine(PackageName, Source, Req, Kind, ExplicitNameInToml, Optional, Features.Length);

    /// <summary>Whether this dependency is satisfied by the given package.</summary>
    public bool Matches(PackageId id) =>
        id.Name == PackageName && Source == id.Source && VersionMatches(id.Version);

    /// <summary>Name and version requirement match, whatever the source (Cargo's <c>matches_ignoring_source</c>).</summary>
    public bool MatchesIgnoringSource(PackageId id) => id.Name == PackageName && VersionMatches(id.Version);

    /// <summary>
    /// Whether a version satisfies this dependency: the locked version when a lockfile pinned it
    /// (build metadata ignored, as Cargo does), otherwise the requirement.
    /// </summary>
    public bool VersionMatches(Version version) =>
        LockedVersion is { } locked
            ? locked.Major == version.Major && locked.Minor == version.Minor && locked.Patch == version.Patch && locked.Pre == version.Pre
            : Req.Matches(version);

    /// <summary>Whether the dependency is needed by dependents (normal and build), unlike dev-dependencies.</summary>
    public bool IsTransitive => Kind != DependencyKind.Development;

    /// <summary>Pins the dependency to exactly <paramref name="id"/> (version and locked source), as a lockfile does.</summary>
    public Dependency LockTo(PackageId id) => this with { Source = id.Source, LockedVersion = id.Version };

    /// <summary>Pins only the version, keeping the source (used when a patch replaced the source).</summary>
    public Dependency LockVersion(Version version) => this with { LockedVersion = version };

    /// <summary>Set when a lockfile pinned this dependency; error messages say <c>(locked to x)</c>.</summary>
    public Version? LockedVersion { get; init; }
}
