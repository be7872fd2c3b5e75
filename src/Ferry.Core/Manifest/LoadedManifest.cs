using System.Collections.Immutable;
using Ferry.Core.Manifest.Schema;
using Ferry.Toml;

namespace Ferry.Core.Manifest;

/// <summary>
/// A Cargo.toml after reading and lowering: either a package (<see cref="Manifest"/>) or a virtual
/// workspace root (<see cref="VirtualManifest"/>) — Cargo's <c>EitherManifest</c>. What both have lives here.
/// </summary>
public abstract record LoadedManifest
{
    /// <summary>The absolute path of the Cargo.toml.</summary>
    public required string ManifestPath { get; init; }

    public required WorkspaceConfig WorkspaceConfig { get; init; }

    public required CargoFeatures UnstableFeatures { get; init; }

    public ImmutableArray<ReplaceEntry> Replace { get; init; } = [];

    public ImmutableArray<PatchEntry> Patch { get; init; } = [];

    /// <summary>The <c>resolver</c> written in this manifest (package or workspace), if any.</summary>
    public ResolveBehavior? ResolveBehavior { get; init; }

    /// <summary><c>[profile.*]</c> as decoded (only the workspace root's are used).</summary>
    public TomlProfiles? Profiles { get; init; }

    /// <summary>Warnings in the order Cargo collects them (printed by commands that print manifest warnings).</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];

    /// <summary>Problems Cargo defers (printed as errors by build commands, ignored by <c>metadata</c>).</summary>
    public ImmutableArray<string> Errors { get; init; } = [];

    /// <summary>The manifest as written, decoded.</summary>
    public required TomlManifest Original { get; init; }

    /// <summary>The parsed document (for diagnostics pointing into the file, and for editing commands).</summary>
    public required TomlDocument Document { get; init; }

    public string Root => Path.GetDirectoryName(ManifestPath)!;
}
