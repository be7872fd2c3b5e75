using System.Globalization;

namespace Ferry.Core.Archive;

/// <summary>
/// One 512-byte tar header, decoded and checked on its own (checksum, format magic, numeric
/// fields). Whether the entry is allowed, and what its real name is once GNU/PAX extensions are
/// applied, is decided by <see cref="TarReader"/> and <see cref="CrateEntryPolicy"/>.
/// </summary>
/// <param name="Name">Raw name bytes: <c>prefix/name</c> for POSIX ustar, the name field otherwise.</param>
/// <param name="Offset">Byte offset of the header in the decompressed tar stream.</param>
internal sealed record TarHeader(byte TypeFlag, byte[] Name, long Size, int Mode, long ModifiedTime, long Offset)
{
    public const int BlockSize = 512;

    /// <summary>Largest mtime a <see cref="DateTimeOffset"/> can hold (9999-12-31T23:59:59Z).</summary>
    public const long MaxModifiedTime = 253_402_300_799;

    private static ReadOnlySpan<byte> PosixMagic => "ustar\0"u8;

    private static ReadOnlySpan<byte> GnuMagic => "ustar "u8;

    public static TarHeader Parse(ReadOnlySpan<byte> block, long offset)
    {
        var magic = block.Slice(257, 6);
        var posix = magic.SequenceEqual(PosixMagic);
        var name = CString(block[..100]);
        if (posix)
        {
            var prefix = CString(block.Slice(345, 155));
            if (prefix.Length > 0)
            {
                name = [.. prefix, (byte)'/', .. name];
            }
        }

        // Built only when something is wrong: quoting every healthy header's name costs time.
        string Where() => string.Create(CultureInfo.InvariantCulture, $"header of entry {ArchiveText.Quote(name)} at byte {offset}");

        var checksumField = block.Slice(148, 8);
        if (TarNumber.TryParse(checksumField, out var stored) != TarNumberStatus.Ok)
        {
            throw Fail($"{Where()} has a malformed checksum field ({ArchiveText.Quote(Trim(checksumField))})");
        }

        var (unsigned, signed) = Checksums(block);

        // POSIX says unsigned; some historic tars summed signed chars, and GNU tar accepts both.
        if (stored != unsigned && stored != signed)
        {
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"{Where()} has a bad checksum (the field says {stored}, the header sums to {unsigned})"));
        }

        if (!posix && !magic.SequenceEqual(GnuMagic) && magic.ContainsAnyExcept((byte)0))
        {
            throw Fail($"{Where()} is not a ustar, GNU or v7 tar header (magic {ArchiveText.Quote(magic)})");
        }

        var size = Number(block.Slice(124, 12), "size", Where);
        var mode = Number(block.Slice(100, 8), "mode", Where);
        var mtime = Number(block.Slice(136, 12), "mtime", Where);
        if (mtime > MaxModifiedTime)
        {
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"{Where()} has an mtime beyond the year 9999 ({mtime})"));
        }

        return new TarHeader(block[156], name, size, (int)(mode & 0xFFF), mtime, offset);
    }

    /// <summary>Bytes up to the first NUL (the whole field if there is none).</summary>
    public static byte[] CString(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        return (end < 0 ? field : field[..end]).ToArray();
    }

    public static (long Unsigned, long Signed) Checksums(ReadOnlySpan<byte> block)
    {
        long unsigned = 8 * ' ';
        long signed = 8 * ' ';
        for (var i = 0; i < BlockSize; i++)
        {
            if (i is >= 148 and < 156)
            {
                continue;
            }

            unsigned += block[i];
            signed += (sbyte)block[i];
        }

        return (unsigned, signed);
    }

    private static long Number(ReadOnlySpan<byte> field, string what, Func<string> where)
    {
        return TarNumber.TryParse(field, out var value) switch
        {
            TarNumberStatus.Ok => value,
            TarNumberStatus.Negative => throw Fail($"{where()} has a negative {what} field"),
            TarNumberStatus.TooLarge => throw Fail($"{where()} has a {what} field too large to represent"),
            _ => throw Fail($"{where()} has a malformed {what} field ({ArchiveText.Quote(Trim(field))})"),
        };
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> field) => field.TrimEnd((byte)0);

    private static CrateArchiveException Fail(string message) => new("invalid tarball: " + message);
}
