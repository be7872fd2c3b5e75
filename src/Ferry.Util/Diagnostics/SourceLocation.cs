namespace Ferry.Util.Diagnostics;

/// <summary>A 1-based position in a named file, plus the source line and caret width for snippets.</summary>
public sealed record SourceLocation(string Path, int Line, int Column, string SourceLine, int Length)
{
    public override string ToString() => $"{Path}:{Line}:{Column}";
}
