using System.Collections.Immutable;

namespace Ferry.Core.Manifest.Schema;

/// <summary><c>[lints]</c> / <c>[workspace.lints]</c>: lint settings per tool, both levels sorted by name.</summary>
public sealed record TomlLints(ImmutableArray<KeyValuePair<string, ImmutableArray<KeyValuePair<string, TomlLint>>>> Tools)
{
    public static TomlLints Empty { get; } = new([]);

    public bool IsEmpty => Tools.IsEmpty;
}
