namespace Ferry.Core.Archive;

/// <summary>
/// Resource limits for reading a <c>.crate</c>. The decompressed-size rule is Cargo's: at most
/// <c>max(512 MiB, 20 × compressed size)</c>, so ordinary crates never hit it and a gzip bomb is
/// stopped after reading no more than that.
/// </summary>
public sealed record CrateArchiveLimits
{
    public static CrateArchiveLimits Default { get; } = new();

    /// <summary>The decompressed size always allowed, whatever the compressed size.</summary>
    public long MinDecompressedBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Beyond <see cref="MinDecompressedBytes"/>, how many times the compressed size may be unpacked.</summary>
    public long CompressionRatio { get; init; } = 20;

    /// <summary>
    /// Entries (files, directories and global PAX headers) per archive. The largest of ~1,500
    /// real crates checked has under 3,000; the cap only bounds the work a hostile archive causes.
    /// </summary>
    public int MaxEntries { get; init; } = 100_000;

    /// <summary>Bytes in an entry's full path, package directory included.</summary>
    public int MaxPathBytes { get; init; } = 4096;

    /// <summary>Bytes in one PAX extended header's data.</summary>
    public int MaxPaxHeaderBytes { get; init; } = 64 * 1024;

    /// <summary>Bytes of <c>Cargo.toml</c> kept in memory for <see cref="CrateArchiveListing.Manifest"/>.</summary>
    public int MaxManifestBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>The decompressed-size cap for an archive of <paramref name="compressedBytes"/> bytes.</summary>
    public long DecompressedLimit(long compressedBytes)
    {
        // Saturate rather than overflow: a cap of long.MaxValue is as good as no cap, and an
        // overflowed negative cap would reject everything.
        var scaled = compressedBytes > 0 && CompressionRatio > 0 && compressedBytes > long.MaxValue / CompressionRatio
            ? long.MaxValue
            : Math.Max(0, compressedBytes) * Math.Max(0, CompressionRatio);
        return Math.Max(MinDecompressedBytes, scaled);
    }
}
