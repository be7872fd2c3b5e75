using System.Text;

namespace Ferry.Util.Text;

/// <summary>
/// Cargo writes through <c>anstream</c>, which (when output is not a colour terminal) drops
/// escape sequences and non-whitespace control characters, including DEL. Values echoed raw
/// (DEL in JSON strings, control characters in environment values) lose those characters in
/// Cargo's output; this does the same so the output matches byte for byte.
/// </summary>
public static class TerminalText
{
    public static string Strip(string text)
    {
        if (!NeedsStripping(text))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\x1b')
            {
                i = SkipEscape(text, i);
                continue;
            }

            if ((c < ' ' && c is not ('\t' or '\n' or '\f' or '\r')) || c == '\x7f')
            {
                continue;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    private static bool NeedsStripping(string text)
    {
        foreach (var c in text)
        {
            if ((c < ' ' && c is not ('\t' or '\n' or '\f' or '\r')) || c == '\x7f')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the index of the last character of the escape sequence starting at <paramref name="start"/>.</summary>
    private static int SkipEscape(string text, int start)
    {
        var i = start + 1;
        if (i >= text.Length)
        {
            return start;
        }

        switch (text[i])
        {
            case '[':
                for (i++; i < text.Length; i++)
                {
                    if (text[i] is >= '@' and <= '~')
                    {
                        return i;
                    }
                }

                return text.Length - 1;
            case ']':
                for (i++; i < text.Length; i++)
                {
                    if (text[i] == '\a')
                    {
                        return i;
                    }

                    if (text[i] == '\x1b' && i + 1 < text.Length && text[i + 1] == '\\')
                    {
                        return i + 1;
                    }
                }

                return text.Length - 1;
            default:
                return i;
        }
    }
}
