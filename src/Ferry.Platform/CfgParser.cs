using System.Collections.Immutable;
using System.Text;

namespace Ferry.Platform;

/// <summary>
/// Tokenizer and recursive-descent parser for cfg expressions, mirroring cargo-platform's <c>cfg.rs</c>
/// token for token so that every error has cargo's wording — including its quirks: only U+0020 is
/// whitespace (a tab is an "unexpected character"), strings have no escapes (<c>"a\"</c> is the string
/// <c>a\</c>), identifiers are ASCII, and a bad token seen while merely peeking for <c>=</c> or <c>,</c> is
/// reported later as "unexpected content ... found after cfg expression".
/// Errors carry a position: an index into the caller's full input (<c>offset</c> is where the expression
/// text starts inside it, e.g. 4 for a <c>cfg(...)</c> key).
/// </summary>
internal static class CfgParser
{
    public static CfgExpr ParseExpr(string text, string fullInput, int offset)
    {
        var p = new State(text, fullInput, offset);
        var e = Expr(ref p);
        CheckRest(ref p);
        return e;
    }

    public static Cfg ParseCfg(string text, string fullInput, int offset)
    {
        var p = new State(text, fullInput, offset);
        var c = ParseCfgValue(ref p);
        CheckRest(ref p);
        return c;
    }

    private static void CheckRest(ref State p)
    {
        var i = SkipSpaces(p.Text, p.Pos);
        if (i < p.Text.Length)
        {
            throw p.Error(CfgErrorKind.UnterminatedExpression, $"unexpected content `{p.Text[i..]}` found after cfg expression", i);
        }
    }

    private static CfgExpr Expr(ref State p)
    {
        var save = p.Pos;
        var token = Next(ref p);
        switch (token.Type)
        {
            case TokenType.Ident when !token.Raw && (token.Is(p.Text, "all") || token.Is(p.Text, "any")):
            {
                var isAll = token.Is(p.Text, "all");
                var operands = ImmutableArray.CreateBuilder<CfgExpr>();
                Eat(ref p, TokenType.LeftParen);
                while (!Try(ref p, TokenType.RightParen))
                {
                    operands.Add(Expr(ref p));
                    if (!Try(ref p, TokenType.Comma))
                    {
                        Eat(ref p, TokenType.RightParen);
                        break;
                    }
                }

                return isAll ? CfgExpr.All(operands.DrainToImmutable()) : CfgExpr.Any(operands.DrainToImmutable());
            }

            case TokenType.Ident when !token.Raw && token.Is(p.Text, "not"):
            {
                Eat(ref p, TokenType.LeftParen);
                var e = Expr(ref p);
                Eat(ref p, TokenType.RightParen);
                return CfgExpr.Not(e);
            }

            case TokenType.End:
                throw p.Error(CfgErrorKind.IncompleteExpr, "expected start of a cfg expression, but cfg expression ended", p.Text.Length);

            default:
            {
                // Anything else (including a tokenizer error) is re-read as a single cfg value.
                p.Pos = save;
                var value = ParseCfgValue(ref p);

                // `true`/`false` become literals even when written raw: the name comparison ignores `r#`.
                if (!value.IsKeyPair && value.Name == "true")
                {
                    return CfgExpr.True;
                }

                return !value.IsKeyPair && value.Name == "false" ? CfgExpr.False : CfgExpr.Of(value);
            }
        }
    }

    private static Cfg ParseCfgValue(ref State p)
    {
        var token = Next(ref p);
        switch (token.Type)
        {
            case TokenType.Ident:
            {
                var name = p.Text[token.Start..token.End];
                if (!Try(ref p, TokenType.Equals))
                {
                    return Cfg.OfName(name, token.Raw);
                }

                var value = Next(ref p);
                return value.Type switch
                {
                    TokenType.String => Cfg.OfKeyPair(name, p.Text[value.Start..value.End], token.Raw),
                    TokenType.End => throw p.Error(CfgErrorKind.IncompleteExpr, "expected a string, but cfg expression ended", p.Text.Length),
                    _ => throw p.Error(CfgErrorKind.UnexpectedToken, $"expected a string, found {Classify(value.Type)}", value.Position),
                };
            }

            case TokenType.End:
                throw p.Error(CfgErrorKind.IncompleteExpr, "expected identifier, but cfg expression ended", p.Text.Length);
            default:
                throw p.Error(CfgErrorKind.UnexpectedToken, $"expected identifier, found {Classify(token.Type)}", token.Position);
        }
    }

    /// <summary>Consumes the next token if it is <paramref name="type"/>; a tokenizer error counts as "no".</summary>
    private static bool Try(ref State p, TokenType type)
    {
        var save = p.Pos;
        if (TryNext(ref p, out var token) && token.Type == type)
        {
            return true;
        }

        p.Pos = save;
        return false;
    }

    private static void Eat(ref State p, TokenType type)
    {
        var token = Next(ref p);
        if (token.Type == type)
        {
            return;
        }

        if (token.Type == TokenType.End)
        {
            throw p.Error(CfgErrorKind.IncompleteExpr, $"expected {Classify(type)}, but cfg expression ended", p.Text.Length);
        }

        throw p.Error(CfgErrorKind.UnexpectedToken, $"expected {Classify(type)}, found {Classify(token.Type)}", token.Position);
    }

    private static Token Next(ref State p)
    {
        if (TryNext(ref p, out var token))
        {
            return token;
        }

        throw p.Error(p.LexKind, p.LexMessage!, p.LexPosition);
    }

    /// <summary>Reads one token; on a lexical error returns false and records it in <paramref name="p"/>.</summary>
    private static bool TryNext(ref State p, out Token token)
    {
        var s = p.Text;
        var i = SkipSpaces(s, p.Pos);
        token = default;
        if (i >= s.Length)
        {
            p.Pos = i;
            token = new Token(TokenType.End, i, i, i, false);
            return true;
        }

        var c = s[i];
        switch (c)
        {
            case '(':
                p.Pos = i + 1;
                token = new Token(TokenType.LeftParen, i, i, i + 1, false);
                return true;
            case ')':
                p.Pos = i + 1;
                token = new Token(TokenType.RightParen, i, i, i + 1, false);
                return true;
            case ',':
                p.Pos = i + 1;
                token = new Token(TokenType.Comma, i, i, i + 1, false);
                return true;
            case '=':
                p.Pos = i + 1;
                token = new Token(TokenType.Equals, i, i, i + 1, false);
                return true;
            case '"':
            {
                var close = s.IndexOf('"', i + 1);
                if (close < 0)
                {
                    p.SetLexError(CfgErrorKind.UnterminatedString, "unterminated string in cfg", i);
                    return false;
                }

                p.Pos = close + 1;
                token = new Token(TokenType.String, i, i + 1, close, false);
                return true;
            }
        }

        if (IsIdentStart(c))
        {
            var start = i;
            var raw = false;
            if (c == 'r' && i + 1 < s.Length && s[i + 1] == '#')
            {
                if (i + 2 >= s.Length)
                {
                    p.SetLexError(CfgErrorKind.IncompleteExpr, "expected identifier, but cfg expression ended", s.Length);
                    return false;
                }

                if (!IsIdentStart(s[i + 2]))
                {
                    p.SetLexError(CfgErrorKind.UnexpectedChar, UnexpectedChar(s, i + 2), i + 2);
                    return false;
                }

                raw = true;
                start = i + 2;
            }

            var end = start + 1;
            while (end < s.Length && IsIdentRest(s[end]))
            {
                end++;
            }

            p.Pos = end;
            token = new Token(TokenType.Ident, i, start, end, raw);
            return true;
        }

        p.SetLexError(CfgErrorKind.UnexpectedChar, UnexpectedChar(s, i), i);
        return false;
    }

    private static string UnexpectedChar(string s, int i)
    {
        // The whole character, even outside the BMP, shown as-is (cargo uses `{}`, not `{:?}`).
        var length = char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
        return $"unexpected character `{s.AsSpan(i, length)}` in cfg, expected parens, a comma, an identifier, or a string";
    }

    private static string Classify(TokenType type) => type switch
    {
        TokenType.LeftParen => "`(`",
        TokenType.RightParen => "`)`",
        TokenType.Ident => "an identifier",
        TokenType.Comma => "`,`",
        TokenType.Equals => "`=`",
        TokenType.String => "a string",
        _ => "end of input",
    };

    private static bool IsIdentStart(char c) => c == '_' || char.IsAsciiLetter(c);

    private static bool IsIdentRest(char c) => IsIdentStart(c) || char.IsAsciiDigit(c);

    private static int SkipSpaces(string s, int i)
    {
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        return i;
    }

    private enum TokenType
    {
        End,
        LeftParen,
        RightParen,
        Ident,
        Comma,
        Equals,
        String,
    }

    /// <summary>A token: <see cref="Position"/> is where it starts; Start..End is an identifier's name or a string's contents.</summary>
    private readonly record struct Token(TokenType Type, int Position, int Start, int End, bool Raw)
    {
        public bool Is(string text, string word) => text.AsSpan(Start, End - Start).SequenceEqual(word);
    }

    private struct State(string text, string fullInput, int offset)
    {
        public readonly string Text = text;
        public int Pos;
        public CfgErrorKind LexKind;
        public string? LexMessage;
        public int LexPosition;

        public void SetLexError(CfgErrorKind kind, string message, int position)
        {
            LexKind = kind;
            LexMessage = message;
            LexPosition = position;
        }

        public readonly CfgParseException Error(CfgErrorKind kind, string detail, int position) =>
            new(Format(Text, detail), fullInput, offset + position, kind);
    }

    internal static string Format(string orig, string detail) =>
        new StringBuilder("failed to parse `").Append(orig).Append("` as a cfg expression: ").Append(detail).ToString();
}
