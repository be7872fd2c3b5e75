namespace Ferry.Toml;

/// <summary>
/// The whitespace and comments around a key or value, exactly as in the source
/// (toml_edit's <c>Decor</c>). <c>null</c> means "not set": a default is chosen when the item is written.
/// For a <c>key = value</c> line the key's prefix holds the preceding comment/blank lines and indentation and
/// the value's suffix holds the trailing whitespace and comment up to the line ending.
/// </summary>
public readonly record struct TomlDecor(string? Prefix, string? Suffix);
