using System.Collections.Immutable;

namespace Ferry.Resolver;

/// <summary>The features a package ends up with and its enabled dependencies, most constrained first.</summary>
internal sealed record BuildDepsResult(ImmutableSortedSet<string> UsedFeatures, ImmutableArray<DepInfo> Deps);
