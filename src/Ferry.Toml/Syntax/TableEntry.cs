namespace Ferry.Toml.Syntax;

/// <summary>
/// A key of a table with its value. <see cref="Syntax"/> is the <c>key = value</c> that defined it, when one
/// did (not for tables made by headers, implicit tables or tables made by dotted keys).
/// </summary>
internal struct TableEntry
{
    public TableEntry(TomlKey key, TomlValue value, KeyValueSyntax? syntax)
    {
        Key = key;
        Value = value;
        Syntax = syntax;
    }

    public TomlKey Key;
    public TomlValue Value;
    public KeyValueSyntax? Syntax;
}
