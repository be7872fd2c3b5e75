using Ferry.Core.Dependencies;

namespace Ferry.Core.Lockfile;

/// <summary>What <see cref="LockfileWriter"/> needs to know besides the resolve.</summary>
public sealed record LockfileWriteOptions
{
    public LockfileLock Lock { get; init; }

    /// <summary>The lowest <c>rust-version</c> among the workspace members; picks the newest format they can all read.</summary>
    public RustVersion? LowestRustVersion { get; init; }

    public LockfileOptions Format { get; init; } = LockfileOptions.Stable;

    /// <summary>For comparing old and new file by content under <c>--locked</c> (path packages must be recognised).</summary>
    public ILockfileContext Context { get; init; } = LockfileContext.Empty;
}
