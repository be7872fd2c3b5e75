using System.Globalization;

namespace Ferry.Core.Archive;

/// <summary>
/// Turns the decompressed byte stream into logical tar entries. Written by hand rather than
/// with System.Formats.Tar so that every malformed-input decision is ours and explicit:
/// <list type="bullet">
/// <item>GNU <c>L</c>/<c>K</c> and PAX <c>x</c> headers attach to the next entry; two of a kind
/// in a row, both an <c>L</c> and a PAX path, a PAX size that differs from the header's, or one
/// left dangling at the end are errors (different tar readers resolve those differently, and
/// the registry and the client must agree on what a crate contains).</item>
/// <item>The archive must end with an end-of-archive (all-zero) block, and everything after it
/// must be zeros: truncation shows up here even though GZipStream reports truncated input as a
/// normal end of stream.</item>
/// <item>Entry count and extension sizes are capped before anything is buffered.</item>
/// </list>
/// </summary>
internal sealed class TarReader
{
    private readonly DecompressedReader _source;
    private readonly CrateArchiveLimits _limits;
    private TarEntry? _current;
    private long _remaining;
    private int _entries;

    public TarReader(DecompressedReader source, CrateArchiveLimits limits)
    {
        _source = source;
        _limits = limits;
    }

    /// <summary>The next entry, or null once the end-of-archive marker (and the zeros after it) have been read.</summary>
    public async ValueTask<TarEntry?> NextAsync(CancellationToken cancellationToken)
    {
        await SkipRestOfEntryAsync(cancellationToken).ConfigureAwait(false);
        byte[]? longName = null;
        byte[]? longLink = null;
        PaxHeader? pax = null;
        TarHeader? pending = null;
        while (true)
        {
            var offset = _source.Position;
            var block = await _source.ReadExactlyAsync(TarHeader.BlockSize, cancellationToken).ConfigureAwait(false);
            if (block.Length == 0)
            {
                throw Fail(string.Create(CultureInfo.InvariantCulture, $"the archive ends at byte {offset} without an end-of-archive marker (is it truncated?)"));
            }

            if (block.Length < TarHeader.BlockSize)
            {
                throw Fail(string.Create(CultureInfo.InvariantCulture, $"the archive is truncated in the middle of a header at byte {offset}"));
            }

            if (!block.Span.ContainsAnyExcept((byte)0))
            {
                if (pending is not null)
                {
                    throw Fail($"the archive ends after the {Extension(pending)} at byte {pending.Offset}, which describes no entry");
                }

                await ReadTrailingZerosAsync(cancellationToken).ConfigureAwait(false);
                return null;
            }

            var header = TarHeader.Parse(block.Span, offset);
            switch (header.TypeFlag)
            {
                case (byte)'L':
                    longName = await ReadLongNameAsync(header, longName, cancellationToken).ConfigureAwait(false);
                    pending = header;
                    continue;
                case (byte)'K':
                    longLink = await ReadLongNameAsync(header, longLink, cancellationToken).ConfigureAwait(false);
                    pending = header;
                    continue;
                case (byte)'x':
                    if (pax is not null)
                    {
                        throw Fail(string.Create(CultureInfo.InvariantCulture, $"two PAX headers (type 'x') in a row at byte {offset}"));
                    }

                    pax = PaxHeader.Parse(await ReadPaxDataAsync(header, cancellationToken).ConfigureAwait(false), header, global: false);
                    pending = header;
                    continue;
                case (byte)'g':
                    if (pending is not null)
                    {
                        throw Fail(string.Create(CultureInfo.InvariantCulture, $"the {Extension(pending)} at byte {pending.Offset} is followed by a global PAX header instead of an entry"));
                    }

                    CountEntry();
                    PaxHeader.Parse(await ReadPaxDataAsync(header, cancellationToken).ConfigureAwait(false), header, global: true);
                    continue;
            }

            CountEntry();
            var name = header.Name;
            if (pax?.Path is { } paxPath)
            {
                if (longName is not null)
                {
                    throw Fail($"entry {ArchiveText.Quote(paxPath)} has both a GNU long name and a PAX path");
                }

                name = paxPath;
            }
            else if (longName is not null)
            {
                name = longName;
            }

            if (pax?.Size is { } paxSize && paxSize != header.Size)
            {
                throw Fail(string.Create(CultureInfo.InvariantCulture, $"entry {ArchiveText.Quote(name)} has a PAX size of {paxSize} bytes but its header says {header.Size}"));
            }

            if (pax?.SparseKey is { } sparse)
            {
                throw Fail($"entry {ArchiveText.Quote(name)} is a GNU sparse file (PAX key `{sparse}`); sparse files are not allowed");
            }

            if (longLink is not null && header.TypeFlag is not ((byte)'1' or (byte)'2'))
            {
                throw Fail($"entry {ArchiveText.Quote(name)} has a GNU long link name (type 'K') but is not a link");
            }

            _current = new TarEntry(header, name);
            _remaining = header.Size;
            return _current;
        }
    }

    /// <summary>The next piece of the current entry's data; empty once all of it has been read.</summary>
    public async ValueTask<ReadOnlyMemory<byte>> ReadDataAsync(CancellationToken cancellationToken)
    {
        if (_current is null || _remaining == 0)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var chunk = await _source.ReadAsync((int)Math.Min(_remaining, int.MaxValue), cancellationToken).ConfigureAwait(false);
        if (chunk.Length == 0)
        {
            throw Truncated(_current, _current.Size - _remaining);
        }

        _remaining -= chunk.Length;
        return chunk;
    }

    private static string Extension(TarHeader header) => header.TypeFlag switch
    {
        (byte)'L' => "GNU long name (type 'L')",
        (byte)'K' => "GNU long link name (type 'K')",
        _ => "PAX header (type 'x')",
    };

    private static CrateArchiveException Fail(string message) => new("invalid tarball: " + message);

    private static CrateArchiveException Truncated(TarEntry entry, long got) =>
        Fail(string.Create(CultureInfo.InvariantCulture, $"the archive is truncated: entry {ArchiveText.Quote(entry.Name)} declares {entry.Size} bytes of data but the archive ends after {got}"));

    private static long Padding(long size) => (TarHeader.BlockSize - (size % TarHeader.BlockSize)) % TarHeader.BlockSize;

    private void CountEntry()
    {
        if (++_entries > _limits.MaxEntries)
        {
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"the archive has more than {_limits.MaxEntries} entries"));
        }
    }

    private async ValueTask SkipRestOfEntryAsync(CancellationToken cancellationToken)
    {
        if (_current is null)
        {
            return;
        }

        while (_remaining > 0)
        {
            await ReadDataAsync(cancellationToken).ConfigureAwait(false);
        }

        await SkipPaddingAsync(_current, cancellationToken).ConfigureAwait(false);
        _current = null;
    }

    private async ValueTask SkipPaddingAsync(TarEntry entry, CancellationToken cancellationToken)
    {
        var padding = (int)Padding(entry.Size);
        if (padding > 0 && (await _source.ReadExactlyAsync(padding, cancellationToken).ConfigureAwait(false)).Length < padding)
        {
            throw Truncated(entry, entry.Size);
        }
    }

    private async ValueTask<byte[]> ReadLongNameAsync(TarHeader header, byte[]? previous, CancellationToken cancellationToken)
    {
        var kind = Extension(header);
        if (previous is not null)
        {
            var plural = header.TypeFlag == (byte)'L' ? "GNU long names (type 'L')" : "GNU long link names (type 'K')";
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"two {plural} in a row at byte {header.Offset}"));
        }

        // The data is the name plus GNU tar's terminating NUL; nothing longer can be a valid path.
        if (header.Size > _limits.MaxPathBytes + 1L)
        {
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"the {kind} at byte {header.Offset} is {header.Size} bytes, more than the limit of {_limits.MaxPathBytes}"));
        }

        var data = await ReadExtensionDataAsync(header, cancellationToken).ConfigureAwait(false);
        var name = data.AsSpan();
        if (!name.IsEmpty && name[^1] == 0)
        {
            name = name[..^1];
        }

        // GNU tar and tar-rs stop at the first NUL; a NUL earlier than the declared length means
        // the length and the name disagree, and we refuse rather than pick one.
        var nul = name.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"the {kind} at byte {header.Offset} declares {header.Size} bytes but its name {ArchiveText.Quote(name[..nul])} ends after {nul}"));
        }

        return name.ToArray();
    }

    private async ValueTask<byte[]> ReadPaxDataAsync(TarHeader header, CancellationToken cancellationToken)
    {
        if (header.Size > _limits.MaxPaxHeaderBytes)
        {
            var kind = header.TypeFlag == (byte)'g' ? "global PAX header (type 'g')" : "PAX header (type 'x')";
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"the {kind} at byte {header.Offset} is {header.Size} bytes, more than the limit of {_limits.MaxPaxHeaderBytes}"));
        }

        return await ReadExtensionDataAsync(header, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<byte[]> ReadExtensionDataAsync(TarHeader header, CancellationToken cancellationToken)
    {
        var entry = new TarEntry(header, header.Name);
        var data = new byte[header.Size];
        var filled = 0;
        while (filled < data.Length)
        {
            var chunk = await _source.ReadAsync(data.Length - filled, cancellationToken).ConfigureAwait(false);
            if (chunk.Length == 0)
            {
                throw Truncated(entry, filled);
            }

            chunk.Span.CopyTo(data.AsSpan(filled));
            filled += chunk.Length;
        }

        await SkipPaddingAsync(entry, cancellationToken).ConfigureAwait(false);
        return data;
    }

    private async ValueTask ReadTrailingZerosAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var offset = _source.Position;
            var chunk = await _source.ReadAsync(int.MaxValue, cancellationToken).ConfigureAwait(false);
            if (chunk.Length == 0)
            {
                return;
            }

            var nonZero = chunk.Span.IndexOfAnyExcept((byte)0);
            if (nonZero >= 0)
            {
                throw Fail(string.Create(CultureInfo.InvariantCulture, $"there is data after the end-of-archive marker, at byte {offset + nonZero}"));
            }
        }
    }
}
