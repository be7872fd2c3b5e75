namespace Ferry.Toml.Parsing;

/// <summary>Token kinds of toml-rs's lexer; keeping its token boundaries is what lets our errors land on the same columns.</summary>
internal enum TokenKind : byte
{
    Dot,
    Equals,
    Comma,
    LeftSquareBracket,
    RightSquareBracket,
    LeftCurlyBracket,
    RightCurlyBracket,
    Whitespace,
    Comment,
    Newline,
    LiteralString,
    BasicString,
    MlLiteralString,
    MlBasicString,

    /// <summary>Anything else up to the next structural character: bare keys, numbers, booleans, dates, junk.</summary>
    Atom,
    Eof,
}
