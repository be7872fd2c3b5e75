using Ferry.Toml;

namespace Ferry.Core.Manifest.Schema;

/// <summary>One key of a map being decoded, with the key's position (for errors about the key itself).</summary>
internal readonly record struct MapEntry(string Key, TomlSpan? KeySpan, TomlValue Value);
