namespace Ferry.Toml.Parsing;

internal readonly record struct Token(TokenKind Kind, int Start, int End)
{
    public int Length => End - Start;

    public bool IsString => Kind is TokenKind.LiteralString or TokenKind.BasicString or TokenKind.MlLiteralString or TokenKind.MlBasicString;

    public bool IsKeyLike => IsString || Kind == TokenKind.Atom;
}
