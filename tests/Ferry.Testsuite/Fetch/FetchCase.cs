using System.Text.RegularExpressions;
using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Fetch;

/// <summary>
/// A project in a sandbox (own HOME and CARGO_HOME) whose dependencies come from a test registry,
/// for running <c>ferry fetch</c>/<c>verify</c>/<c>vendor</c> and <c>cargo</c> side by side, plus
/// helpers to look into the package cache.
/// </summary>
internal sealed partial class FetchCase : IDisposable
{
    public FetchCase(string dependencies, string cargoConfig)
    {
        Sandbox = new Sandbox();
        Project = Sandbox.Path("proj");
        WriteProject(Project, dependencies);
        File.WriteAllText(Path.Combine(Sandbox.CargoHome, "config.toml"), cargoConfig);

        // Cargo's test hook, honoured by Ferry too: retries do not sleep for seconds.
        Sandbox.ExtraEnvironment["__CARGO_TEST_FIXED_RETRY_SLEEP_MS"] = "1";
    }

    public Sandbox Sandbox { get; }

    public string Project { get; }

    public string CargoHome => Sandbox.CargoHome;

    public string RegistryRoot => Path.Combine(CargoHome, "registry");

    public static void WriteProject(string directory, string dependencies)
    {
        Directory.CreateDirectory(Path.Combine(directory, "src"));
        File.WriteAllText(Path.Combine(directory, "src", "main.rs"), "fn main() {}\n");
        File.WriteAllText(
            Path.Combine(directory, "Cargo.toml"),
            $"[package]\nname = \"proj\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n{dependencies}\n");
    }

    public CommandResult Ferry(params string[] args) => Sandbox.FerryIn(Project, args);

    public CommandResult Cargo(params string[] args) => Sandbox.CargoIn(Project, args);

    /// <summary>Every file under <c>registry/cache</c> and <c>registry/src</c> (relative, <c>/</c>-separated, sorted), directories marked with a trailing <c>/</c>.</summary>
    public List<string> PackageCacheEntries()
    {
        var result = new List<string>();
        foreach (var top in new[] { "cache", "src" })
        {
            var root = Path.Combine(RegistryRoot, top);
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
            {
                var relative = top + "/" + Path.GetRelativePath(root, entry).Replace('\\', '/');
                result.Add(Directory.Exists(entry) ? relative + "/" : relative);
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    /// <summary>The single registry directory (<c>HOST-HASH</c>) under <c>registry/src</c> or <c>registry/cache</c>.</summary>
    public string RegistryDirectory(string top = "src") =>
        Path.GetFileName(Directory.GetDirectories(Path.Combine(RegistryRoot, top)).Single());

    public string SourceTree(string stem) => Path.Combine(RegistryRoot, "src", RegistryDirectory("src"), stem);

    public string CachedCrate(string stem) => Path.Combine(RegistryRoot, "cache", RegistryDirectory("cache"), stem + ".crate");

    /// <summary>Replaces what differs between runs and tools: ports, registry directory hashes, sandbox paths.</summary>
    public string Redact(string text)
    {
        text = Redactions.Apply(text, Sandbox);
        text = Port().Replace(text, "127.0.0.1:[PORT]");
        return RegistryHash().Replace(text, "$1-[HASH]");
    }

    public void Dispose() => Sandbox.Dispose();

    [GeneratedRegex(@"127\.0\.0\.1:\d+")]
    private static partial Regex Port();

    [GeneratedRegex(@"(127\.0\.0\.1|index\.crates\.io|)-[0-9a-f]{16}\b")]
    private static partial Regex RegistryHash();
}
