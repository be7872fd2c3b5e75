namespace Ferry.Core.Archive;

/// <summary>
/// A file to put in a <c>.crate</c>: its path relative to the package root (<c>/</c>-separated)
/// and either a file on disk or generated contents (the normalised <c>Cargo.toml</c>,
/// <c>Cargo.lock</c>, <c>.cargo_vcs_info.json</c>).
/// </summary>
public sealed record CrateArchiveFile
{
    private CrateArchiveFile(string relativePath, string? sourcePath, ReadOnlyMemory<byte> contents, bool executable)
    {
        RelativePath = relativePath;
        SourcePath = sourcePath;
        Contents = contents;
        Executable = executable;
    }

    public string RelativePath { get; }

    /// <summary>The file to read at packaging time, or null for generated contents.</summary>
    public string? SourcePath { get; }

    public ReadOnlyMemory<byte> Contents { get; }

    /// <summary>Archived as 0755 rather than 0644. For files on disk, taken from the owner's execute bit when packaging.</summary>
    public bool Executable { get; }

    public static CrateArchiveFile FromDisk(string relativePath, string sourcePath) => new(relativePath, sourcePath, ReadOnlyMemory<byte>.Empty, executable: false);

    public static CrateArchiveFile FromBytes(string relativePath, ReadOnlyMemory<byte> contents, bool executable = false) => new(relativePath, null, contents, executable);
}
