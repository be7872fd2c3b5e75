using Ferry.Build.Fingerprints;

namespace Ferry.Build.Execution;

/// <summary>Whether a unit is rebuilt, and why (Cargo's <c>Freshness</c>).</summary>
public sealed record Freshness(bool IsFresh, DirtyReason? Reason)
{
    public static Freshness Fresh { get; } = new(true, null);

    public static Freshness Dirty(DirtyReason reason) => new(false, reason);
}
