using Ferry.Tests.Support;
using Ferry.Testsuite.Sources;
using Ferry.Testsuite.Support;
using Xunit.Abstractions;

namespace Ferry.Testsuite.Tree;

/// <summary>
/// <c>ferry tree</c> against <c>cargo tree</c> with packages that come from registries (so both
/// download them and read their manifests): the three example projects on the Debian-crate
/// registry with every display flag, and random registries (with real <c>.crate</c> files, some
/// of them proc-macros) with a few flag sets each. Stdout and exit code must be the same, stderr
/// too when the command fails (on success it carries download progress in any order), and the
/// Cargo.lock each leaves behind.
/// </summary>
public sealed class TreeRegistryTests
{
    private readonly ITestOutputHelper _output;

    public TreeRegistryTests(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>Commands on <c>projects/small</c>.</summary>
    private static readonly string[] Small =
    [
        "tree",
        "tree -e features",
        "tree -e features -i serde",
        "tree -i memchr",
        "tree -i proc-macro2 --charset ascii",
        "tree --charset ascii",
        "tree -f '{p} {f}'",
        "tree -f '{p}|{l}|{r}|{lib}'",
        "tree --depth 1",
        "tree --depth 2 --prefix depth",
        "tree --prefix none",
        "tree -d",
        "tree --no-dedupe",
        "tree --prune serde_derive",
        "tree --prune regex --prune serde",
        "tree -p serde",
        "tree -p serde_derive -e features",
        "tree --target all",
        "tree --target x86_64-pc-windows-msvc",
        "tree -e no-proc-macro",
        "tree -e build",
        "tree -e all --depth 3",
        "tree --features nope",
        "tree -p nope",
        "tree -i nope",
        "pkgid serde",
        "pkgid serde@1.0.152",
        "pkgid https://github.com/rust-lang/crates.io-index#serde_json",
        "pkgid serde@2",
    ];

    /// <summary>Commands on <c>projects/medium</c>.</summary>
    private static readonly string[] Medium =
    [
        "tree",
        "tree -e features",
        "tree -d",
        "tree --target all",
        "tree --target all -d",
        "tree --target x86_64-pc-windows-msvc -e normal",
        "tree -i libc --target all",
        "tree -i syn -e features",
        "tree -f '{p} {f}' --no-dedupe --prefix depth",
        "tree --depth workspace",
        "tree -p tokio --depth 1",
        "tree -p clap -e features",
        "tree -e no-proc-macro --charset ascii",
    ];

    /// <summary>Commands on <c>projects/large</c>.</summary>
    private static readonly string[] Large =
    [
        "tree",
        "tree -e features",
        "tree -d",
        "tree -d --target all",
        "tree --target all",
        "tree --target x86_64-pc-windows-msvc",
        "tree --target x86_64-pc-windows-msvc --target aarch64-apple-darwin -e normal",
        "tree -i clap@3.2.23",
        "tree -i clap",
        "tree -p clap",
        "tree -p clap@4.0.32 -e features",
        "tree -i windows-sys --target all",
        "tree -f '{p}|{l}|{lib}|{f}' --charset ascii",
        "tree --depth 1 -e no-dev",
        "tree --prune tokio --prune hyper --prune reqwest",
        "tree -e no-proc-macro -d",
        "tree -i serde --depth 3",
        "pkgid clap",
        "pkgid clap@3",
    ];

    public static TheoryData<string> Projects() => ["small", "medium", "large"];

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 40; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [RegistryTheory]
    [MemberData(nameof(Projects))]
    public void ProjectMatchesCargo(string project)
    {
        var commands = project switch
        {
            "small" => Small,
            "medium" => Medium,
            _ => Large,
        };
        using var sandbox = new Sandbox();
        using var server = new StaticRegistryServer(RegistryServer.RegistryRoot) { ServeOwnConfig = true };
        File.WriteAllText(Path.Combine(sandbox.CargoHome, "config.toml"), server.CargoConfig);
        var comparison = new TreeComparison(sandbox) { CompareStderrOnSuccess = false };
        var source = Path.Combine(RepoPaths.SharedRegistry, "projects", project);
        CopyDirectory(source, comparison.CargoWork);
        CopyDirectory(source, comparison.FerryWork);
        foreach (var command in commands)
        {
            comparison.Run(FixtureArgs.Split(command));
        }

        _output.WriteLine($"{project}: {comparison.Runs - comparison.Failed}/{comparison.Runs} commands agree");
        Assert.True(comparison.Failed == 0, comparison.Failures);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomRegistryMatchesCargo(int seed)
    {
        using var sandbox = new Sandbox();
        var registry = new RandomRegistry(seed);
        var registryDir = Path.Combine(sandbox.RootDirectory, "registry");
        using var server = new StaticRegistryServer(registryDir);
        registry.WriteCrates(registryDir);
        registry.WriteIndex(registryDir, server.BaseUrl);
        File.WriteAllText(Path.Combine(sandbox.CargoHome, "config.toml"), server.CargoConfig);
        var comparison = new TreeComparison(sandbox) { CompareStderrOnSuccess = false };
        registry.WriteWorkspace(comparison.CargoWork);
        CopyDirectory(comparison.CargoWork, comparison.FerryWork);

        // An inverted tree of a crate that exists in some graphs and not in others.
        var someCrate = registry.Crates[seed % registry.Crates.Count].Name;
        string[] commands =
        [
            "tree",
            "tree -e features",
            "tree --target all -d",
            "tree --workspace --no-dedupe --prefix depth",
            $"tree -i {someCrate} -e normal,build",
            "tree --target x86_64-pc-windows-msvc -f '{p} {f}'",
            "tree -e no-dev,features --all-features --workspace",
        ];
        foreach (var command in commands)
        {
            comparison.Run(FixtureArgs.Split(command));
        }

        _output.WriteLine($"seed {seed} (proc-macros: {string.Join(", ", registry.ProcMacros)}): {comparison.Runs - comparison.Failed}/{comparison.Runs} commands agree");
        Assert.True(comparison.Failed == 0, comparison.Failures);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("target", StringComparison.Ordinal))
            {
                continue;
            }

            var destination = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
