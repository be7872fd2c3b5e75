namespace Ferry.Build.Fingerprints;

public enum FsStatusKind
{
    /// <summary>Not checked, or known to need a rebuild.</summary>
    Stale,

    UpToDate,

    /// <summary>An output is missing or a source is newer (see <see cref="FsStatus.Item"/>).</summary>
    StaleItem,

    /// <summary>A dependency's output is newer than ours.</summary>
    StaleDependency,

    /// <summary>A dependency is itself being rebuilt.</summary>
    StaleDepFingerprint,
}
