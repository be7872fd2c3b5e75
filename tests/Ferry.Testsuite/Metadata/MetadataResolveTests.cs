using System.Text.RegularExpressions;
using Ferry.Testsuite.Sources;
using Ferry.Testsuite.Support;
using Ferry.Testsuite.Tree;
using Xunit.Abstractions;

namespace Ferry.Testsuite.Metadata;

/// <summary>
/// <c>ferry metadata</c> with the resolve against <c>cargo metadata</c>: the tree and feature
/// resolver fixtures (path packages), with the feature and platform flags their tree commands
/// use; the three example projects on the Debian-crate registry; and random registries with real
/// <c>.crate</c> files (where <c>pkgid</c> is compared too, on the lockfile left behind). The JSON must be the same value (temp paths redacted), and so must the
/// exit code, the error text and the Cargo.lock each leaves behind.
/// </summary>
public sealed partial class MetadataResolveTests
{
    private static readonly bool Slow = Environment.GetEnvironmentVariable("FERRY_SLOW_TESTS") == "1";

    private readonly ITestOutputHelper _output;

    public MetadataResolveTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private static string TreeFixtures => Path.Combine(RepoPaths.Root, "tests", "Ferry.Testsuite", "Tree", "Fixtures");

    private static string MetadataFixtures => Path.Combine(RepoPaths.Root, "tests", "Ferry.Testsuite", "Metadata", "ResolveFixtures");

    private static string FeatureFixtures => Path.Combine(RepoPaths.Root, "tests", "Ferry.Tests", "Resolver", "Features", "Fixtures");

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(MetadataFixtures, "*.fixture").Order(StringComparer.Ordinal))
        {
            data.Add("metadata/" + Path.GetFileNameWithoutExtension(file));
        }

        foreach (var file in Directory.GetFiles(TreeFixtures, "*.fixture").Order(StringComparer.Ordinal))
        {
            data.Add("tree/" + Path.GetFileNameWithoutExtension(file));
        }

        foreach (var file in Directory.GetFiles(FeatureFixtures, "*.fixture").Order(StringComparer.Ordinal))
        {
            data.Add("features/" + Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    /// <summary><c>small</c> by default; <c>medium</c> and <c>large</c> (20 s more) with FERRY_SLOW_TESTS=1.</summary>
    public static TheoryData<string> Projects() => Slow ? ["small", "medium", "large"] : ["small"];

    /// <summary>
    /// Eight seeds by default, sixty with FERRY_SLOW_TESTS=1, and always 42: two of its dependencies
    /// cannot be satisfied, and Cargo names the one it meets while the other's index file is
    /// still loading (see <c>ResolveDriver</c>'s replay of Cargo's schedule).
    /// </summary>
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= (Slow ? 60 : 8); seed++)
        {
            data.Add(seed);
        }

        if (!Slow)
        {
            data.Add(42);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void FixtureMatchesCargo(string name)
    {
        var folder = name[..name.IndexOf('/', StringComparison.Ordinal)] switch
        {
            "metadata" => MetadataFixtures,
            "tree" => TreeFixtures,
            _ => FeatureFixtures,
        };
        var file = name[(name.IndexOf('/', StringComparison.Ordinal) + 1)..];
        var fixture = TreeFixture.Load(Path.Combine(folder, file + ".fixture"), name);
        using var sandbox = new Sandbox();
        var comparison = new MetadataComparison(sandbox);
        fixture.WriteTo(comparison.CargoWork);
        fixture.WriteTo(comparison.FerryWork);
        foreach (var args in MetadataVariants(fixture.Runs))
        {
            comparison.Run(args, fixture.Cwd);
        }

        _output.WriteLine($"{name}: {comparison.Runs - comparison.Failed}/{comparison.Runs} commands agree, {comparison.Nodes} nodes");
        Assert.True(comparison.Failed == 0, comparison.Failures);
    }

    [RegistryTheory]
    [MemberData(nameof(Projects))]
    public void ProjectMatchesCargo(string project)
    {
        using var sandbox = new Sandbox();
        using var server = new StaticRegistryServer(RegistryServer.RegistryRoot) { ServeOwnConfig = true };
        File.WriteAllText(Path.Combine(sandbox.CargoHome, "config.toml"), server.CargoConfig);
        var comparison = new MetadataComparison(sandbox) { CompareStderrOnSuccess = false };
        var source = Path.Combine(RepoPaths.SharedRegistry, "projects", project);
        CopyDirectory(source, comparison.CargoWork);
        CopyDirectory(source, comparison.FerryWork);
        string[][] commands =
        [
            [],
            ["--locked"],
            ["--offline"],
            ["--filter-platform", "x86_64-unknown-linux-gnu"],
            ["--filter-platform", "x86_64-pc-windows-msvc"],
            ["--filter-platform", "x86_64-pc-windows-msvc", "--filter-platform", "aarch64-apple-darwin"],
            ["--all-features"],
            ["--no-default-features"],
            ["--features", "nope"],
            ["--no-deps"],
            ["--manifest-path", Path.Combine("..", "work", "Cargo.toml"), "--frozen"],
        ];
        foreach (var command in commands)
        {
            comparison.Run(command);
        }

        _output.WriteLine($"{project}: {comparison.Runs - comparison.Failed}/{comparison.Runs} commands agree, {comparison.Nodes} nodes");
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
        var comparison = new MetadataComparison(sandbox) { CompareStderrOnSuccess = false };
        registry.WriteWorkspace(comparison.CargoWork);
        CopyDirectory(comparison.CargoWork, comparison.FerryWork);

        // Offline and locked first: nothing is cached and no lockfile exists yet, so both fail.
        List<string[]> commands =
        [
            ["--offline"],
            ["--locked"],
            [],
            ["--filter-platform", "x86_64-pc-windows-msvc"],
            ["--filter-platform", "x86_64-unknown-linux-gnu", "--all-features"],
            ["--no-default-features"],
        ];
        var optional = OptionalFeature().Match(File.ReadAllText(Path.Combine(comparison.CargoWork, "Cargo.toml")));
        if (optional.Success)
        {
            commands.Add(["--features", optional.Groups[1].Value]);
        }

        foreach (var command in commands)
        {
            comparison.Run(command);
        }

        // `pkgid` on the lockfile just written: every name (several versions make it ambiguous),
        // a name with a version, a version that is not there and a misspelt name.
        var lockfile = Path.Combine(comparison.CargoWork, "Cargo.lock");
        var names = File.Exists(lockfile) ? LockedName().Matches(File.ReadAllText(lockfile)).Select(m => m.Groups[1].Value).Distinct().ToList() : [];
        foreach (var name in names)
        {
            comparison.RunText(["pkgid", name]);
        }

        if (names.Count > 0)
        {
            comparison.RunText(["pkgid", names[^1] + "@0.0.1"]);
            comparison.RunText(["pkgid", names[^1] + "@9"]);
            comparison.RunText(["pkgid", names[^1] + "x"]);
        }

        _output.WriteLine($"seed {seed}: {comparison.Runs - comparison.Failed}/{comparison.Runs} commands agree, {comparison.Nodes} nodes");
        Assert.True(comparison.Failed == 0, comparison.Failures);
    }

    /// <summary>
    /// The metadata flags of a fixture's tree commands: the plain command, then each distinct
    /// combination of feature flags and platforms (<c>--target T</c> as <c>--filter-platform T</c>).
    /// </summary>
    private static List<string[]> MetadataVariants(IReadOnlyList<IReadOnlyList<string>> runs)
    {
        var variants = new List<string[]> { Array.Empty<string>() };
        var seen = new HashSet<string>(StringComparer.Ordinal) { string.Empty };
        foreach (var run in runs)
        {
            var args = new List<string>();
            for (var i = 1; i < run.Count; i++)
            {
                switch (run[i])
                {
                    case "--features" or "--manifest-path" or "--filter-platform" when i + 1 < run.Count:
                        args.Add(run[i]);
                        args.Add(run[++i]);
                        break;
                    case "--target" when i + 1 < run.Count:
                        if (run[++i] != "all")
                        {
                            args.Add("--filter-platform");
                            args.Add(run[i]);
                        }

                        break;
                    case "--all-features" or "--no-default-features":
                        args.Add(run[i]);
                        break;
                }
            }

            if (seen.Add(string.Join('\u0001', args)))
            {
                variants.Add([.. args]);
            }
        }

        return variants;
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

    [GeneratedRegex(@"^name = ""([^""]+)""", RegexOptions.Multiline)]
    private static partial Regex LockedName();

    [GeneratedRegex(@"^(use-[A-Za-z0-9_-]+) = ", RegexOptions.Multiline)]
    private static partial Regex OptionalFeature();
}
