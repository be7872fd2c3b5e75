using System.Collections.Immutable;

namespace Ferry.Core.Configuration;

/// <summary>An array; each element keeps its own definition, so a merged list can say where each item came from.</summary>
public sealed record ConfigList(ImmutableArray<ConfigValue> Items, Definition Definition) : ConfigValue(Definition)
{
    public override string Description => "array";

    public bool Equals(ConfigList? other) =>
        other is not null && Definition == other.Definition && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => HashCode.Combine(Definition, Items.Length);
}
