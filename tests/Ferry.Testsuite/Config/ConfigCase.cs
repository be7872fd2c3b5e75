namespace Ferry.Testsuite.Config;

/// <summary>
/// One configuration setup: files (paths relative to the sandbox root, where <c>work/</c> is the
/// project and <c>cargo-home/</c> is CARGO_HOME), extra environment variables, the directory to
/// run in, the global arguments (<c>--config</c>) and the <c>config get</c> arguments.
/// </summary>
public sealed record ConfigCase(string Name)
{
    public Dictionary<string, string> Files { get; init; } = new();

    public Dictionary<string, string> Env { get; init; } = new();

    /// <summary>Relative to the sandbox root.</summary>
    public string Cwd { get; init; } = "work";

    public string[] Global { get; init; } = [];

    public string[] Get { get; init; } = [];

    /// <summary>Symbolic links to create: link path → target (both relative to the sandbox root / link).</summary>
    public Dictionary<string, string> Links { get; init; } = new();

    /// <summary>Raw bytes for files that are not valid UTF-8.</summary>
    public Dictionary<string, byte[]> Bytes { get; init; } = new();

    /// <summary>Directories to create (e.g. a directory where a config file is expected).</summary>
    public string[] Directories { get; init; } = [];

    public override string ToString() => Name;
}
