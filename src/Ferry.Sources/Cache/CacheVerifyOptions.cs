namespace Ferry.Sources.Cache;

/// <summary>How <c>ferry verify</c> checks the cache.</summary>
public sealed record CacheVerifyOptions
{
    /// <summary>Fix what is wrong: remove tampered archives and leftovers, re-extract modified trees from verified archives.</summary>
    public bool Repair { get; init; }

    /// <summary>
    /// Also re-read every verified archive and compare the digest it yields with the one recorded
    /// in its tree, so a tree rewritten together with its digest is caught too (costs a
    /// decompression of every archive). On by default for <c>ferry verify</c>.
    /// </summary>
    public bool CheckDigestsAgainstArchives { get; init; } = true;

    /// <summary>Permission bits removed from re-extracted files.</summary>
    public int Umask { get; init; } = 0b000_010_010;

    public int MaxParallelWork { get; init; } = Environment.ProcessorCount;
}
