namespace Ferry.Toml.Syntax;

/// <summary>Decor that an edit set (rare), kept apart so parsed nodes need no room for it.</summary>
internal sealed class DecorOverride
{
    public ReadOnlyMemory<char> Prefix;
    public ReadOnlyMemory<char> Suffix;
}
