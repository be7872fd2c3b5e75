using Ferry.Core.Resolution;

namespace Ferry.Core.Lockfile;

/// <summary>
/// The outcome of <see cref="LockfileWriter.Plan"/>: whether the file must be (re)written, the text,
/// and the resolve in the format version the text uses (Cargo bumps old formats when it rewrites).
/// </summary>
public sealed record LockfileWritePlan(bool Changed, string Text, Resolve Resolve);
