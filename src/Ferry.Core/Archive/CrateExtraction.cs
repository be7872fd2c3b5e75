namespace Ferry.Core.Archive;

/// <summary>
/// The result of an extraction. <see cref="ReusedExisting"/> is true when another process
/// finished extracting the same destination first; its tree was kept and ours discarded.
/// </summary>
public sealed record CrateExtraction(string Directory, CrateArchiveListing Listing, bool ReusedExisting);
