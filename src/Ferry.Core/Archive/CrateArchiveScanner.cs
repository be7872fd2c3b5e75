using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Ferry.Core.Archive;

/// <summary>
/// The single pass over a <c>.crate</c> that both verification and extraction use: compressed
/// bytes are hashed as they stream in, the tar stream is parsed and every entry checked, file
/// contents are hashed into the tree digest and handed to an optional sink. Nothing is read
/// twice and memory does not grow with file sizes, only with the number of entries.
/// </summary>
internal static class CrateArchiveScanner
{
    public const string ManifestName = "Cargo.toml";

    public static async Task<CrateArchiveListing> ScanAsync(
        Stream crate,
        string root,
        CrateArchiveLimits limits,
        ICrateEntrySink? sink,
        CancellationToken cancellationToken)
    {
        long? fixedCap = crate.CanSeek ? limits.DecompressedLimit(crate.Length - crate.Position) : null;
        using var input = await CompressedInput.OpenAsync(crate, cancellationToken).ConfigureAwait(false);
        using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        using var fileHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var source = new DecompressedReader(gzip, input, limits, fixedCap);
        var tar = new TarReader(source, limits);
        var policy = new CrateEntryPolicy(root, limits);
        var entries = ImmutableArray.CreateBuilder<CrateArchiveEntry>();
        var files = new List<TreeDigestEntry>();
        byte[]? manifest = null;

        while (await tar.NextAsync(cancellationToken).ConfigureAwait(false) is { } entry)
        {
            var kind = Classify(entry);
            var path = policy.Admit(entry, kind);
            var header = entry.Header;
            if (kind == CrateEntryKind.Directory)
            {
                if (entry.Size != 0)
                {
                    throw Fail(string.Create(CultureInfo.InvariantCulture, $"directory entry {ArchiveText.Quote(entry.Name)} has {entry.Size} bytes of data"));
                }

                if (sink is not null)
                {
                    await sink.DirectoryAsync(path, header.Mode, header.ModifiedTime, cancellationToken).ConfigureAwait(false);
                }

                entries.Add(new CrateArchiveEntry(path, kind, 0, header.Mode, header.ModifiedTime));
                continue;
            }

            // The declared size is known before any of the data is read: refuse an entry that
            // cannot fit instead of writing the cap's worth of it to disk first.
            if (source.FixedCap is { } cap && entry.Size > cap - source.Position)
            {
                throw Fail(string.Create(
                    CultureInfo.InvariantCulture,
                    $"maximum limit reached when reading: entry {ArchiveText.Quote(entry.Name)} declares {entry.Size} bytes, but the archive may decompress to at most {cap} bytes"));
            }

            var isManifest = path == ManifestName;
            if (isManifest)
            {
                if (entry.Size > limits.MaxManifestBytes)
                {
                    throw Fail(string.Create(CultureInfo.InvariantCulture, $"entry {ArchiveText.Quote(entry.Name)} is {entry.Size} bytes, more than the limit of {limits.MaxManifestBytes} for a manifest"));
                }

                manifest = new byte[entry.Size];
            }

            if (sink is not null)
            {
                await sink.BeginFileAsync(path, header.Mode, header.ModifiedTime, entry.Size, cancellationToken).ConfigureAwait(false);
            }

            long offset = 0;
            while (true)
            {
                var chunk = await tar.ReadDataAsync(cancellationToken).ConfigureAwait(false);
                if (chunk.IsEmpty)
                {
                    break;
                }

                fileHash.AppendData(chunk.Span);
                if (manifest is not null && isManifest)
                {
                    chunk.Span.CopyTo(manifest.AsSpan((int)offset));
                }

                offset += chunk.Length;
                if (sink is not null)
                {
                    await sink.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
                }
            }

            if (sink is not null)
            {
                await sink.EndFileAsync(cancellationToken).ConfigureAwait(false);
            }

            files.Add(new TreeDigestEntry(path, entry.Size, Convert.ToHexStringLower(fileHash.GetHashAndReset())));
            entries.Add(new CrateArchiveEntry(path, kind, entry.Size, header.Mode, header.ModifiedTime));
        }

        // The tar stream is complete; GZipStream may still hold back the trailer, and data after
        // it is ours to account for. Both must line up with what was decompressed.
        await input.DrainAsync(cancellationToken).ConfigureAwait(false);
        if (!input.EndsWithTrailer(source.Crc32, source.Produced))
        {
            throw Fail("the gzip stream is truncated, has more than one member, or is followed by other data (its trailer does not match the decompressed data)");
        }

        return new CrateArchiveListing(
            entries.ToImmutable(),
            manifest is null ? null : ImmutableCollectionsMarshal.AsImmutableArray(manifest),
            TreeDigest.FromFiles(files),
            input.Sha256Hex(),
            input.BytesRead,
            source.Produced);
    }

    private static CrateEntryKind Classify(TarEntry entry)
    {
        var forbidden = entry.Header.TypeFlag switch
        {
            (byte)'0' or 0 => null,
            (byte)'5' => null,
            (byte)'1' => "a hard link",
            (byte)'2' => "a symbolic link",
            (byte)'3' => "a character device",
            (byte)'4' => "a block device",
            (byte)'6' => "a FIFO",
            _ => string.Empty,
        };
        if (forbidden is null)
        {
            return entry.Header.TypeFlag == (byte)'5' ? CrateEntryKind.Directory : CrateEntryKind.File;
        }

        if (forbidden.Length == 0)
        {
            throw Fail($"entry {ArchiveText.Quote(entry.Name)} has unsupported type flag {ArchiveText.TypeFlag(entry.Header.TypeFlag)}; only regular files and directories are allowed");
        }

        throw Fail($"entry {ArchiveText.Quote(entry.Name)} is {forbidden}; only regular files and directories are allowed");
    }

    private static CrateArchiveException Fail(string message) => new("invalid tarball: " + message);
}
