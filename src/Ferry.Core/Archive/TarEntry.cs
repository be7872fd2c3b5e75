namespace Ferry.Core.Archive;

/// <summary>
/// A logical tar entry: a header with any GNU long name or PAX path already applied. Its data
/// (<see cref="TarHeader.Size"/> bytes) is read next through <see cref="TarReader.ReadDataAsync"/>.
/// </summary>
/// <param name="Name">The effective name: PAX <c>path</c>, else GNU long name, else the header's.</param>
internal sealed record TarEntry(TarHeader Header, byte[] Name)
{
    public long Size => Header.Size;
}
