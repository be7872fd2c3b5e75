using System.Text;

namespace Ferry.Toml;

/// <summary>
/// Turns an error span into toml-rs's line/column/caret figures. toml-rs works on UTF-8 bytes, so this does
/// too (it only runs once per failed parse, so re-encoding the text is fine).
/// </summary>
internal static class ErrorLocation
{
    /// <returns>0-based line and column, the raw line content (split on '\n' only, like toml-rs) and the caret count.</returns>
    public static (int Line, int Column, string RawLine, int Caret) Translate(string text, int start, int length)
    {
        start = Math.Clamp(start, 0, text.Length);
        length = Math.Clamp(length, 0, text.Length - start);
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        int index = Encoding.UTF8.GetByteCount(text.AsSpan(0, start));
        int spanBytes = Encoding.UTF8.GetByteCount(text.AsSpan(start, length));

        int line;
        int column;
        if (bytes.Length == 0)
        {
            line = 0;
            column = index;
        }
        else
        {
            int safe = Math.Min(index, bytes.Length - 1);
            int columnOffset = index - safe;
            int lineStart = bytes.AsSpan(0, safe).LastIndexOf((byte)'\n') + 1;
            line = bytes.AsSpan(0, lineStart).Count((byte)'\n');
            // Rust: from_utf8(&input[line_start..=index]).map(chars - 1).unwrap_or(index - line_start)
            var slice = bytes.AsSpan(lineStart, safe - lineStart + 1);
            if (System.Text.Unicode.Utf8.IsValid(slice))
            {
                int chars = 0;
                foreach (byte b in slice)
                {
                    if ((b & 0xC0) != 0x80)
                    {
                        chars++;
                    }
                }
                column = chars - 1;
            }
            else
            {
                column = safe - lineStart;
            }
            column += columnOffset;
        }

        string rawLine = NthLine(text, line);
        int contentBytes = Encoding.UTF8.GetByteCount(rawLine);
        int caret = Math.Min(spanBytes, Math.Max(0, contentBytes - column));
        return (line, column, rawLine, caret);
    }

    private static string NthLine(string text, int line)
    {
        int pos = 0;
        for (int i = 0; i < line; i++)
        {
            int nl = text.IndexOf('\n', pos);
            if (nl < 0)
            {
                return "";
            }
            pos = nl + 1;
        }
        int end = text.IndexOf('\n', pos);
        return end < 0 ? text[pos..] : text[pos..end];
    }
}
