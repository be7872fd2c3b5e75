using System.Text;

namespace Ferry.Toml.Parsing;

/// <summary>
/// Decodes string tokens (and keys) into their values. Every check and error position mirrors toml-rs's
/// <c>decoder/string.rs</c> so the first error we report is the one cargo would print. Strings without escapes
/// or suspicious characters take a fast path that is a single vectorised scan and one substring.
/// </summary>
internal static class StringDecoder
{
    internal const string MissingEscape = "missing escaped value, expected `b`, `e`, `f`, `n`, `r`, `\\`, `\"`, `x`, `u`, `U`";
    private const string MissingEscape10 = "unsupported escape sequence in TOML 1.0, expected `b`, `f`, `n`, `r`, `t`, `\\`, `\"`, `u`, `U`";
    private const string CarriageReturn = "carriage return must be followed by newline, expected newline";
    private const string KeyExpected = "expected letters, numbers, `-`, `_`";

    public static string DecodeKey(string text, Token token, ErrorSink errors, TomlParseOptions options)
    {
        switch (token.Kind)
        {
            case TokenKind.LiteralString:
                return DecodeLiteral(text, token.Start, token.End, errors);
            case TokenKind.BasicString:
                return DecodeBasic(text, token.Start, token.End, errors, options);
            case TokenKind.MlLiteralString:
                errors.Report("keys cannot be multi-line literal strings, expected basic string, literal string", token.Start, token.Length);
                return DecodeMlLiteral(text, token.Start, token.End, errors);
            case TokenKind.MlBasicString:
                errors.Report("keys cannot be multi-line basic strings, expected basic string, literal string", token.Start, token.Length);
                return DecodeMlBasic(text, token.Start, token.End, errors, options);
            default:
                return DecodeUnquotedKey(text, token.Start, token.End, errors);
        }
    }

    public static string DecodeUnquotedKey(string text, int start, int end, ErrorSink errors)
    {
        if (start == end)
        {
            errors.Report("unquoted keys cannot be empty, " + KeyExpected, start, 0);
            return "";
        }
        var span = text.AsSpan(start, end - start);
        int bad = span.IndexOfAnyExcept(CharClass.BareKey);
        if (bad >= 0)
        {
            int run = bad + 1;
            while (run < span.Length && !CharClass.IsBareKeyChar(span[run]))
            {
                run++;
            }
            errors.Report("invalid unquoted key, " + KeyExpected, start + bad, run - bad);
        }
        return text.Substring(start, end - start);
    }

    public static string DecodeLiteral(string text, int rawStart, int rawEnd, ErrorSink errors)
    {
        const string Invalid = "invalid literal string";
        int s = rawStart;
        int e = rawEnd;
        if (s < e && text[s] == '\'')
        {
            s++;
        }
        else
        {
            errors.Report(Invalid + ", expected `'`", rawStart, 0);
        }
        if (e > s && text[e - 1] == '\'')
        {
            e--;
        }
        else
        {
            errors.Report(Invalid + ", expected `'`", rawEnd, 0);
        }
        var content = text.AsSpan(s, e - s);
        int special = content.IndexOfAny(CharClass.LiteralSpecial);
        if (special >= 0)
        {
            for (int i = special; i < content.Length; i++)
            {
                if (!CharClass.IsLiteralChar(content[i]))
                {
                    errors.Report(Invalid + ", expected non-single-quote visible characters", s + i, 0);
                    break;
                }
            }
        }
        return content.ToString();
    }

    public static string DecodeMlLiteral(string text, int rawStart, int rawEnd, ErrorSink errors)
    {
        const string Invalid = "invalid multi-line literal string";
        int s = rawStart;
        int e = rawEnd;
        if (e - s >= 3 && text.AsSpan(s, 3).SequenceEqual("'''"))
        {
            s += 3;
        }
        else
        {
            errors.Report(Invalid + ", expected `'`", rawStart, 0);
        }
        s = SkipStartNewline(text, s, e);
        if (e - s >= 3 && text.AsSpan(e - 3, 3).SequenceEqual("'''"))
        {
            e -= 3;
        }
        else
        {
            errors.Report(Invalid + ", expected `'`", rawEnd, 0);
            while (e > s && text[e - 1] == '\'')
            {
                e--;
            }
        }
        for (int i = s; i < e; i++)
        {
            char c = text[i];
            if (c == '\'' || c == '\n')
            {
                continue;
            }
            if (c == '\r')
            {
                if (i + 1 >= e || text[i + 1] != '\n')
                {
                    errors.Report(CarriageReturn, i + 1, 0);
                }
            }
            else if (!CharClass.IsLiteralChar(c))
            {
                errors.Report(Invalid + ", expected non-single-quote characters", i, 0);
            }
        }
        return text.Substring(s, e - s);
    }

    public static string DecodeBasic(string text, int rawStart, int rawEnd, ErrorSink errors, TomlParseOptions options)
    {
        const string Invalid = "invalid basic string";
        int s = rawStart;
        int e = rawEnd;
        if (s < e && text[s] == '"')
        {
            s++;
        }
        else
        {
            errors.Report(Invalid + ", expected `\"`", rawStart, 0);
        }
        if (e > s && text[e - 1] == '"')
        {
            e--;
        }
        else
        {
            errors.Report(Invalid + ", expected `\"`", rawEnd, 0);
        }
        int special = text.AsSpan(s, e - s).IndexOfAny(CharClass.BasicSpecial);
        if (special < 0)
        {
            return text.Substring(s, e - s);
        }

        var sb = new StringBuilder(e - s);
        int i = s;
        while (i < e)
        {
            int j = i;
            while (j < e && CharClass.IsBasicUnescaped(text[j]))
            {
                j++;
            }
            sb.Append(text, i, j - i);
            i = j;
            if (i >= e)
            {
                break;
            }
            if (text[i] == '\\')
            {
                i++;
                Escape(text, ref i, e, sb, errors, options);
            }
            else
            {
                j = i;
                while (j < e && !(CharClass.IsBasicUnescaped(text[j]) || text[j] == '\\'))
                {
                    j++;
                }
                errors.Report(Invalid + ", expected non-double-quote visible characters, `\\`", i, j - i);
                sb.Append(text, i, j - i);
                i = j;
            }
        }
        return sb.ToString();
    }

    public static string DecodeMlBasic(string text, int rawStart, int rawEnd, ErrorSink errors, TomlParseOptions options)
    {
        const string Invalid = "invalid multi-line basic string";
        int s = rawStart;
        int e = rawEnd;
        if (e - s >= 3 && text.AsSpan(s, 3).SequenceEqual("\"\"\""))
        {
            s += 3;
        }
        else
        {
            errors.Report(Invalid + ", expected `\"`", rawStart, 0);
        }
        s = SkipStartNewline(text, s, e);
        if (e - s >= 3 && text.AsSpan(e - 3, 3).SequenceEqual("\"\"\""))
        {
            e -= 3;
        }
        else
        {
            errors.Report(Invalid + ", expected `\"`", rawEnd, 0);
        }

        var sb = new StringBuilder(e - s);
        int i = s;
        while (i < e)
        {
            int j = i;
            while (j < e && IsMlUnescaped(text[j]))
            {
                j++;
            }
            sb.Append(text, i, j - i);
            i = j;
            if (i >= e)
            {
                break;
            }
            char c = text[i];
            if (c == '\\')
            {
                i++;
                if (i < e && text[i] is ' ' or '\t' or '\r' or '\n')
                {
                    EscapedNewline(text, ref i, e, errors);
                }
                else
                {
                    Escape(text, ref i, e, sb, errors, options);
                }
            }
            else if (c == '\r')
            {
                if (i + 1 < e && text[i + 1] == '\n')
                {
                    sb.Append("\r\n");
                    i += 2;
                }
                else
                {
                    errors.Report(CarriageReturn, i + 1, 0);
                    sb.Append('\r');
                    i++;
                }
            }
            else
            {
                j = i;
                while (j < e && !(IsMlUnescaped(text[j]) || text[j] == '\\' || text[j] == '\r'))
                {
                    j++;
                }
                errors.Report(Invalid + ", expected `\\`, characters", i, j - i);
                sb.Append(text, i, j - i);
                i = j;
            }
        }
        return sb.ToString();
    }

    private static bool IsMlUnescaped(char c) => CharClass.IsBasicUnescaped(c) || c == '"' || c == '\n';

    private static int SkipStartNewline(string text, int s, int e)
    {
        if (s < e && text[s] == '\n')
        {
            return s + 1;
        }
        if (s + 1 < e && text[s] == '\r' && text[s + 1] == '\n')
        {
            return s + 2;
        }
        return s;
    }

    /// <summary>A line-ending backslash: skips the whitespace and newlines that follow it.</summary>
    private static void EscapedNewline(string text, ref int i, int e, ErrorSink errors)
    {
        while (i < e && (text[i] == ' ' || text[i] == '\t'))
        {
            i++;
        }
        if (i < e && text[i] == '\n')
        {
            i++;
        }
        else if (i < e && text[i] == '\r')
        {
            i++;
            if (i < e && text[i] == '\n')
            {
                i++;
            }
            else
            {
                errors.Report(CarriageReturn, i, 0);
            }
        }
        else
        {
            errors.Report("invalid multi-line basic string, expected newline", i, 0);
        }
        while (true)
        {
            int before = i;
            while (i < e && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n'))
            {
                i++;
            }
            if (i < e && text[i] == '\r')
            {
                if (i + 1 < e && text[i + 1] == '\n')
                {
                    i += 2;
                }
                else
                {
                    errors.Report(CarriageReturn, i + 1, 0);
                    i++;
                }
            }
            if (i == before)
            {
                break;
            }
        }
    }

    /// <summary>Decodes the escape whose backslash was just consumed; <paramref name="i"/> points after it.</summary>
    private static void Escape(string text, ref int i, int e, StringBuilder sb, ErrorSink errors, TomlParseOptions options)
    {
        if (i >= e)
        {
            errors.Report(MissingEscape, i, 0);
            sb.Append('\\');
            return;
        }
        char c = text[i];
        switch (c)
        {
            case 'b':
                sb.Append('\b');
                i++;
                return;
            case 'f':
                sb.Append('\f');
                i++;
                return;
            case 'n':
                sb.Append('\n');
                i++;
                return;
            case 'r':
                sb.Append('\r');
                i++;
                return;
            case 't':
                sb.Append('\t');
                i++;
                return;
            case '\\':
                sb.Append('\\');
                i++;
                return;
            case '"':
                sb.Append('"');
                i++;
                return;
            case 'e':
                if (!options.AllowEscapeE)
                {
                    // TOML 1.1 only; cargo (1.1) would accept it.
                    errors.Report(MissingEscape10, i, 0);
                }
                sb.Append('\u001B');
                i++;
                return;
            case 'x':
                {
                    // A malformed \x escape gets toml-rs's (1.1) message; a well-formed one is only a TOML 1.0 error.
                    int at = i;
                    i++;
                    bool wellFormed = i + 1 < e && CharClass.IsHexDigit(text[i]) && CharClass.IsHexDigit(text[i + 1]);
                    if (wellFormed && !options.AllowEscapeX)
                    {
                        errors.Report(MissingEscape10, at, 0);
                    }
                    HexEscape(text, ref i, e, 2, sb, errors);
                    return;
                }
            case 'u':
                i++;
                HexEscape(text, ref i, e, 4, sb, errors);
                return;
            case 'U':
                i++;
                HexEscape(text, ref i, e, 8, sb, errors);
                return;
            default:
                errors.Report(MissingEscape, i, 0);
                sb.Append('\\');
                return;
        }
    }

    private static void HexEscape(string text, ref int i, int e, int digits, StringBuilder sb, ErrorSink errors)
    {
        int start = i;
        int n = 0;
        while (n < digits && i < e && CharClass.IsHexDigit(text[i]))
        {
            i++;
            n++;
        }
        if (n != digits)
        {
            errors.Report("too few unicode value digits, expected unicode hexadecimal value", i, 0);
            sb.Append('\uFFFD');
            return;
        }
        uint value = uint.Parse(text.AsSpan(start, digits), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture);
        if (!Rune.IsValid(value))
        {
            errors.Report("invalid value, expected unicode hexadecimal value", start, 0);
            sb.Append('\uFFFD');
            return;
        }
        var rune = new Rune(value);
        Span<char> buffer = stackalloc char[2];
        int written = rune.EncodeToUtf16(buffer);
        sb.Append(buffer[..written]);
    }
}
