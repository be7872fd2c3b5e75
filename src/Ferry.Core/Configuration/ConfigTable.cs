using System.Collections.Immutable;

namespace Ferry.Core.Configuration;

/// <summary>
/// A table. Entries are kept sorted by key (ordinal), which is the order every Cargo listing
/// uses (<c>config get</c> sorts, JSON output comes from a <c>BTreeMap</c>), so printing never sorts.
/// </summary>
public sealed record ConfigTable(ImmutableSortedDictionary<string, ConfigValue> Entries, Definition Definition) : ConfigValue(Definition)
{
    public static ImmutableSortedDictionary<string, ConfigValue> EmptyEntries { get; } =
        ImmutableSortedDictionary.Create<string, ConfigValue>(StringComparer.Ordinal);

    public override string Description => "table";

    public static ConfigTable Empty(Definition definition) => new(EmptyEntries, definition);

    public ConfigValue? Get(string key) => Entries.TryGetValue(key, out var value) ? value : null;

    public bool Equals(ConfigTable? other) =>
        other is not null
        && Definition == other.Definition
        && Entries.Count == other.Entries.Count
        && Entries.All(entry => other.Entries.TryGetValue(entry.Key, out var value) && Equals(entry.Value, value));

    public override int GetHashCode() => HashCode.Combine(Definition, Entries.Count);
}
