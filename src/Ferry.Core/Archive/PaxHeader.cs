using System.Globalization;
using System.Text;

namespace Ferry.Core.Archive;

/// <summary>
/// A PAX extended header (<c>x</c> for the next entry, <c>g</c> for all that follow), parsed
/// strictly. Each record is <c>"&lt;length&gt; &lt;key&gt;=&lt;value&gt;\n"</c> where length counts the
/// whole record; a length that disagrees with where the newline is, a repeated key, or bytes
/// left over are errors rather than something to resynchronise past, because two tar readers
/// that recover differently would see different files in the same archive.
/// </summary>
/// <param name="Path">The <c>path</c> record, which replaces the header's name.</param>
/// <param name="Size">The <c>size</c> record; it must agree with the header's size field.</param>
/// <param name="SparseKey">A <c>GNU.sparse.*</c> key, if any: sparse files are refused.</param>
internal sealed record PaxHeader(byte[]? Path, long? Size, string? SparseKey)
{
    public static PaxHeader Parse(ReadOnlySpan<byte> data, TarHeader header, bool global)
    {
        var what = string.Create(CultureInfo.InvariantCulture, $"{(global ? "global PAX header (type 'g')" : "PAX header (type 'x')")} at byte {header.Offset}");
        byte[]? path = null;
        long? size = null;
        string? sparse = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var position = 0;
        while (position < data.Length)
        {
            var record = data[position..];
            var space = record.IndexOf((byte)' ');
            if (space <= 0 || space > 18 || record[..space].ContainsAnyExceptInRange((byte)'0', (byte)'9'))
            {
                throw Fail(what, position, "its length is not a decimal number");
            }

            var length = long.Parse(Encoding.ASCII.GetString(record[..space]), NumberStyles.None, CultureInfo.InvariantCulture);
            if (length > record.Length)
            {
                throw Fail(what, position, string.Create(CultureInfo.InvariantCulture, $"it declares {length} bytes but only {record.Length} remain"));
            }

            if (length < space + 3)
            {
                throw Fail(what, position, string.Create(CultureInfo.InvariantCulture, $"it declares {length} bytes, too short for a record"));
            }

            var body = record[(space + 1)..(int)length];
            if (body[^1] != (byte)'\n')
            {
                throw Fail(what, position, string.Create(CultureInfo.InvariantCulture, $"its declared length {length} does not end at a newline"));
            }

            body = body[..^1];
            var equals = body.IndexOf((byte)'=');
            if (equals <= 0)
            {
                throw Fail(what, position, "it has no key");
            }

            var keyBytes = body[..equals];
            var value = body[(equals + 1)..];
            if (keyBytes.ContainsAnyExceptInRange((byte)0x21, (byte)0x7E))
            {
                throw Fail(what, position, $"its key {ArchiveText.Quote(keyBytes)} is not printable ASCII");
            }

            var key = Encoding.ASCII.GetString(keyBytes);
            if (!seen.Add(key))
            {
                throw Fail(what, position, $"it repeats the key `{key}`");
            }

            switch (key)
            {
                case "path":
                    path = value.ToArray();
                    break;
                case "size":
                    if (value.IsEmpty || value.Length > 18 || value.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
                    {
                        throw Fail(what, position, $"its size {ArchiveText.Quote(value)} is not a decimal number");
                    }

                    size = long.Parse(Encoding.ASCII.GetString(value), NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                default:
                    if (key.StartsWith("GNU.sparse.", StringComparison.Ordinal))
                    {
                        sparse ??= key;
                    }

                    // Anything else (mtime, uid, uname, comment, xattrs, ...) is metadata Cargo
                    // does not use either; POSIX says readers ignore unknown keys.
                    break;
            }

            position += (int)length;
        }

        if (global && (path is not null || size is not null || sparse is not null))
        {
            var key = path is not null ? "path" : size is not null ? "size" : sparse;
            throw new CrateArchiveException($"invalid tarball: {what} sets `{key}`, which would apply to every later entry");
        }

        return new PaxHeader(path, size, sparse);
    }

    private static CrateArchiveException Fail(string what, int position, string reason) =>
        new(string.Create(CultureInfo.InvariantCulture, $"invalid tarball: {what} has a malformed record at offset {position}: {reason}"));
}
