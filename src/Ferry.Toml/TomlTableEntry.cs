namespace Ferry.Toml;

/// <summary>A key of a table (with its span and decor) and its value.</summary>
public readonly record struct TomlTableEntry(TomlKey Key, TomlValue Value);
