namespace Ferry.Toml.Syntax;

/// <summary>A line ending is one of three strings: a byte instead of a slice per line.</summary>
internal enum NewlineKind : byte
{
    None,
    Lf,
    CrLf,
}
