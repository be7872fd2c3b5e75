namespace Ferry.Ops.Scaffold;

/// <summary>One element of a compiled <see cref="GlobPattern"/>.</summary>
internal sealed record GlobToken(GlobTokenKind Kind, int Char = 0, IReadOnlyList<(int From, int To)>? Specifiers = null);
