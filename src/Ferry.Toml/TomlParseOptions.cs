namespace Ferry.Toml;

/// <summary>
/// Parser switches. The defaults implement TOML 1.0 exactly, as the Ferry issue asks, even though cargo 1.95's
/// <c>toml</c> crate implements TOML 1.1; the few 1.1 extensions are separate flags (or <see cref="Toml11"/>)
/// so they can be switched on later without touching the parser.
/// </summary>
public sealed record TomlParseOptions
{
    public static TomlParseOptions Default { get; } = new();

    /// <summary>Every TOML 1.1 extension switched on (what cargo 1.95 accepts).</summary>
    public static TomlParseOptions Toml11 { get; } = new()
    {
        AllowNewlinesInInlineTables = true,
        AllowTrailingCommaInInlineTables = true,
        AllowEscapeE = true,
        AllowEscapeX = true,
        AllowOmittedSeconds = true,
    };

    /// <summary>TOML 1.1: inline tables may span lines and contain comments.</summary>
    public bool AllowNewlinesInInlineTables { get; init; }

    /// <summary>TOML 1.1: <c>{ a = 1, }</c>.</summary>
    public bool AllowTrailingCommaInInlineTables { get; init; }

    /// <summary>TOML 1.1: the <c>\e</c> escape (U+001B).</summary>
    public bool AllowEscapeE { get; init; }

    /// <summary>TOML 1.1: the <c>\xHH</c> escape.</summary>
    public bool AllowEscapeX { get; init; }

    /// <summary>TOML 1.1: times without seconds (<c>07:32</c>).</summary>
    public bool AllowOmittedSeconds { get; init; }

    /// <summary>
    /// Deepest nesting of arrays and inline tables (and longest dotted key) accepted. 80 is what toml-rs (and so
    /// cargo) allows; it also bounds the recursion of the parser and writer so no input can overflow the stack.
    /// </summary>
    public int MaxDepth { get; init; } = 80;
}
