using System.Collections.Immutable;

namespace Ferry.Core.Manifest.Schema;

/// <summary>A dependency written as a table (cargo's <c>TomlDetailedDependency</c>). Every key is optional.</summary>
public sealed record TomlDetailedDependency
{
    public string? Version { get; init; }

    public string? Registry { get; init; }

    public string? RegistryIndex { get; init; }

    public string? Path { get; init; }

    public string? Base { get; init; }

    public string? Git { get; init; }

    public string? Branch { get; init; }

    public string? Tag { get; init; }

    public string? Rev { get; init; }

    public ImmutableArray<string>? Features { get; init; }

    public bool? Optional { get; init; }

    public bool? DefaultFeatures { get; init; }

    /// <summary><c>default_features</c>, the deprecated spelling.</summary>
    public bool? DefaultFeatures2 { get; init; }

    public string? Package { get; init; }

    public bool? Public { get; init; }

    public ImmutableArray<string>? Artifact { get; init; }

    public bool? Lib { get; init; }

    public string? Target { get; init; }

    /// <summary>Keys Cargo does not know, in document order (reported as unused manifest keys).</summary>
    public ImmutableArray<string> UnusedKeys { get; init; } = [];

    public bool? EffectiveDefaultFeatures => DefaultFeatures ?? DefaultFeatures2;
}
