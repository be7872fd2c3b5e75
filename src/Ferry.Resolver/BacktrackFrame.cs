using System.Collections.Immutable;
using Ferry.Core.Dependencies;

namespace Ferry.Resolver;

/// <summary>Everything needed to resume the search at a dependency with its next candidate.</summary>
internal sealed record BacktrackFrame(
    ResolverContext Context,
    RemainingDeps RemainingDeps,
    RemainingCandidates RemainingCandidates,
    Summary Parent,
    Dependency Dep,
    ImmutableSortedSet<string> Features,
    ConflictMap ConflictingActivations);
