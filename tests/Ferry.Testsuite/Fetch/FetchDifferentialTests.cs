using Ferry.Testsuite.Sources;
using Ferry.Testsuite.Support;
using Ferry.Tests.Sources.Support;

namespace Ferry.Testsuite.Fetch;

/// <summary>
/// <c>ferry fetch</c> and <c>cargo fetch</c> (1.95) side by side, each with its own Cargo home, on
/// the same project and server: what each prints to stderr must be the same once ports, temporary
/// paths and the registry directory names are redacted. <c>Downloaded</c> lines come in completion
/// order in both tools, so they are compared as a sorted block. Where Ferry deliberately says more
/// (the two sums of a checksum mismatch), the test states exactly what it adds.
/// </summary>
public sealed class FetchDifferentialTests
{
    [RegistryFact]
    public void SmallProjectPrintsWhatCargoPrints()
    {
        using var server = RegistryServer.Start();
        using var ferry = ProjectCase("small", server.Port);
        using var cargo = ProjectCase("small", server.Port);

        // Index warm, package cache empty: the benchmark's situation.
        Assert.Equal(0, ferry.Ferry("generate-lockfile").ExitCode);
        Assert.Equal(0, cargo.Cargo("generate-lockfile").ExitCode);
        var f = ferry.Ferry("fetch");
        var c = cargo.Cargo("fetch");
        Assert.Equal(0, f.ExitCode);
        Assert.Equal(0, c.ExitCode);
        Assert.Equal(Normalise(cargo, c.Stderr), Normalise(ferry, f.Stderr));
        Assert.Equal(16, f.Stderr.Split('\n').Length); // Downloading, 14 Downloaded, and after the last newline nothing
        Assert.Equal(c.Stdout, f.Stdout);

        // Nothing to do the second time: both are silent.
        Assert.Equal(cargo.Cargo("fetch"), ferry.Ferry("fetch"));

        // Offline with an empty package cache: both refuse to download.
        Directory.Delete(Path.Combine(ferry.RegistryRoot, "src"), recursive: true);
        Directory.Delete(Path.Combine(ferry.RegistryRoot, "cache"), recursive: true);
        Directory.Delete(Path.Combine(cargo.RegistryRoot, "src"), recursive: true);
        Directory.Delete(Path.Combine(cargo.RegistryRoot, "cache"), recursive: true);
        foreach (var flag in new[] { "--offline", "--frozen" })
        {
            var fo = ferry.Ferry("fetch", flag);
            var co = cargo.Cargo("fetch", flag);
            Assert.Equal(101, fo.ExitCode);
            Assert.Equal(OfflineShape(co.Stderr), OfflineShape(fo.Stderr));
        }
    }

    [RegistryFact]
    public void FromScratchWithoutALockfileLocksThenDownloads()
    {
        using var server = RegistryServer.Start();
        using var ferry = ProjectCase("small", server.Port);
        using var cargo = ProjectCase("small", server.Port);
        File.Delete(Path.Combine(ferry.Project, "Cargo.lock"));
        File.Delete(Path.Combine(cargo.Project, "Cargo.lock"));

        var f = ferry.Ferry("fetch");
        var c = cargo.Cargo("fetch");

        Assert.Equal(0, f.ExitCode);
        Assert.Equal(Normalise(cargo, c.Stderr), Normalise(ferry, f.Stderr));
        Assert.Equal(File.ReadAllText(Path.Combine(cargo.Project, "Cargo.lock")), File.ReadAllText(Path.Combine(ferry.Project, "Cargo.lock")));
    }

    [RegistryFact]
    public void LocalRegistryUnpacksAsCargoDoes()
    {
        var config = $"[source.crates-io]\nreplace-with = \"local\"\n\n[source.local]\nlocal-registry = \"{RegistryServer.RegistryRoot}\"\n";
        using var ferry = ProjectCase("small", config);
        using var cargo = ProjectCase("small", config);

        var f = ferry.Ferry("fetch");
        var c = cargo.Cargo("fetch");

        Assert.Equal(0, f.ExitCode);
        Assert.Equal(Normalise(cargo, c.Stderr), Normalise(ferry, f.Stderr));
        Assert.Contains("   Unpacking anyhow v1.0.69 (registry `/work/registry-out`)\n", f.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(ferry.SourceTree("anyhow-1.0.69"), "src", "lib.rs")));
        Assert.Equal(cargo.Cargo("fetch"), ferry.Ferry("fetch"));
    }

    [Fact]
    public void ChecksumMismatchIsCargosErrorPlusBothSums()
    {
        using var registry = new CrateRegistry();
        var genuine = CrateRegistry.Library("foo", "1.0.0");
        var served = CrateRegistry.Library("foo", "1.0.0", new Dictionary<string, string> { ["build.rs"] = "fn main() {}\n" });
        registry.Publish("foo", "1.0.0", served, CrateRegistry.Sha256(genuine));
        using var server = registry.Serve();
        using var ferry = new FetchCase("foo = \"1\"", CrateRegistry.SparseConfig(server.BaseUrl));
        using var cargo = new FetchCase("foo = \"1\"", CrateRegistry.SparseConfig(server.BaseUrl));

        var f = ferry.Ferry("fetch");
        var c = cargo.Cargo("fetch");

        Assert.Equal(101, f.ExitCode);
        Assert.Equal(101, c.ExitCode);
        var sums = $"  expected: {CrateRegistry.Sha256(genuine)} (the registry index and Cargo.lock)\n"
            + $"  actual:   {CrateRegistry.Sha256(served)} (the download; it was not stored)\n";
        Assert.Equal(cargo.Redact(c.Stderr), ferry.Redact(f.Stderr).Replace(sums, string.Empty, StringComparison.Ordinal));
        Assert.Contains(sums, f.Stderr, StringComparison.Ordinal);
        Assert.Empty(ferry.PackageCacheEntries());
    }

    [Fact]
    public void LockfileChecksumDifferentFromTheIndexIsCargosError()
    {
        using var registry = new CrateRegistry();
        registry.Publish("foo", "1.0.0");
        using var server = registry.Serve();
        using var ferry = new FetchCase("foo = \"1\"", CrateRegistry.SparseConfig(server.BaseUrl));
        using var cargo = new FetchCase("foo = \"1\"", CrateRegistry.SparseConfig(server.BaseUrl));
        Assert.Equal(0, cargo.Cargo("generate-lockfile").ExitCode);
        Assert.Equal(0, ferry.Ferry("generate-lockfile").ExitCode);
        var forged = File.ReadAllText(Path.Combine(cargo.Project, "Cargo.lock"))
            .Replace(CrateRegistry.Sha256(registry.Crate("foo", "1.0.0")), new string('e', 64), StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(cargo.Project, "Cargo.lock"), forged);
        File.WriteAllText(Path.Combine(ferry.Project, "Cargo.lock"), forged);

        var f = ferry.Ferry("fetch");
        var c = cargo.Cargo("fetch");

        Assert.Equal(101, f.ExitCode);
        Assert.Equal(c.Stderr, f.Stderr);
        Assert.StartsWith("error: checksum for `foo v1.0.0` changed between lock files\n", f.Stderr, StringComparison.Ordinal);
        Assert.Empty(ferry.PackageCacheEntries());
    }

    [Fact]
    public void ServerErrorsAreRetriedAndReportedAsCargoDoes()
    {
        using var registry = new CrateRegistry();
        registry.Publish("foo", "1.0.0");
        using var server = registry.Serve(request => request.Path.StartsWith("/dl/", StringComparison.Ordinal)
            ? TestResponse.Text(500, "the registry is on fire\n")
            : null);
        var config = CrateRegistry.SparseConfig(server.BaseUrl) + "\n[net]\nretry = 1\n";
        using var ferry = new FetchCase("foo = \"1\"", config);
        using var cargo = new FetchCase("foo = \"1\"", config);

        var f = ferry.Ferry("fetch");
        var c = cargo.Cargo("fetch");

        Assert.Equal(101, f.ExitCode);
        Assert.Equal(c.Stderr, f.Stderr);
        Assert.Contains("error: failed to download from `", f.Stderr, StringComparison.Ordinal);
        Assert.Empty(ferry.PackageCacheEntries());
    }

    [Fact]
    public void TargetFilterFetchesWhatCargoFetches()
    {
        using var registry = new CrateRegistry();
        registry.Publish("common", "1.0.0").Publish("winonly", "1.0.0").Publish("linuxonly", "1.0.0");
        using var server = registry.Serve();
        var deps = "common = \"1\"\n\n[target.'cfg(windows)'.dependencies]\nwinonly = \"1\"\n\n[target.x86_64-unknown-linux-gnu.dependencies]\nlinuxonly = \"1\"";
        using var ferry = new FetchCase(deps, CrateRegistry.SparseConfig(server.BaseUrl));
        using var cargo = new FetchCase(deps, CrateRegistry.SparseConfig(server.BaseUrl));
        Assert.Equal(0, ferry.Ferry("generate-lockfile").ExitCode);
        Assert.Equal(0, cargo.Cargo("generate-lockfile").ExitCode);

        foreach (var target in new[] { "x86_64-unknown-linux-gnu", "x86_64-pc-windows-msvc" })
        {
            var f = ferry.Ferry("fetch", "--target", target);
            var c = cargo.Cargo("fetch", "--target", target);
            Assert.Equal(0, f.ExitCode);
            Assert.Equal(Normalise(cargo, c.Stderr), Normalise(ferry, f.Stderr));
        }

        Assert.Equal(0, ferry.Ferry("fetch").ExitCode);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(ferry.RegistryRoot, "cache", ferry.RegistryDirectory("cache"))).Length);
    }

    private static FetchCase ProjectCase(string project, int port) =>
        ProjectCase(project, $"[source.crates-io]\nreplace-with = \"local\"\n\n[source.local]\nregistry = \"sparse+http://127.0.0.1:{port}/index/\"\n");

    private static FetchCase ProjectCase(string project, string config)
    {
        var test = new FetchCase(string.Empty, config);
        var source = Path.Combine(RegistryServer.SharedRegistry, "projects", project);
        File.Copy(Path.Combine(source, "Cargo.toml"), Path.Combine(test.Project, "Cargo.toml"), overwrite: true);
        File.Copy(Path.Combine(source, "Cargo.lock"), Path.Combine(test.Project, "Cargo.lock"), overwrite: true);
        File.Copy(Path.Combine(source, "src", "main.rs"), Path.Combine(test.Project, "src", "main.rs"), overwrite: true);
        return test;
    }

    /// <summary>Redacted, with the <c>Downloaded</c>/<c>Unpacking</c> lines (completion order) sorted in place.</summary>
    private static string Normalise(FetchCase test, string stderr)
    {
        var lines = test.Redact(stderr).Split('\n').ToList();
        var start = lines.FindIndex(l => l.StartsWith("  Downloaded ", StringComparison.Ordinal) || l.StartsWith("   Unpacking ", StringComparison.Ordinal));
        if (start >= 0)
        {
            var end = start;
            while (end < lines.Count && (lines[end].StartsWith("  Downloaded ", StringComparison.Ordinal) || lines[end].StartsWith("   Unpacking ", StringComparison.Ordinal)))
            {
                end++;
            }

            var block = lines.GetRange(start, end - start);
            block.Sort(StringComparer.Ordinal);
            lines.RemoveRange(start, end - start);
            lines.InsertRange(start, block);
        }

        return string.Join('\n', lines);
    }

    /// <summary>Which package an offline fetch names first depends on scheduling in both tools; the rest must match.</summary>
    private static string OfflineShape(string stderr) =>
        System.Text.RegularExpressions.Regex.Replace(stderr, "failed to download `[^`]+`", "failed to download `[PACKAGE]`");
}
