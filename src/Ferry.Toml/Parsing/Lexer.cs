using System.Buffers;

namespace Ferry.Toml.Parsing;

/// <summary>
/// Splits TOML text into tokens the way toml-rs's lexer does (same boundaries, same error-recovery choices:
/// an unterminated basic or literal string stops before the newline, an "atom" runs up to the next
/// structural character). It never fails: every problem is left for the parser or the decoders to report.
/// Scanning uses vectorised <c>IndexOfAny</c> so long strings and comments cost little.
/// </summary>
internal sealed class Lexer
{
    private static readonly SearchValues<char> AtomEnd = SearchValues.Create(".=,[]{} \t#\r\n");
    private static readonly SearchValues<char> BasicStop = SearchValues.Create("\"\\\n");
    private static readonly SearchValues<char> MlBasicStop = SearchValues.Create("\"\\");

    private readonly string _text;
    private int _pos;

    public Lexer(string text, int start)
    {
        _text = text;
        _pos = start;
    }

    public Token Next()
    {
        string t = _text;
        int start = _pos;
        if (start >= t.Length)
        {
            return new Token(TokenKind.Eof, t.Length, t.Length);
        }
        char c = t[start];
        switch (c)
        {
            case '.':
                return Single(TokenKind.Dot, start);
            case '=':
                return Single(TokenKind.Equals, start);
            case ',':
                return Single(TokenKind.Comma, start);
            case '[':
                return Single(TokenKind.LeftSquareBracket, start);
            case ']':
                return Single(TokenKind.RightSquareBracket, start);
            case '{':
                return Single(TokenKind.LeftCurlyBracket, start);
            case '}':
                return Single(TokenKind.RightCurlyBracket, start);
            case '\n':
                return Single(TokenKind.Newline, start);
            case ' ':
            case '\t':
                {
                    int i = start + 1;
                    while (i < t.Length && (t[i] == ' ' || t[i] == '\t'))
                    {
                        i++;
                    }
                    return Make(TokenKind.Whitespace, start, i);
                }
            case '#':
                {
                    int rel = t.AsSpan(start).IndexOfAny('\r', '\n');
                    return Make(TokenKind.Comment, start, rel < 0 ? t.Length : start + rel);
                }
            case '\r':
                return Make(TokenKind.Newline, start, start + 1 < t.Length && t[start + 1] == '\n' ? start + 2 : start + 1);
            case '\'':
                return StartsWithTriple(start, '\'') ? LexMlLiteral(start) : LexLiteral(start);
            case '"':
                return StartsWithTriple(start, '"') ? LexMlBasic(start) : LexBasic(start);
            default:
                {
                    int rel = t.AsSpan(start).IndexOfAny(AtomEnd);
                    return Make(TokenKind.Atom, start, rel < 0 ? t.Length : start + rel);
                }
        }
    }

    private Token Single(TokenKind kind, int start) => Make(kind, start, start + 1);

    private Token Make(TokenKind kind, int start, int end)
    {
        _pos = end;
        return new Token(kind, start, end);
    }

    private bool StartsWithTriple(int start, char q)
        => start + 2 < _text.Length && _text[start + 1] == q && _text[start + 2] == q;

    private Token LexLiteral(int start)
    {
        int from = start + 1;
        int rel = _text.AsSpan(from).IndexOfAny('\'', '\n');
        int end = rel < 0 ? _text.Length : _text[from + rel] == '\'' ? from + rel + 1 : from + rel;
        return Make(TokenKind.LiteralString, start, end);
    }

    private Token LexMlLiteral(int start)
    {
        int from = start + 3;
        int rel = _text.AsSpan(from).IndexOf("'''", StringComparison.Ordinal);
        int end = rel < 0 ? _text.Length : from + rel + 3;
        end = TakeExtraQuotes(end, '\'');
        return Make(TokenKind.MlLiteralString, start, end);
    }

    private Token LexBasic(int start)
    {
        string t = _text;
        int i = start + 1;
        while (true)
        {
            int rel = t.AsSpan(i).IndexOfAny(BasicStop);
            if (rel < 0)
            {
                return Make(TokenKind.BasicString, start, t.Length);
            }
            i += rel;
            char found = t[i];
            if (found == '"')
            {
                return Make(TokenKind.BasicString, start, i + 1);
            }
            if (found == '\n')
            {
                return Make(TokenKind.BasicString, start, i);
            }
            // An escape: skip it, and the escaped quote or backslash so it cannot end the string.
            i++;
            if (i < t.Length && (t[i] == '\\' || t[i] == '"'))
            {
                i++;
            }
        }
    }

    private Token LexMlBasic(int start)
    {
        string t = _text;
        int i = start + 3;
        while (true)
        {
            int rel = t.AsSpan(i).IndexOfAny(MlBasicStop);
            if (rel < 0)
            {
                return Make(TokenKind.MlBasicString, start, t.Length);
            }
            i += rel;
            if (t[i] == '"')
            {
                if (StartsWithTriple(i, '"'))
                {
                    return Make(TokenKind.MlBasicString, start, TakeExtraQuotes(i + 3, '"'));
                }
                i++;
                continue;
            }
            i++;
            if (i < t.Length && (t[i] == '\\' || t[i] == '"'))
            {
                i++;
            }
        }
    }

    /// <summary>Up to two more quotes right after a closing delimiter belong to the string's content.</summary>
    private int TakeExtraQuotes(int end, char q)
    {
        if (end < _text.Length && _text[end] == q)
        {
            end++;
            if (end < _text.Length && _text[end] == q)
            {
                end++;
            }
        }
        return end;
    }
}
