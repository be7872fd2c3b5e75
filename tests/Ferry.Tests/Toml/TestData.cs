namespace Ferry.Tests.Toml;

/// <summary>Locates the repository and the shared conformance data (read-only, outside the repository).</summary>
internal static class TestData
{
    private static readonly Lazy<string> Repo = new(() => FindUp(AppContext.BaseDirectory, d => File.Exists(Path.Combine(d, "Ferry.slnx")))
        ?? throw new InvalidOperationException("Cannot find the repository root (Ferry.slnx)."));

    private static readonly Lazy<string> Conformance = new(() =>
    {
        string? found = FindUp(RepoRoot, d => Directory.Exists(Path.Combine(d, "shared", "conformance")));
        return found is null
            ? throw new InvalidOperationException("Cannot find shared/conformance above the repository.")
            : Path.Combine(found, "shared", "conformance");
    });

    public static string RepoRoot => Repo.Value;

    public static string ConformanceRoot => Conformance.Value;

    public static string TomlTestRoot => Path.Combine(ConformanceRoot, "toml-test", "tests");

    public static string SnapshotRoot => Path.Combine(ConformanceRoot, "toml-rs-error-snapshots", "crates", "toml", "tests", "snapshots");

    public static string LockfilesRoot => Path.Combine(ConformanceRoot, "lockfiles");

    /// <summary>The TOML 1.0 cases of toml-test (paths relative to <see cref="TomlTestRoot"/>, ending in .toml).</summary>
    public static IReadOnlyList<string> Toml10Cases(string kind) =>
        File.ReadAllLines(Path.Combine(TomlTestRoot, "files-toml-1.0.0"))
            .Where(l => l.StartsWith(kind + "/", StringComparison.Ordinal) && l.EndsWith(".toml", StringComparison.Ordinal))
            .ToList();

    private static string? FindUp(string start, Func<string, bool> found)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (found(dir.FullName))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
