using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Ferry.Core.Archive;

/// <summary>
/// The compressed side of a <c>.crate</c>, as the decompressor sees it. It hashes every byte
/// (SHA-256, for the caller to compare with the index checksum), counts them (for the
/// compression-ratio cap when the length is not known up front), and remembers the last eight
/// bytes — the gzip trailer, which <see cref="System.IO.Compression.GZipStream"/> does not let us
/// locate, so the reader checks it against its own CRC once the input is exhausted. The gzip
/// header is read and checked before decompression starts so "not a gzip file" gets a clear
/// message instead of the runtime's "unsupported compression method".
/// </summary>
internal sealed class CompressedInput : Stream
{
    private const int GzipHeaderLength = 10;

    private readonly Stream _inner;
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _header;
    private readonly byte[] _tail = new byte[8];
    private int _headerServed;
    private long _bytesRead;

    private CompressedInput(Stream inner, byte[] header)
    {
        _inner = inner;
        _header = header;
        Account(header);
    }

    /// <summary>Bytes taken from the underlying stream so far.</summary>
    public long BytesRead => _bytesRead;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public static async Task<CompressedInput> OpenAsync(Stream inner, CancellationToken cancellationToken)
    {
        var header = new byte[GzipHeaderLength];
        var length = await inner.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        CheckGzipHeader(header.AsSpan(0, length));
        return new CompressedInput(inner, header);
    }

    /// <summary>Reads whatever the decompressor left unread, so the hash and the trailer cover the whole file.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        while (await ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }

    /// <summary>True when the file ends with the trailer gzip requires for this output.</summary>
    public bool EndsWithTrailer(uint crc32, long decompressedLength)
    {
        if (_bytesRead < GzipHeaderLength + _tail.Length)
        {
            return false;
        }

        return BinaryPrimitives.ReadUInt32LittleEndian(_tail) == crc32
            && BinaryPrimitives.ReadUInt32LittleEndian(_tail.AsSpan(4)) == (uint)decompressedLength;
    }

    public string Sha256Hex() => Convert.ToHexStringLower(_sha256.GetCurrentHash());

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (ServeHeader(buffer) is var served and > 0)
        {
            return served;
        }

        var read = _inner.Read(buffer);
        Account(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (ServeHeader(buffer.Span) is var served and > 0)
        {
            return served;
        }

        var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Account(buffer.Span[..read]);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sha256.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void CheckGzipHeader(ReadOnlySpan<byte> header)
    {
        if (header.IsEmpty)
        {
            throw new CrateArchiveException("invalid tarball: not a gzip stream (the file is empty)");
        }

        if (header.Length < 2 || header[0] != 0x1F || header[1] != 0x8B)
        {
            var shown = Convert.ToHexStringLower(header[..Math.Min(4, header.Length)]);
            throw new CrateArchiveException($"invalid tarball: not a gzip stream (it starts with 0x{shown}, not 0x1f8b)");
        }

        if (header.Length < GzipHeaderLength)
        {
            throw new CrateArchiveException("invalid tarball: the gzip stream is truncated in its header");
        }

        if (header[2] != 8)
        {
            throw new CrateArchiveException(string.Create(CultureInfo.InvariantCulture, $"invalid tarball: unsupported gzip compression method {header[2]} (only 8, deflate, exists)"));
        }

        if ((header[3] & 0xE0) != 0)
        {
            throw new CrateArchiveException(string.Create(CultureInfo.InvariantCulture, $"invalid tarball: the gzip header has reserved flag bits set (0x{header[3]:x2})"));
        }
    }

    private int ServeHeader(Span<byte> buffer)
    {
        var left = _header.Length - _headerServed;
        if (left == 0 || buffer.IsEmpty)
        {
            return 0;
        }

        var count = Math.Min(left, buffer.Length);
        _header.AsSpan(_headerServed, count).CopyTo(buffer);
        _headerServed += count;
        return count;
    }

    private void Account(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        _sha256.AppendData(data);
        _bytesRead += data.Length;
        if (data.Length >= _tail.Length)
        {
            data[^_tail.Length..].CopyTo(_tail);
        }
        else
        {
            _tail.AsSpan(data.Length).CopyTo(_tail);
            data.CopyTo(_tail.AsSpan(_tail.Length - data.Length));
        }
    }
}
