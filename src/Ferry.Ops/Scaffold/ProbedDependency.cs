namespace Ferry.Ops.Scaffold;

/// <summary>A path dependency: its name, and its directory or (for <c>workspace = true</c>) null until the root says.</summary>
internal sealed record ProbedDependency(string Name, string? Directory);
