namespace Ferry.Sources.Cache;

/// <summary>What can be wrong with an entry of the package cache.</summary>
public enum CacheProblemKind
{
    /// <summary>A <c>.crate</c> whose SHA-256 is not the checksum the lockfile or the index records.</summary>
    TamperedArchive,

    /// <summary>An extracted tree whose files differ from the digest recorded when it was extracted.</summary>
    ModifiedSources,

    /// <summary>An extracted tree whose recorded digest is not the archive's (the tree and its digest were both rewritten).</summary>
    ForeignSources,

    /// <summary>An extracted tree without its ready marker (an interrupted extraction by an older tool, or damage).</summary>
    PartialSources,

    /// <summary>A temporary file or directory left by a process killed while downloading or extracting.</summary>
    Leftover,
}
