using System.Text;

namespace Ferry.Toml.Parsing;

/// <summary>
/// Strict UTF-8 decoding for file bytes. Valid input takes the vectorised path; invalid input is rejected
/// with Rust's <c>Utf8Error</c> wording ("invalid utf-8 sequence of 1 bytes from index 2", "incomplete utf-8
/// byte sequence from index 241"), which is what toml-rs's test harness and cargo report.
/// </summary>
internal static class Utf8Validator
{
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }
        var (index, length) = FindError(bytes);
        string message = length is int n
            ? $"invalid utf-8 sequence of {n} bytes from index {index}"
            : $"incomplete utf-8 byte sequence from index {index}";
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        throw new TomlParseException(message, line, index - lineStart + 1);
    }

    /// <summary>Rust's <c>run_utf8_validation</c>: where the first error is and how many bytes it spans (null = truncated).</summary>
    private static (int Index, int? Length) FindError(ReadOnlySpan<byte> b)
    {
        int i = 0;
        while (i < b.Length)
        {
            byte first = b[i];
            if (first < 0x80)
            {
                i++;
                continue;
            }
            int width = first switch
            {
                >= 0xC2 and <= 0xDF => 2,
                >= 0xE0 and <= 0xEF => 3,
                >= 0xF0 and <= 0xF4 => 4,
                _ => 0,
            };
            if (width == 0)
            {
                return (i, 1);
            }
            if (i + 1 >= b.Length)
            {
                return (i, null);
            }
            byte second = b[i + 1];
            bool secondOk = first switch
            {
                0xE0 => second is >= 0xA0 and <= 0xBF,
                0xED => second is >= 0x80 and <= 0x9F,
                0xF0 => second is >= 0x90 and <= 0xBF,
                0xF4 => second is >= 0x80 and <= 0x8F,
                _ => second is >= 0x80 and <= 0xBF,
            };
            if (!secondOk)
            {
                return (i, 1);
            }
            for (int k = 2; k < width; k++)
            {
                if (i + k >= b.Length)
                {
                    return (i, null);
                }
                if ((b[i + k] & 0xC0) != 0x80)
                {
                    return (i, k);
                }
            }
            i += width;
        }
        return (b.Length, null);
    }
}
