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
    /// <summary>Problems <c>--repair</c> did not fix.</summary>
    public int Unrepaired => Problems.Count(problem => problem.Repair is null);
}
