namespace Ferry.Testsuite.New;

/// <summary>
/// One <c>new</c>/<c>init</c> scenario: files to create first (a key ending in <c>/</c> is an empty
/// directory), directories to <c>git init</c>, where to run (relative to the sandbox's work
/// directory; <c>~</c> is the sandbox's home) and with which arguments and extra variables.
/// </summary>
public sealed record NewCase(string Name, string[] Args)
{
    public string Cwd { get; init; } = string.Empty;

    public Dictionary<string, string> Files { get; init; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> GitInit { get; init; } = [];

    public Dictionary<string, string?> Env { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Directories made immutable (<c>chattr +i</c>) before the run, so nothing can be created in them.</summary>
    public IReadOnlyList<string> Immutable { get; init; } = [];

    public override string ToString() => Name;
}
