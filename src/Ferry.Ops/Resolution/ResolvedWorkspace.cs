using System.Collections.Immutable;
using Ferry.Core.Resolution;
using Ferry.Resolver.Features;

namespace Ferry.Ops.Resolution;

/// <summary>
/// What <see cref="WorkspaceResolution.ResolveAsync"/> produces (Cargo's <c>WorkspaceResolve</c>):
/// the lockfile's resolve, the targeted resolve of the selected members, those members with their
/// command-line features, and the feature resolution of the targeted resolve,
/// for these platforms.
/// </summary>
internal sealed record ResolvedWorkspace(
    Resolve LockResolve,
    Resolve Targeted,
    ImmutableArray<MemberFeatures> Members,
    ResolvedFeatures Features,
    TargetData TargetData);
