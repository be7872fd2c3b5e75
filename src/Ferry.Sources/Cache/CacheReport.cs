namespace Ferry.Sources.Cache;

/// <summary>
/// What <see cref="PackageCacheVerifier.VerifyAsync"/> checked and found.
/// </summary>
/// <param name="Archives">Cached <c>.crate</c> files checked.</param>
/// <param name="Trees">Extracted trees checked.</param>
/// <param name="Problems">Everything wrong, sorted by path.</param>
/// <param name="Unverifiable">Archives whose checksum neither the lockfile nor the cached index knows (relative paths, sorted).</param>
public sealed record CacheReport(int Archives, int Trees, IReadOnlyList<CacheProblem> Problems, IReadOnlyList<string> Unverifiable)
{
    /// <summary>
    /// Problems <c>--repair</c> did not fix. Leftovers of stopped processes do not count: nothing
    /// ever mistakes them for packages, and the next fetch sweeps them.
    /// </summary>
    public int Unrepaired => Problems.Count(problem => problem.Repair is null && problem.Kind != CacheProblemKind.Leftover);

    /// <summary>Problems other than leftovers.</summary>
    public int Damaged => Problems.Count(problem => problem.Kind != CacheProblemKind.Leftover);

    public int Leftovers => Problems.Count(problem => problem.Kind == CacheProblemKind.Leftover);
}
