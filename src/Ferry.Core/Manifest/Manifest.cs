using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Manifest.Schema;
using Ferry.Core.Manifest.Targets;
using Ferry.Toml;

namespace Ferry.Core.Manifest;

/// <summary>
/// A package's Cargo.toml, lowered the way Cargo lowers it (<c>to_real_manifest</c>): inheritance
/// applied, dependencies resolved to sources, features validated, targets discovered. This is what
/// later stages read: the resolver takes <see cref="Summary"/>, the build takes <see cref="Targets"/>,
/// <see cref="Edition"/>, <see cref="Profiles"/> and <see cref="LintRustflags"/>.
/// </summary>
public sealed record Manifest : LoadedManifest
{
    /// <summary>Package id, dependencies (in Cargo's order), feature map, links and rust-version.</summary>
    public required Summary Summary { get; init; }

    public required ImmutableArray<Target> Targets { get; init; }

    public required Edition Edition { get; init; }

    public required ManifestMetadata Metadata { get; init; }

    /// <summary><c>[package.metadata]</c> as written.</summary>
    public TomlValue? CustomMetadata { get; init; }

    /// <summary>Registries the package may be published to; null means anywhere, empty means nowhere.</summary>
    public ImmutableArray<string>? Publish { get; init; }

    public string? DefaultRun { get; init; }

    public ImmutableArray<string> Include { get; init; } = [];

    public ImmutableArray<string> Exclude { get; init; } = [];

    public ImmutableArray<string>? Metabuild { get; init; }

    /// <summary>The unstable <c>package.default-target</c> / <c>package.forced-target</c>.</summary>
    public string? DefaultTarget { get; init; }

    public string? ForcedTarget { get; init; }

    /// <summary>The effective <c>[lints]</c> (inherited from the workspace when <c>workspace = true</c>).</summary>
    public TomlLints Lints { get; init; } = TomlLints.Empty;

    /// <summary>The rustc/rustdoc flags the lints translate to (<c>--warn=unsafe_code</c>, ...).</summary>
    public ImmutableArray<string> LintRustflags { get; init; } = [];

    public TomlValue? Hints { get; init; }

    /// <summary>The normalized target tables (what <c>cargo package</c> writes back).</summary>
    public NormalizedTargets? NormalizedTargets { get; init; }

    public PackageId PackageId => Summary.PackageId;

    public string Name => Summary.PackageId.Name;

    public Version Version => Summary.PackageId.Version;

    public ImmutableArray<Dependency> Dependencies => Summary.Dependencies;

    public string? Links => Summary.Links;

    public RustVersion? RustVersion => Summary.RustVersion;
}
