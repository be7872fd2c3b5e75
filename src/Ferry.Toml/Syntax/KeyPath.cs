namespace Ferry.Toml.Syntax;

/// <summary>
/// The keys of a <c>key = value</c>: the last key plus, for a dotted key, the parts before it. Most keys are not
/// dotted, so this avoids an array per line.
/// </summary>
internal readonly struct KeyPath
{
    public KeyPath(TomlKey leaf)
    {
        Leaf = leaf;
        Prefix = null;
    }

    public KeyPath(TomlKey[]? prefix, TomlKey leaf)
    {
        Leaf = leaf;
        Prefix = prefix is { Length: > 0 } ? prefix : null;
    }

    public TomlKey Leaf { get; }

    public TomlKey[]? Prefix { get; }

    public int Count => (Prefix?.Length ?? 0) + 1;

    public TomlKey First => Prefix is { } p ? p[0] : Leaf;

    public TomlKey this[int index] => Prefix is { } p && index < p.Length ? p[index] : Leaf;

    public static KeyPath FromArray(TomlKey[] keys)
        => keys.Length == 1 ? new KeyPath(keys[0]) : new KeyPath(keys[..^1], keys[^1]);

    public TomlKey[] ToArray()
    {
        if (Prefix is null)
        {
            return [Leaf];
        }
        var keys = new TomlKey[Prefix.Length + 1];
        Prefix.CopyTo(keys, 0);
        keys[^1] = Leaf;
        return keys;
    }
}
