namespace Ferry.Toml.Syntax;

internal static class Newlines
{
    private static readonly ReadOnlyMemory<char> Lf = "\n".AsMemory();
    private static readonly ReadOnlyMemory<char> CrLf = "\r\n".AsMemory();

    public static ReadOnlyMemory<char> Text(NewlineKind kind) => kind switch
    {
        NewlineKind.Lf => Lf,
        NewlineKind.CrLf => CrLf,
        _ => ReadOnlyMemory<char>.Empty,
    };

    /// <summary>Only "\n", "\r\n" and "" occur (a bare CR is rejected by the parser).</summary>
    public static NewlineKind Kind(ReadOnlySpan<char> text) => text.Length switch
    {
        0 => NewlineKind.None,
        1 => NewlineKind.Lf,
        _ => NewlineKind.CrLf,
    };
}
