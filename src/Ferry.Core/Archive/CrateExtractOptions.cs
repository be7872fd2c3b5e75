namespace Ferry.Core.Archive;

/// <summary>How <see cref="CrateArchiveReader.ExtractAsync"/> writes a package to disk.</summary>
public sealed record CrateExtractOptions
{
    public static CrateExtractOptions Default { get; } = new();

    public CrateArchiveLimits Limits { get; init; } = CrateArchiveLimits.Default;

    /// <summary>
    /// Permission bits removed from every extracted file and directory, as Cargo applies the
    /// process umask. The caller supplies it (read once at start-up); libraries never ask the OS.
    /// </summary>
    public int Umask { get; init; } = 0b000_010_010; // 022

    /// <summary>Also write Cargo's <c>.cargo-ok</c> so a Cargo sharing the cache reuses the tree.</summary>
    public bool WriteCargoMarker { get; init; } = true;
}
