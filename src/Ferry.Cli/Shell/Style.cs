namespace Ferry.Cli.Shell;

/// <summary>The ANSI styles Cargo 1.95 uses (bold plus bright colours), so coloured output looks the same.</summary>
internal static class Style
{
    public const string Reset = "\u001b[0m";
    public const string Bold = "\u001b[1m";
    public const string Good = "\u001b[1m\u001b[92m";
    public const string Error = "\u001b[1m\u001b[91m";
    public const string Warn = "\u001b[1m\u001b[33m";
    public const string Note = "\u001b[1m\u001b[92m";
    public const string Help = "\u001b[1m\u001b[96m";
    public const string Line = "\u001b[1m\u001b[94m";
}
