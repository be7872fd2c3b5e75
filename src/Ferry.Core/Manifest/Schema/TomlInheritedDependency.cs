using System.Collections.Immutable;

namespace Ferry.Core.Manifest.Schema;

/// <summary><c>foo = { workspace = true, ... }</c>: a dependency taken from <c>[workspace.dependencies]</c>.</summary>
public sealed record TomlInheritedDependency
{
    public ImmutableArray<string>? Features { get; init; }

    public bool? DefaultFeatures { get; init; }

    public bool? DefaultFeatures2 { get; init; }

    public bool? Optional { get; init; }

    public bool? Public { get; init; }

    public ImmutableArray<string> UnusedKeys { get; init; } = [];

    public bool? EffectiveDefaultFeatures => DefaultFeatures ?? DefaultFeatures2;
}
