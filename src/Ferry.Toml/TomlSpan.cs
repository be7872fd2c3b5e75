namespace Ferry.Toml;

/// <summary>
/// A range of the parsed source text in UTF-16 code units (indices into <see cref="TomlDocument.Source"/>).
/// Use <see cref="TomlDocument.GetPosition"/> or <see cref="TomlDocument.GetSnippet"/> to turn it into
/// a 1-based line and column.
/// </summary>
public readonly record struct TomlSpan(int Start, int Length)
{
    public int End => Start + Length;

    public override string ToString() => $"{Start}..{End}";
}
