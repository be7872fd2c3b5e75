using System.Text.RegularExpressions;
using Ferry.Testsuite.Support;
using Xunit.Abstractions;

namespace Ferry.Testsuite.Resolve;

/// <summary>
/// Updating an existing lockfile the way cargo does: a lockfile is made while only the "old"
/// versions of a random registry exist, newer versions are then published, and both tools run
/// the same <c>update</c> variant (everything, <c>-p</c>, <c>--recursive</c>, <c>--precise</c>,
/// <c>-w</c>, <c>--dry-run</c>) or re-resolve after the manifest gained a dependency. The
/// resulting lockfiles and status output must be identical.
/// </summary>
public sealed partial class UpdateDifferentialTests
{
    private readonly ITestOutputHelper _output;

    public UpdateDifferentialTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        string[] variants = ["all", "package", "recursive", "precise", "workspace", "dry-run", "edit"];
        for (var seed = 1; seed <= 70; seed++)
        {
            data.Add(seed, variants[seed % variants.Length]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void UpdateAgreesWithCargo(int seed, string variant)
    {
        using var sandbox = new Sandbox();
        var registry = new RandomRegistry(seed);
        var registryDir = Path.Combine(sandbox.RootDirectory, "registry");
        using var server = new StaticRegistryServer(registryDir);
        registry.WriteIndex(registryDir, server.BaseUrl, latestEpoch: 0);
        registry.WriteWorkspace(sandbox.Work);
        var cargoHome = sandbox.CargoHome;
        File.WriteAllText(Path.Combine(cargoHome, "config.toml"), server.CargoConfig);
        var setup = sandbox.Cargo("generate-lockfile");
        if (setup.ExitCode != 0)
        {
            _output.WriteLine($"seed {seed}: the old registry does not resolve; nothing to update");
            return;
        }

        var oldLock = File.ReadAllText(sandbox.Path("Cargo.lock"));
        Directory.Delete(Path.Combine(registryDir, "index"), recursive: true);
        registry.WriteIndex(registryDir, server.BaseUrl, latestEpoch: 1);

        var args = Arguments(variant, oldLock, registry, sandbox, seed);
        var cargo = Run(sandbox, cargo: true, args, oldLock);
        var ferry = Run(sandbox, cargo: false, args, oldLock);
        _output.WriteLine($"seed {seed} {variant} [{string.Join(' ', args)}]: cargo exit {cargo.Result.ExitCode}, ferry exit {ferry.Result.ExitCode}");
        Assert.True(
            (cargo.Result.ExitCode == 0) == (ferry.Result.ExitCode == 0),
            $"cargo exit {cargo.Result.ExitCode}, ferry exit {ferry.Result.ExitCode}\ncargo:\n{cargo.Result.Stderr}\nferry:\n{ferry.Result.Stderr}");
        Assert.Equal(cargo.Lock, ferry.Lock);
        if (cargo.Result.ExitCode == 0)
        {
            var expected = Redactions.Apply(cargo.Result.Stderr, sandbox);
            var actual = Redactions.Apply(ferry.Result.Stderr, sandbox);
            Assert.True(expected == actual, $"status output differs\n--- cargo\n{expected}--- ferry\n{actual}");
        }
    }

    private static string[] Arguments(string variant, string oldLock, RandomRegistry registry, Sandbox sandbox, int seed)
    {
        var random = new Random(seed);
        var locked = PackageLine().Matches(oldLock).Select(m => (Name: m.Groups[1].Value, Version: m.Groups[2].Value, Registry: m.Groups[3].Success)).Where(p => p.Registry).ToList();
        if (locked.Count == 0 && variant is "package" or "recursive" or "precise")
        {
            variant = "all";
        }

        switch (variant)
        {
            case "package":
                return ["update", "-p", locked[random.Next(locked.Count)].Name];
            case "recursive":
                return ["update", "--recursive", "-p", locked[random.Next(locked.Count)].Name];
            case "precise":
                var package = locked[random.Next(locked.Count)];
                var crate = registry.Crates.First(c => c.Name == package.Name);
                var target = crate.Versions[random.Next(crate.Versions.Count)].Version;
                return ["update", "-p", $"{package.Name}@{package.Version}", "--precise", target];
            case "workspace":
                return ["update", "-w"];
            case "dry-run":
                return ["update", "--dry-run"];
            case "edit":
                // The manifest gains a dependency; a command that re-resolves keeps what is locked.
                var added = registry.Crates[random.Next(registry.Crates.Count)];
                var manifest = File.ReadAllText(sandbox.Path("Cargo.toml"));
                File.WriteAllText(sandbox.Path("Cargo.toml"), manifest.Replace("[dependencies]\n", $"[dependencies]\n{added.Name}_added = {{ package = \"{added.Name}\", version = \"*\" }}\n", StringComparison.Ordinal));
                return ["update", "-w"];
            default:
                return ["update"];
        }
    }

    private static (CommandResult Result, string? Lock) Run(Sandbox sandbox, bool cargo, string[] args, string oldLock)
    {
        File.WriteAllText(sandbox.Path("Cargo.lock"), oldLock);
        var home = Path.Combine(sandbox.RootDirectory, cargo ? "home-cargo" : "home-ferry");
        Directory.CreateDirectory(home);
        File.Copy(Path.Combine(sandbox.CargoHome, "config.toml"), Path.Combine(home, "config.toml"), overwrite: true);
        sandbox.ExtraEnvironment["CARGO_HOME"] = home;
        var result = cargo ? sandbox.Cargo(args) : sandbox.Ferry(args);
        var text = File.Exists(sandbox.Path("Cargo.lock")) ? File.ReadAllText(sandbox.Path("Cargo.lock")) : null;
        return (result, text);
    }

    [GeneratedRegex("name = \"([^\"]+)\"\nversion = \"([^\"]+)\"\n(source = \"registry)?")]
    private static partial Regex PackageLine();
}
