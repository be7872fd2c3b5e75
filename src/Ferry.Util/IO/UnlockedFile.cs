using System.Text;

namespace Ferry.Util.IO;

/// <summary>
/// Whole-file reads without the advisory lock <see cref="File.ReadAllBytes(string)"/> takes on
/// Unix (.NET emulates <see cref="FileShare.Read"/> with <c>flock(LOCK_SH)</c>, two system calls
/// more per file), and without a thread-pool hop as the async variants make. For the small files a
/// no-op build reads by the thousand (fingerprints, index cache entries, stamps, build-script
/// outputs), whose writers replace them by rename rather than rewriting them in place.
/// </summary>
public static class UnlockedFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The file's bytes; throws what <see cref="File.ReadAllBytes(string)"/> throws.</summary>
    public static byte[] ReadAllBytes(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength)
        {
            throw new IOException($"file too large: {path}");
        }

        var bytes = new byte[length];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(handle, bytes.AsSpan(read), read);
            if (n == 0)
            {
                return bytes[..read];
            }

            read += n;
        }

        return bytes;
    }

    /// <summary>The file as UTF-8 text (a leading byte-order mark dropped, invalid bytes replaced, as <see cref="File.ReadAllText(string)"/> does).</summary>
    public static string ReadAllText(string path)
    {
        var bytes = ReadAllBytes(path);
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        return Utf8.GetString(bytes, start, bytes.Length - start);
    }
}
