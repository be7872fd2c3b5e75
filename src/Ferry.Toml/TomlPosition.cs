namespace Ferry.Toml;

/// <summary>A 1-based line and column (columns count Unicode scalar values, so a surrogate pair is one column).</summary>
public readonly record struct TomlPosition(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}
