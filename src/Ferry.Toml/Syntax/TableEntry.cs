namespace Ferry.Toml.Syntax;

/// <summary>
/// A key of a table with its value. When a <c>key = value</c> defined it, the key is that line
/// (<see cref="Syntax"/>); tables made by headers, implicit tables and tables made by dotted keys have none.
/// </summary>
internal struct TableEntry
{
    public TableEntry(TomlKey key, TomlValue value)
    {
        Key = key;
        Value = value;
    }

    public TomlKey Key;
    public TomlValue Value;

    public readonly KeyValueSyntax? Syntax => Key as KeyValueSyntax;
}
