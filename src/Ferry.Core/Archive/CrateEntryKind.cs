namespace Ferry.Core.Archive;

/// <summary>The only two kinds of entry a <c>.crate</c> may contain.</summary>
public enum CrateEntryKind
{
    File,
    Directory,
}
