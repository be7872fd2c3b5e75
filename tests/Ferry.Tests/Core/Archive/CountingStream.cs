namespace Ferry.Tests.Core.Archive;

/// <summary>
/// A read-only view of a stream that counts what is read, can hide that it is seekable (like a
/// network body), and can run a callback after each read (to cancel midway).
/// </summary>
internal sealed class CountingStream : Stream
{
    private readonly Stream _inner;
    private readonly bool _seekable;

    private readonly Action<long>? _onRead;

    public CountingStream(Stream inner, bool seekable, Action<long>? onRead = null)
    {
        _inner = inner;
        _seekable = seekable;
        _onRead = onRead;
    }

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => _seekable;

    public override bool CanWrite => false;

    public override long Length => _seekable ? _inner.Length : throw new NotSupportedException();

    public override long Position
    {
        get => _seekable ? _inner.Position : throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await _inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        BytesRead += read;
        _onRead?.Invoke(BytesRead);
        return read;
    }
}
