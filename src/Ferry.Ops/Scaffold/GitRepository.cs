namespace Ferry.Ops.Scaffold;

/// <summary>A git repository found by discovery: its git directory and, unless bare, its work tree.</summary>
internal sealed record GitRepository(string GitDirectory, string? WorkDirectory);
