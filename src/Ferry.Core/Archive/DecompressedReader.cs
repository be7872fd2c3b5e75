using System.Globalization;

namespace Ferry.Core.Archive;

/// <summary>
/// The tar byte stream coming out of the decompressor, read through one fixed buffer (so memory
/// stays constant however large the archive claims to be). This is where the decompressed-size
/// cap is enforced: no read ever asks the decompressor for more than one byte past the cap, so
/// a gzip bomb costs at most the cap in inflation work before it is rejected.
/// </summary>
internal sealed class DecompressedReader
{
    private const int BufferSize = 128 * 1024;

    private readonly Stream _decompressor;
    private readonly CompressedInput _input;
    private readonly CrateArchiveLimits _limits;
    private readonly long? _fixedCap;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _start;
    private int _end;
    private bool _endOfStream;
    private long _produced;
    private uint _crc32;
    private bool _capReached;
    private long _capReachedAt;

    /// <param name="fixedCap">
    /// The cap when the compressed length is known up front; otherwise the cap grows with the
    /// compressed bytes read so far (never below the minimum), which can only be stricter.
    /// </param>
    public DecompressedReader(Stream decompressor, CompressedInput input, CrateArchiveLimits limits, long? fixedCap)
    {
        _decompressor = decompressor;
        _input = input;
        _limits = limits;
        _fixedCap = fixedCap;
    }

    /// <summary>Decompressed bytes handed to the tar parser so far (the archive offset of the next byte).</summary>
    public long Position => _produced - (_end - _start) - (_capReached ? _produced - _capReachedAt : 0);

    /// <summary>Total decompressed bytes produced (valid once the stream is exhausted).</summary>
    public long Produced => _produced;

    public uint Crc32 => _crc32;

    /// <summary>The cap that applies now; the fixed one if known, for early per-entry checks.</summary>
    public long? FixedCap => _fixedCap;

    public long CurrentCap => _fixedCap ?? _limits.DecompressedLimit(_input.BytesRead);

    /// <summary>
    /// Up to <paramref name="maximum"/> of the buffered bytes, reading more first if none are
    /// buffered; empty only at the end of the stream. The memory is valid until the next call.
    /// </summary>
    public async ValueTask<ReadOnlyMemory<byte>> ReadAsync(int maximum, CancellationToken cancellationToken)
    {
        if (_end == _start)
        {
            await FillAsync(1, cancellationToken).ConfigureAwait(false);
        }

        var count = Math.Min(maximum, _end - _start);
        var chunk = _buffer.AsMemory(_start, count);
        _start += count;
        return chunk;
    }

    /// <summary>
    /// Exactly <paramref name="count"/> bytes, or fewer if the stream ends first. The memory is
    /// valid until the next call.
    /// </summary>
    public async ValueTask<ReadOnlyMemory<byte>> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        if (_end - _start < count)
        {
            await FillAsync(count, cancellationToken).ConfigureAwait(false);
        }

        var available = Math.Min(count, _end - _start);
        var chunk = _buffer.AsMemory(_start, available);
        _start += available;
        return chunk;
    }

    private async ValueTask FillAsync(int minimum, CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        while (_end < minimum && !_endOfStream)
        {
            // The parser wants a byte past the cap: this is where a bomb stops.
            if (_capReached)
            {
                throw new CrateArchiveException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"invalid tarball: maximum limit reached when reading: the archive decompresses to more than {_capReachedAt} bytes"));
            }

            var cap = CurrentCap;
            var request = (int)Math.Min(_buffer.Length - _end, cap - _produced + 1);
            int read;
            try
            {
                read = await _decompressor.ReadAsync(_buffer.AsMemory(_end, request), cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException e)
            {
                // The runtime's message ("unsupported compression method") is misleading for a
                // bad block or CRC; keep it as the cause and say what it means.
                throw new CrateArchiveException("invalid tarball: the gzip stream is corrupt", e);
            }

            if (read == 0)
            {
                _endOfStream = true;
                break;
            }

            _crc32 = Archive.Crc32.Append(_crc32, _buffer.AsSpan(_end, read));
            _produced += read;
            _end += read;
            cap = CurrentCap;
            if (_produced > cap)
            {
                // Hand out nothing beyond the cap, so what fails (a declared size checked
                // against the cap, or this) does not depend on how far the buffer read ahead.
                _end -= (int)(_produced - cap);
                _capReached = true;
                _capReachedAt = cap;
            }
        }
    }
}
