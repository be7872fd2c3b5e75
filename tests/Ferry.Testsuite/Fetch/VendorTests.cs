using Ferry.Testsuite.Sources;
using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Fetch;

/// <summary>
/// <c>ferry vendor</c> against <c>cargo vendor</c> (1.95): the same directory tree, byte-identical
/// files and <c>.cargo-checksum.json</c>, the same configuration snippet on stdout and the same
/// status lines; and each tool accepts the other's output (cargo builds offline from Ferry's
/// vendor directory, Ferry resolves and fetches offline from Cargo's).
/// </summary>
public sealed class VendorTests
{
    [RegistryFact]
    public void SmallProjectVendorsExactlyAsCargo()
    {
        using var server = RegistryServer.Start();
        using var ferry = ProjectCase("small", server.Port);
        using var cargo = ProjectCase("small", server.Port);

        // First into a new directory, then again into the existing one (Cargo then prints its
        // canonical path), then with versioned directories (replacing the unversioned ones).
        string[][] runs = [["vendor", "--respect-source-config"], ["vendor", "--respect-source-config"], ["vendor", "--respect-source-config", "--versioned-dirs"], ["vendor", "--respect-source-config", "--versioned-dirs"]];
        foreach (var args in runs)
        {
            var f = ferry.Ferry(args);
            var c = cargo.Cargo(args);
            Assert.True(f.ExitCode == 0, f.ToString());
            Assert.Equal(0, c.ExitCode);
            Assert.Equal(c.Stdout, f.Stdout);
            Assert.Equal(Sorted(cargo.Redact(c.Stderr)), Sorted(ferry.Redact(f.Stderr)));
            AssertSameTree(Path.Combine(cargo.Project, "vendor"), Path.Combine(ferry.Project, "vendor"));
        }

        Assert.True(File.Exists(Path.Combine(ferry.Project, "vendor", "anyhow-1.0.69", ".cargo-checksum.json")));
        Assert.False(Directory.Exists(Path.Combine(ferry.Project, "vendor", "anyhow")));
    }

    [RegistryFact]
    public void NoDeleteKeepsWhatIsThereAndTheDefaultRemovesIt()
    {
        using var server = RegistryServer.Start();
        using var ferry = ProjectCase("small", server.Port);
        using var cargo = ProjectCase("small", server.Port);
        foreach (var test in new[] { ferry, cargo })
        {
            Directory.CreateDirectory(Path.Combine(test.Project, "third_party", "stale", "src"));
            File.WriteAllText(Path.Combine(test.Project, "third_party", "stale", "src", "lib.rs"), "// old\n");
            File.WriteAllText(Path.Combine(test.Project, "third_party", ".keep"), "hidden files stay\n");
        }

        foreach (var args in new[] { new[] { "vendor", "--respect-source-config", "--no-delete", "third_party" }, ["vendor", "--respect-source-config", "third_party"] })
        {
            var f = ferry.Ferry(args);
            var c = cargo.Cargo(args);
            Assert.Equal(0, f.ExitCode);
            Assert.Equal(c.Stdout, f.Stdout);
            Assert.Equal(Sorted(cargo.Redact(c.Stderr)), Sorted(ferry.Redact(f.Stderr)));
            AssertSameTree(Path.Combine(cargo.Project, "third_party"), Path.Combine(ferry.Project, "third_party"));
        }

        Assert.False(Directory.Exists(Path.Combine(ferry.Project, "third_party", "stale")));
        Assert.True(File.Exists(Path.Combine(ferry.Project, "third_party", ".keep")));
    }

    [Fact]
    public void SyncVendorsSeveralWorkspacesAndOlderVersionsGetVersionedDirectories()
    {
        using var registry = new CrateRegistry();
        registry.Publish("foo", "1.0.0").Publish("foo", "2.0.0").Publish("bar", "1.0.0", ("foo", "1"));
        using var server = registry.Serve();
        using var ferry = new FetchCase("bar = \"1\"", CrateRegistry.SparseConfig(server.BaseUrl));
        using var cargo = new FetchCase("bar = \"1\"", CrateRegistry.SparseConfig(server.BaseUrl));
        foreach (var test in new[] { ferry, cargo })
        {
            FetchCase.WriteProject(Path.Combine(test.Sandbox.Work, "other"), "foo = \"2\"");
        }

        var f = ferry.Ferry("vendor", "--respect-source-config", "--sync", "../other/Cargo.toml");
        var c = cargo.Cargo("vendor", "--respect-source-config", "--sync", "../other/Cargo.toml");

        Assert.True(f.ExitCode == 0, f.ToString());
        Assert.Equal(c.Stdout, f.Stdout);
        Assert.Equal(Sorted(cargo.Redact(c.Stderr)), Sorted(ferry.Redact(f.Stderr)));
        AssertSameTree(Path.Combine(cargo.Project, "vendor"), Path.Combine(ferry.Project, "vendor"));
        Assert.Equal(["bar", "foo", "foo-1.0.0"], Directory.GetDirectories(Path.Combine(ferry.Project, "vendor")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WithoutRespectSourceConfigPackagesComeFromTheirOwnRegistry()
    {
        using var registry = new CrateRegistry();
        registry.Publish("foo", "1.0.0");
        using var server = registry.Serve();
        var config = $"[registries.alt]\nindex = \"sparse+{server.BaseUrl}/index/\"\n";
        using var ferry = new FetchCase("foo = { version = \"1\", registry = \"alt\" }", config);
        using var cargo = new FetchCase("foo = { version = \"1\", registry = \"alt\" }", config);

        var f = ferry.Ferry("vendor");
        var c = cargo.Cargo("vendor");

        Assert.True(f.ExitCode == 0, f.ToString());
        Assert.Equal(c.Stdout, f.Stdout);
        Assert.Equal(Sorted(cargo.Redact(c.Stderr)), Sorted(ferry.Redact(f.Stderr)));
        AssertSameTree(Path.Combine(cargo.Project, "vendor"), Path.Combine(ferry.Project, "vendor"));
        Assert.Contains($"[source.\"sparse+{server.BaseUrl}/index/\"]\nregistry = \"sparse+{server.BaseUrl}/index/\"\nreplace-with = \"vendored-sources\"\n", f.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingToVendorIsSaidAsCargoSaysIt()
    {
        using var ferry = new FetchCase(string.Empty, string.Empty);
        using var cargo = new FetchCase(string.Empty, string.Empty);

        var f = ferry.Ferry("vendor");
        var c = cargo.Cargo("vendor");

        Assert.Equal(c, f);
        Assert.False(Directory.Exists(Path.Combine(ferry.Project, "vendor")));
    }

    /// <summary>Cargo builds, offline and with an empty Cargo home, from what Ferry vendored — and refuses once a vendored file is edited.</summary>
    [Fact]
    public void CargoBuildsOfflineFromFerrysVendorDirectory()
    {
        using var registry = new CrateRegistry();
        registry.Publish("foo", "1.0.0").Publish("bar", "1.0.0", ("foo", "1"));
        using var server = registry.Serve();
        using var test = new FetchCase("bar = \"1\"", CrateRegistry.SparseConfig(server.BaseUrl));
        File.WriteAllText(Path.Combine(test.Project, "src", "main.rs"), "fn main() { println!(\"{}\", bar::bar()); }\n");
        var vendor = test.Ferry("vendor", "--respect-source-config");
        Assert.True(vendor.ExitCode == 0, vendor.ToString());
        Directory.CreateDirectory(Path.Combine(test.Project, ".cargo"));
        File.WriteAllText(Path.Combine(test.Project, ".cargo", "config.toml"), vendor.Stdout);
        File.Delete(Path.Combine(test.CargoHome, "config.toml"));
        Directory.Delete(Path.Combine(test.CargoHome, "registry"), recursive: true);

        var build = test.Cargo("build", "--offline");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal("bar 1.0.0\n", Support.ProcessRunner.Run(Path.Combine(test.Project, "target", "debug", "proj"), [], test.Project, null, TimeSpan.FromMinutes(1)).Stdout);

        // Cargo checks a directory source's checksums before it (re)builds a package.
        File.AppendAllText(Path.Combine(test.Project, "vendor", "foo", "src", "lib.rs"), "// edited\n");
        Directory.Delete(Path.Combine(test.Project, "target"), recursive: true);
        var tampered = test.Cargo("build", "--offline");
        Assert.Equal(101, tampered.ExitCode);
        Assert.Contains("the listed checksum of `", tampered.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Ferry resolves (the same Cargo.lock) and fetches offline, with an empty Cargo home, from what Cargo vendored.</summary>
    [RegistryFact]
    public void FerryResolvesAndFetchesOfflineFromCargosVendorDirectory()
    {
        using var server = RegistryServer.Start();
        using var test = ProjectCase("small", server.Port);
        var original = File.ReadAllText(Path.Combine(test.Project, "Cargo.lock"));
        var vendor = test.Cargo("vendor", "--respect-source-config");
        Assert.Equal(0, vendor.ExitCode);
        Directory.CreateDirectory(Path.Combine(test.Project, ".cargo"));
        File.WriteAllText(Path.Combine(test.Project, ".cargo", "config.toml"), vendor.Stdout);
        File.Delete(Path.Combine(test.CargoHome, "config.toml"));
        Directory.Delete(Path.Combine(test.CargoHome, "registry"), recursive: true);
        File.Delete(Path.Combine(test.Project, "Cargo.lock"));

        var generate = test.Ferry("generate-lockfile", "--offline");
        Assert.True(generate.ExitCode == 0, generate.ToString());
        Assert.Equal(original, File.ReadAllText(Path.Combine(test.Project, "Cargo.lock")));

        var fetch = test.Ferry("fetch", "--offline");
        Assert.Equal(new CommandResult(0, string.Empty, string.Empty), fetch);
        Assert.False(Directory.Exists(Path.Combine(test.CargoHome, "registry", "src")));
    }

    private static FetchCase ProjectCase(string project, int port)
    {
        var test = new FetchCase(string.Empty, $"[source.crates-io]\nreplace-with = \"local\"\n\n[source.local]\nregistry = \"sparse+http://127.0.0.1:{port}/index/\"\n");
        var source = Path.Combine(RegistryServer.SharedRegistry, "projects", project);
        File.Copy(Path.Combine(source, "Cargo.toml"), Path.Combine(test.Project, "Cargo.toml"), overwrite: true);
        File.Copy(Path.Combine(source, "Cargo.lock"), Path.Combine(test.Project, "Cargo.lock"), overwrite: true);
        File.Copy(Path.Combine(source, "src", "main.rs"), Path.Combine(test.Project, "src", "main.rs"), overwrite: true);
        return test;
    }

    /// <summary>The lines sorted: downloads and vendoring finish in no fixed order in either tool.</summary>
    private static string Sorted(string text) => string.Join('\n', text.Split('\n').Order(StringComparer.Ordinal));

    /// <summary>Same relative paths, same kinds, same bytes, same permission bits.</summary>
    private static void AssertSameTree(string expected, string actual)
    {
        static List<string> Entries(string root) => [.. Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/') + (Directory.Exists(p) ? "/" : string.Empty))
            .Order(StringComparer.Ordinal)];

        var left = Entries(expected);
        Assert.Equal(left, Entries(actual));
        foreach (var entry in left.Where(e => !e.EndsWith('/')))
        {
            var a = Path.Combine(expected, entry);
            var b = Path.Combine(actual, entry);
            Assert.True(File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b)), $"{entry} differs");
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(File.GetUnixFileMode(a), File.GetUnixFileMode(b));
            }
        }
    }
}
