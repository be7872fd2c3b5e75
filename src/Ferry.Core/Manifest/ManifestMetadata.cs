using System.Collections.Immutable;
using Ferry.Core.Dependencies;

namespace Ferry.Core.Manifest;

/// <summary>The descriptive <c>[package]</c> fields after inheritance (Cargo's <c>ManifestMetadata</c>).</summary>
public sealed record ManifestMetadata
{
    public ImmutableArray<string> Authors { get; init; } = [];

    public ImmutableArray<string> Keywords { get; init; } = [];

    public ImmutableArray<string> Categories { get; init; } = [];

    public string? License { get; init; }

    public string? LicenseFile { get; init; }

    public string? Description { get; init; }

    public string? Homepage { get; init; }

    public string? Repository { get; init; }

    public string? Documentation { get; init; }

    /// <summary>The README path (auto-detected <c>README.md</c>/<c>README.txt</c>/<c>README</c> when not written), null for none.</summary>
    public string? Readme { get; init; }

    public ImmutableArray<KeyValuePair<string, ImmutableArray<KeyValuePair<string, string>>>> Badges { get; init; } = [];

    public string? Links { get; init; }

    public RustVersion? RustVersion { get; init; }
}
