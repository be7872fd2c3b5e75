using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Ferry.Tests.Core.Archive;

/// <summary>
/// A tar writer for tests that will happily write what no real tar tool would: any type flag,
/// any name, wrong sizes, corrupted fields, bad checksums, raw bytes. It does not use the code
/// under test (octal fields and checksums are computed here independently), so a bug in the
/// reader's number parsing cannot hide itself.
/// </summary>
internal sealed class TestTar
{
    public const string Root = "foo-1.0.0";
    public const long DefaultMtime = 1_153_704_088;

    private readonly MemoryStream _tar = new();

    /// <summary>Bytes written so far (the offset the next header will have).</summary>
    public long Length => _tar.Length;

    public byte[] Tar => _tar.ToArray();

    public TestTar File(string name, string contents, int mode = 420, long mtime = DefaultMtime) =>
        Entry(name, (byte)'0', Encoding.UTF8.GetBytes(contents), mode: mode, mtime: mtime);

    public TestTar Directory(string name, int mode = 493) => Entry(name, (byte)'5', [], mode: mode);

    public TestTar Link(string name, byte type, string target) =>
        Entry(name, type, [], tweak: header => Put(header, 157, Encoding.UTF8.GetBytes(target)));

    /// <summary>Appends a header (and its data, padded) with every field under the test's control.</summary>
    /// <param name="declaredSize">The size field, if it should differ from the data's length.</param>
    /// <param name="tweak">Edits the header bytes before the checksum is computed.</param>
    /// <param name="checksumDelta">Added to the correct checksum (non-zero: a bad checksum).</param>
    public TestTar Entry(
        string name,
        byte type,
        byte[] data,
        int mode = 420,
        long mtime = DefaultMtime,
        long? declaredSize = null,
        Action<byte[]>? tweak = null,
        int checksumDelta = 0,
        bool gnu = false)
    {
        return EntryBytes(Encoding.UTF8.GetBytes(name), type, data, mode, mtime, declaredSize, tweak, checksumDelta, gnu);
    }

    public TestTar EntryBytes(
        byte[] name,
        byte type,
        byte[] data,
        int mode = 420,
        long mtime = DefaultMtime,
        long? declaredSize = null,
        Action<byte[]>? tweak = null,
        int checksumDelta = 0,
        bool gnu = false)
    {
        var header = new byte[512];
        Put(header, 0, name.AsSpan(0, Math.Min(100, name.Length)));
        Octal(header, 100, 8, mode);
        Octal(header, 108, 8, 0);
        Octal(header, 116, 8, 0);
        Octal(header, 124, 12, declaredSize ?? data.Length);
        Octal(header, 136, 12, mtime);
        header[156] = type;
        Put(header, 257, gnu ? "ustar  \0"u8 : "ustar\u000000"u8);
        tweak?.Invoke(header);
        SetChecksum(header, checksumDelta);
        _tar.Write(header);
        _tar.Write(data);
        _tar.Write(new byte[Padding(data.Length)]);
        return this;
    }

    /// <summary>A GNU long-name (type L) record the way GNU tar writes it: the name and a NUL.</summary>
    public TestTar LongName(string name, byte type = (byte)'L') =>
        Entry("././@LongLink", type, [.. Encoding.UTF8.GetBytes(name), 0], gnu: true);

    /// <summary>A PAX header with correctly framed records.</summary>
    public TestTar Pax(params (string Key, string Value)[] records) => PaxRaw(PaxRecords(records));

    public TestTar PaxRaw(byte[] data, byte type = (byte)'x') => Entry("PaxHeaders/entry", type, data);

    public TestTar Raw(byte[] bytes)
    {
        _tar.Write(bytes);
        return this;
    }

    /// <summary>The end-of-archive marker: two zero blocks.</summary>
    public TestTar End() => Raw(new byte[1024]);

    public byte[] Gzip() => GzipOf(Tar);

    public static byte[] GzipOf(byte[] data)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static byte[] PaxRecords(params (string Key, string Value)[] records)
    {
        var builder = new List<byte>();
        foreach (var (key, value) in records)
        {
            var body = Encoding.UTF8.GetBytes($" {key}={value}\n");
            var length = body.Length + 1;
            while ((length.ToString(CultureInfo.InvariantCulture) + "").Length + body.Length != length)
            {
                length++;
            }

            builder.AddRange(Encoding.ASCII.GetBytes(length.ToString(CultureInfo.InvariantCulture)));
            builder.AddRange(body);
        }

        return [.. builder];
    }

    public static void Octal(byte[] header, int offset, int width, long value)
    {
        var digits = Convert.ToString(value, 8).PadLeft(width - 1, '0');
        Assert.True(digits.Length == width - 1, $"{value} does not fit in {width} octal bytes");
        Put(header, offset, Encoding.ASCII.GetBytes(digits + "\0"));
    }

    public static void Base256(byte[] header, int offset, int width, long value, bool negative = false)
    {
        var field = header.AsSpan(offset, width);
        field.Fill(negative ? (byte)0xFF : (byte)0);
        for (var i = width - 1; i > 0; i--)
        {
            field[i] = (byte)value;
            value >>= 8;
        }

        field[0] = negative ? (byte)0xFF : (byte)0x80;
    }

    public static void Put(byte[] header, int offset, ReadOnlySpan<byte> bytes) => bytes.CopyTo(header.AsSpan(offset));

    /// <summary>The correct (unsigned) checksum of a header, computed independently of the reader.</summary>
    public static int Checksum(byte[] header)
    {
        var sum = 0;
        for (var i = 0; i < 512; i++)
        {
            sum += i is >= 148 and < 156 ? ' ' : header[i];
        }

        return sum;
    }

    private static void SetChecksum(byte[] header, int delta)
    {
        var text = Convert.ToString(Checksum(header) + delta, 8).PadLeft(6, '0') + "\0 ";
        Put(header, 148, Encoding.ASCII.GetBytes(text));
    }

    private static int Padding(long size) => (int)((512 - (size % 512)) % 512);
}
