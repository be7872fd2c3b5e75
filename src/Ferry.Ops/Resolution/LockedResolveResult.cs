using Ferry.Core.Resolution;

namespace Ferry.Ops.Resolution;

/// <summary>What <see cref="LockedResolve.ResolveAsync"/> produced: the resolve as written to Cargo.lock, the lockfile it started from, and the resolver (for lockfile paths and Rust versions).</summary>
internal sealed record LockedResolveResult(Resolve Resolve, Resolve? Previous, WorkspaceResolver Resolver);
