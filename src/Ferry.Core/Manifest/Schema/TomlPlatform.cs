using System.Collections.Immutable;

namespace Ferry.Core.Manifest.Schema;

/// <summary>A <c>[target.'cfg(..)']</c> table.</summary>
public sealed record TomlPlatform
{
    public ImmutableArray<DependencyEntry>? Dependencies { get; init; }

    public ImmutableArray<DependencyEntry>? BuildDependencies { get; init; }

    public ImmutableArray<DependencyEntry>? BuildDependencies2 { get; init; }

    public ImmutableArray<DependencyEntry>? DevDependencies { get; init; }

    public ImmutableArray<DependencyEntry>? DevDependencies2 { get; init; }

    public ImmutableArray<DependencyEntry>? EffectiveDevDependencies => DevDependencies ?? DevDependencies2;

    public ImmutableArray<DependencyEntry>? EffectiveBuildDependencies => BuildDependencies ?? BuildDependencies2;
}
