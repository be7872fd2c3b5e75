using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Unicode;

namespace Ferry.Core.Archive;

/// <summary>
/// Writes a <c>.crate</c> the way <c>cargo package</c> does (tar crate 0.4, deterministic mode),
/// so the same files always give the same bytes: entries under <c>&lt;name&gt;-&lt;version&gt;/</c>,
/// files only (no directory entries), sorted by path component, GNU headers with uid/gid 0,
/// mode 0644 or 0755, mtime 1153704088, names over 100 bytes through a GNU <c>L</c> record,
/// two zero blocks at the end; then gzip at the best compression with Cargo's header (mtime 0,
/// file name <c>&lt;name&gt;-&lt;version&gt;.crate</c>, OS "unknown") and our own CRC, so the output
/// does not depend on the OS. The tar stream is byte-identical to Cargo's for the same files;
/// the deflate stream is not (a different zlib), so neither is the <c>.crate</c>'s checksum.
/// </summary>
public static class CrateArchiveWriter
{
    /// <summary>Cargo's deterministic timestamp (Jul 23, 2006: Rust's first commit).</summary>
    public const long DeterministicModifiedTime = 1_153_704_088;

    private const int NameFieldLength = 100;
    private const int RegularMode = 0b110_100_100; // 0644
    private const int ExecutableMode = 0b111_101_101; // 0755

    private static ReadOnlySpan<byte> GzipHeader => [0x1F, 0x8B, 8, 0x08, 0, 0, 0, 0, 2, 0xFF];

    /// <summary>Packages <paramref name="relativePaths"/> (files under <paramref name="sourceDirectory"/>).</summary>
    public static Task WriteAsync(
        Stream output,
        string packageRoot,
        string sourceDirectory,
        IEnumerable<string> relativePaths,
        CancellationToken cancellationToken = default)
    {
        var files = relativePaths.Select(path => CrateArchiveFile.FromDisk(path, Path.Combine(sourceDirectory, path.Replace('/', Path.DirectorySeparatorChar))));
        return WriteAsync(output, packageRoot, files, cancellationToken);
    }

    /// <summary>Packages <paramref name="files"/>; paths must obey the reader's rules and be unique.</summary>
    public static async Task WriteAsync(Stream output, string packageRoot, IEnumerable<CrateArchiveFile> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentException.ThrowIfNullOrEmpty(packageRoot);
        var policy = new CrateEntryPolicy(packageRoot, CrateArchiveLimits.Default);
        var sorted = new List<(string Name, CrateArchiveFile File)>();
        foreach (var file in files)
        {
            var name = packageRoot + "/" + file.RelativePath;
            try
            {
                policy.Admit(Encoding.UTF8.GetBytes(name), 0, CrateEntryKind.File);
            }
            catch (CrateArchiveException e)
            {
                throw new CrateArchiveException($"cannot package `{file.RelativePath}`", e);
            }

            sorted.Add((name, file));
        }

        sorted.Sort((a, b) => CompareByComponent(a.Name, b.Name));

        // Cargo's GzBuilder records the archive's file name (FNAME) in the gzip header.
        await output.WriteAsync(GzipHeader.ToArray(), cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(Encoding.UTF8.GetBytes(packageRoot + ".crate\0"), cancellationToken).ConfigureAwait(false);
        var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        var crc = 0u;
        long length = 0;
        await using (deflate.ConfigureAwait(false))
        {
            async Task Emit(ReadOnlyMemory<byte> data)
            {
                crc = Crc32.Append(crc, data.Span);
                length += data.Length;
                await deflate.WriteAsync(data, cancellationToken).ConfigureAwait(false);
            }

            foreach (var (name, file) in sorted)
            {
                await WriteEntryAsync(name, file, Emit, cancellationToken).ConfigureAwait(false);
            }

            await Emit(new byte[2 * TarHeader.BlockSize]).ConfigureAwait(false);
        }

        var trailer = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, crc);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer.AsSpan(4), (uint)length);
        await output.WriteAsync(trailer, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cargo sorts <c>Path</c>s, which compare component by component ("a/b" before "a-b").</summary>
    internal static int CompareByComponent(string a, string b)
    {
        var left = a.Split('/');
        var right = b.Split('/');
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            var order = TreeDigest.CompareCodePoints(left[i], right[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return left.Length - right.Length;
    }

    /// <summary>
    /// A GNU header as tar-rs builds it; the checksum is filled in last. tar-rs writes the uid
    /// and gid fields for long-name records and for headers filled from file metadata, and the
    /// (zero) device numbers only for the latter; generated files leave both as NUL bytes.
    /// </summary>
    internal static byte[] Header(ReadOnlySpan<byte> name, int mode, long size, long modifiedTime, byte typeFlag, bool owner, bool deviceNumbers)
    {
        var header = new byte[TarHeader.BlockSize];
        name[..Math.Min(name.Length, NameFieldLength)].CopyTo(header);
        TarNumber.Write(header.AsSpan(100, 8), mode);
        if (owner)
        {
            TarNumber.Write(header.AsSpan(108, 8), 0);
            TarNumber.Write(header.AsSpan(116, 8), 0);
        }

        TarNumber.Write(header.AsSpan(124, 12), size);
        TarNumber.Write(header.AsSpan(136, 12), modifiedTime);
        header[156] = typeFlag;
        "ustar  \0"u8.CopyTo(header.AsSpan(257));
        if (deviceNumbers)
        {
            TarNumber.Write(header.AsSpan(329, 8), 0);
            TarNumber.Write(header.AsSpan(337, 8), 0);
        }

        var (sum, _) = TarHeader.Checksums(header);
        TarNumber.Write(header.AsSpan(148, 8), sum);
        return header;
    }

    private static async Task WriteEntryAsync(string name, CrateArchiveFile file, Func<ReadOnlyMemory<byte>, Task> emit, CancellationToken cancellationToken)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        if (nameBytes.Length > NameFieldLength)
        {
            // tar-rs: a GNU long-name record holding the name and a NUL, then the real header
            // with the name cut to 100 bytes at a UTF-8 boundary.
            await emit(Header("././@LongLink"u8, RegularMode, nameBytes.Length + 1, 0, (byte)'L', owner: true, deviceNumbers: false)).ConfigureAwait(false);
            await emit(Padded([.. nameBytes, 0])).ConfigureAwait(false);
            var cut = NameFieldLength;
            while (!Utf8.IsValid(nameBytes.AsSpan(0, cut)))
            {
                cut--;
            }

            nameBytes = nameBytes[..cut];
        }

        if (file.SourcePath is not { } source)
        {
            await emit(Header(nameBytes, file.Executable ? ExecutableMode : RegularMode, file.Contents.Length, DeterministicModifiedTime, (byte)'0', owner: false, deviceNumbers: false)).ConfigureAwait(false);
            await emit(file.Contents).ConfigureAwait(false);
            await emit(new byte[Padding(file.Contents.Length)]).ConfigureAwait(false);
            return;
        }

        var executable = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(source) & UnixFileMode.UserExecute) != 0;
        var stream = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            var size = stream.Length;
            await emit(Header(nameBytes, executable ? ExecutableMode : RegularMode, size, DeterministicModifiedTime, (byte)'0', owner: true, deviceNumbers: true)).ConfigureAwait(false);
            var buffer = new byte[64 * 1024];
            long copied = 0;
            while (copied < size)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, size - copied)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new CrateArchiveException(string.Create(CultureInfo.InvariantCulture, $"cannot package `{file.RelativePath}`: it shrank from {size} to {copied} bytes while being read"));
                }

                await emit(buffer.AsMemory(0, read)).ConfigureAwait(false);
                copied += read;
            }

            await emit(new byte[Padding(size)]).ConfigureAwait(false);
        }
    }

    private static byte[] Padded(byte[] data)
    {
        var padded = new byte[data.Length + Padding(data.Length)];
        data.CopyTo(padded, 0);
        return padded;
    }

    private static int Padding(long size) => (int)((TarHeader.BlockSize - (size % TarHeader.BlockSize)) % TarHeader.BlockSize);
}
