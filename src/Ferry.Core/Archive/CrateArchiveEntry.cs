namespace Ferry.Core.Archive;

/// <summary>
/// One entry of a validated archive. <see cref="Path"/> is relative to the package directory,
/// <c>/</c>-separated, without a trailing slash (<c>""</c> for the package directory itself);
/// <see cref="Mode"/> is the permission field as stored in the archive (before any umask).
/// </summary>
public sealed record CrateArchiveEntry(string Path, CrateEntryKind Kind, long Size, int Mode, long ModifiedTime);
