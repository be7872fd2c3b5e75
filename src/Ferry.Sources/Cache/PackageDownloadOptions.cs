using Ferry.Core.Archive;

namespace Ferry.Sources.Cache;

/// <summary>How <see cref="PackageSet.DownloadAsync"/> treats the cache; <see cref="Default"/> is what commands use.</summary>
public sealed record PackageDownloadOptions
{
    public static PackageDownloadOptions Default { get; } = new();

    /// <summary>
    /// Re-hash every file of an extracted package that is reused against the digest recorded at
    /// extraction (and re-extract it when anything differs). On by default: a tampered tree is
    /// caught by the next fetch or build, at the price of reading the sources once per run.
    /// </summary>
    public bool VerifyExtracted { get; init; } = true;

    /// <summary>
    /// With <see cref="VerifyExtracted"/>, a tree verified by an earlier run is reused when its
    /// shape is unchanged (directories, manifest, markers: <see cref="VerifiedStamp.Matches"/>),
    /// and the caller checks the contents of its files (another <see cref="PackageSet.DownloadAsync"/>
    /// without this option) before compiling it. A build compiles few of its packages on most
    /// runs and none on a no-op run; the outputs of the others were built from verified files.
    /// </summary>
    public bool DeferContentCheck { get; init; }

    /// <summary>Permission bits removed from extracted files (the process umask; Cargo's default 022).</summary>
    public int Umask { get; init; } = 0b000_010_010;

    /// <summary>Archive limits (size, ratio, entries) for every extraction.</summary>
    public CrateArchiveLimits Limits { get; init; } = CrateArchiveLimits.Default;

    /// <summary>The largest <c>.crate</c> accepted from a server (crates.io allows 10 MB; this only stops a hostile server from filling memory).</summary>
    public long MaxCrateBytes { get; init; } = 1L << 30;

    /// <summary>Packages hashed, verified or extracted at once (CPU and disk work); downloads are bounded by the HTTP session.</summary>
    public int MaxParallelWork { get; init; } = Environment.ProcessorCount;
}
