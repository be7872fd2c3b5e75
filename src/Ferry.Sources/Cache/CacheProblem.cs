namespace Ferry.Sources.Cache;

/// <summary>
/// One thing <c>ferry verify</c> found wrong in the package cache.
/// </summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Path">The file or directory, relative to <c>$CARGO_HOME/registry</c> (with <c>/</c>).</param>
/// <param name="Detail">What exactly: the two sums, the files that changed.</param>
/// <param name="Repair">What <c>--repair</c> did about it (null when it was not asked to, or could not).</param>
public sealed record CacheProblem(CacheProblemKind Kind, string Path, string Detail, string? Repair);
