namespace Ferry.Toml.Syntax;

/// <summary>The entries of an inline table <c>{ ... }</c> in source order, and what follows the last one.</summary>
internal sealed class InlineTableSyntax
{
    public List<KeyValueSyntax> Items { get; } = new();

    /// <summary>Whitespace (TOML 1.1: also comments and newlines) after the last entry or its comma.</summary>
    public ReadOnlyMemory<char> Trailing { get; set; }

    public bool TrailingComma { get; set; }
}
