using Ferry.Testsuite.Support;
using Xunit.Abstractions;

namespace Ferry.Testsuite.Resolve;

/// <summary>
/// The resolver's main test: random registries and workspaces served on 127.0.0.1, where ferry
/// and cargo must agree — both fail, or both write a byte-identical Cargo.lock.
/// </summary>
public sealed class GenerateLockfileDifferentialTests
{
    private readonly ITestOutputHelper _output;

    public GenerateLockfileDifferentialTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 200; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void FerryAndCargoAgree(int seed)
    {
        using var sandbox = new Sandbox();
        var registry = new RandomRegistry(seed);
        var registryDir = Path.Combine(sandbox.RootDirectory, "registry");
        using var server = new StaticRegistryServer(registryDir);
        registry.WriteIndex(registryDir, server.BaseUrl);
        File.WriteAllText(Path.Combine(sandbox.CargoHome, "config.toml"), server.CargoConfig);
        registry.WriteWorkspace(sandbox.Work);

        var cargo = sandbox.Cargo("generate-lockfile");
        var cargoLock = ReadAndDelete(sandbox.Path("Cargo.lock"));
        var ferry = sandbox.Ferry("generate-lockfile");
        var ferryLock = ReadAndDelete(sandbox.Path("Cargo.lock"));
        _output.WriteLine($"seed {seed}: cargo exit {cargo.ExitCode}, ferry exit {ferry.ExitCode}");
        if (cargo.ExitCode != 0)
        {
            _output.WriteLine(cargo.Stderr);
        }

        Assert.True(
            (cargo.ExitCode == 0) == (ferry.ExitCode == 0),
            $"seed {seed}: cargo exit {cargo.ExitCode}, ferry exit {ferry.ExitCode}\ncargo:\n{cargo.Stderr}\nferry:\n{ferry.Stderr}");
        Assert.Equal(cargoLock, ferryLock);
        if (cargo.ExitCode == 0)
        {
            // The status lines (Locking, Adding with `(available: ...)` notes) are part of the contract too.
            Assert.Equal(Redactions.Apply(cargo.Stderr, sandbox), Redactions.Apply(ferry.Stderr, sandbox));
        }
    }

    private static string? ReadAndDelete(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path);
        File.Delete(path);
        return text;
    }
}
