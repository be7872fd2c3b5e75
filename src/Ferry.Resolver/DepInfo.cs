using System.Collections.Immutable;
using Ferry.Core.Dependencies;

namespace Ferry.Resolver;

/// <summary>A dependency still to activate, its candidates in preference order, and the features it asks for.</summary>
internal sealed record DepInfo(Dependency Dependency, IReadOnlyList<Summary> Candidates, ImmutableSortedSet<string> Features);
