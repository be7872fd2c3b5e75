namespace Ferry.Core.Archive;

/// <summary>
/// Receives the entries of an archive as <see cref="CrateArchiveScanner"/> validates them, so
/// verification and extraction share one reading path and one set of checks. Paths are relative
/// to the package directory and already validated; a file's data arrives in order between
/// <see cref="BeginFileAsync"/> and <see cref="EndFileAsync"/>.
/// </summary>
internal interface ICrateEntrySink
{
    ValueTask DirectoryAsync(string path, int mode, long modifiedTime, CancellationToken cancellationToken);

    ValueTask BeginFileAsync(string path, int mode, long modifiedTime, long size, CancellationToken cancellationToken);

    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    ValueTask EndFileAsync(CancellationToken cancellationToken);
}
