using Ferry.Core.Configuration;
using Ferry.Testsuite.Support;
using Ferry.Tests.Sources.Support;

namespace Ferry.Testsuite.Sources;

/// <summary>
/// Source replacement, registries and their failures, run through the installed cargo 1.95
/// (<c>cargo generate-lockfile</c>) and through Ferry's sources in-process on the same project,
/// configuration and servers: stderr must be identical (status lines, retry warnings and the
/// whole error chain), and successful resolutions must pick the same packages.
/// </summary>
public sealed class SourcesDifferentialTests
{
    public static TheoryData<string, string, string> ConfigErrors() => new()
    {
        { "unknown name", "anyhow = \"1\"", "[source.crates-io]\nreplace-with = \"nope\"\n" },
        { "cycle through crates-io", "anyhow = \"1\"", "[source.crates-io]\nreplace-with = \"crates-io\"\n" },
        { "no location", "anyhow = \"1\"", "[source.crates-io]\nreplace-with = \"a\"\n[source.a]\n" },
        { "two locations", "anyhow = \"1\"", "[source.a]\ndirectory = \"/tmp/x\"\nregistry = \"sparse+http://127.0.0.1:1/index/\"\n" },
        { "branch without git", "anyhow = \"1\"", "[source.a]\nbranch = \"x\"\n" },
        { "invalid url", "anyhow = \"1\"", "[source.crates-io]\nreplace-with = \"d\"\n[source.d]\nregistry = \"not a url\"\n" },
        { "git loses checksums", "anyhow = \"1\"", "[source.crates-io]\nreplace-with = \"g\"\n[source.g]\ngit = \"https://example.com/x.git\"\n" },
        { "missing local registry", "anyhow = \"1\"", "[source.crates-io]\nreplace-with = \"l\"\n[source.l]\nlocal-registry = \"[ROOT]/nonexist\"\n" },
        { "missing directory source", "anyhow = \"1\"", "[source.crates-io]\nreplace-with = \"d\"\n[source.d]\ndirectory = \"[ROOT]/nodir\"\n" },
        { "sparse url without slash", "anyhow = \"1\"", "[source.crates-io]\nreplace-with = \"d\"\n[source.d]\nregistry = \"sparse+http://127.0.0.1:9/index\"\n" },
        { "unsupported protocol", "anyhow = \"1\"", "[registries.crates-io]\nprotocol = \"foo\"\n" },
        { "replace-with unknown registry", "anyhow = \"1\"", "[source.crates-io]\nreplace-with = \"alt\"\n" },
    };

    [Theory]
    [MemberData(nameof(ConfigErrors))]
    public async Task ConfigurationErrorsMatchCargo(string name, string dependencies, string config)
    {
        using var setup = new SourcesCase(dependencies, string.Empty);
        File.WriteAllText(Path.Combine(setup.Sandbox.CargoHome, "config.toml"), config.Replace("[ROOT]", setup.Root, StringComparison.Ordinal));

        var cargo = setup.Cargo();
        var (ferry, _) = await setup.FerryAsync();

        Assert.True(cargo.ExitCode == 101, $"{name}: cargo {cargo}");
        Assert.Equal(cargo.Stderr, ferry);
    }

    [Fact]
    public async Task SourceDefinedTwiceMatchesOneOfCargosOrders()
    {
        using var setup = new SourcesCase("anyhow = \"1\"", "[source.a]\nregistry = \"sparse+http://127.0.0.1:1/index/\"\n[source.b]\nregistry = \"sparse+http://127.0.0.1:1/index/\"\n");

        var cargo = setup.Cargo();
        var (ferry, _) = await setup.FerryAsync();

        // Cargo reads [source] from a hash map, so which name it calls the duplicate varies by run;
        // Ferry reads the names in order.
        static string Message(string first, string second) =>
            $"error: source `{second}` defines source registry `{first}`, but that source is already defined by `{first}`\nnote: Sources are not allowed to be defined multiple times.\n";
        Assert.Contains(cargo.Stderr, new[] { Message("a", "b"), Message("b", "a") });
        Assert.Equal(Message("a", "b"), ferry);
    }

    [Fact]
    public async Task RegistryIndexIsRejectedWithCargosMessage()
    {
        using var setup = new SourcesCase("anyhow = \"1\"", "[registry]\nindex = \"https://example.com/index\"\n");

        var cargo = setup.Cargo();
        var (ferry, _) = await setup.FerryAsync();

        // Cargo meets it while lowering the manifest's crates.io dependency, so its message is the
        // cause of a manifest error there; the text is the same.
        var message = "the `registry.index` config value is no longer supported\nUse `[source]` replacement to alter the default index for crates.io.";
        Assert.Equal($"error: {message}\n", ferry);
        Assert.EndsWith("\nCaused by:\n  " + message.Replace("\n", "\n  ", StringComparison.Ordinal) + "\n", cargo.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalRegistryResolvesLikeCargo()
    {
        using var registry = new TestRegistry();
        registry.Publish("anyhow", "1.0.0").Publish("anyhow", "1.0.1", null, withCrate: false, yanked: false)
            .Publish("serde", "1.0.0", new TestDep("serde_derive", "=1.0.0") { Optional = true })
            .Publish("serde_derive", "1.0.0");
        using var setup = new SourcesCase("anyhow = \"1\"\nserde = \"1\"", LocalRegistry(registry));

        var cargo = setup.Cargo();
        var (ferry, resolve) = await setup.FerryAsync();

        Assert.Equal(0, cargo.ExitCode);
        Assert.Equal(WithoutLocking(cargo.Stderr), ferry);
        Assert.Equal(LockedPackages(setup), Packages(resolve!));
    }

    [Theory]
    [InlineData("anyhow = \"1\"")]
    [InlineData("serde-json = \"1\"")]
    [InlineData("anyhow = \"2\"")]
    public async Task LocalRegistryErrorsMatchCargo(string dependencies)
    {
        using var registry = new TestRegistry();
        registry.Publish("serde_json", "1.0.0").Publish("serde_json", "2.0.0-alpha.1");
        if (!dependencies.StartsWith("anyhow = \"1\"", StringComparison.Ordinal))
        {
            registry.Publish("anyhow", "1.0.1").Publish("anyhow", "2.0.0-beta.1");
        }

        using var setup = new SourcesCase(dependencies, LocalRegistry(registry));

        var cargo = setup.Cargo();
        var (ferry, _) = await setup.FerryAsync();

        Assert.Equal(101, cargo.ExitCode);
        Assert.Equal(cargo.Stderr, ferry);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(410)]
    [InlineData(451)]
    [InlineData(403)]
    [InlineData(500)]
    public async Task SparseStatusesMatchCargo(int status)
    {
        using var registry = new TestRegistry();
        registry.Publish("anyhow", "1.0.0");
        using var server = registry.Serve(request => request.Path == "/index/an/yh/anyhow" ? TestResponse.Text(status, "server says no\n") : null);
        using var setup = new SourcesCase("anyhow = \"1\"", Mirror(server));

        var cargo = setup.Cargo();
        var (ferry, _) = await setup.FerryAsync();

        Assert.Equal(101, cargo.ExitCode);
        Assert.Equal(cargo.Stderr, ferry);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(404)]
    public void SparseFailuresMatchCargoThroughTheBinary(int status)
    {
        using var registry = new TestRegistry();
        registry.Publish("anyhow", "1.0.0");
        using var server = registry.Serve(request => request.Path == "/index/an/yh/anyhow" ? TestResponse.Text(status, "server says no\n") : null);
        using var setup = new SourcesCase("anyhow = \"1\"", Mirror(server));

        var cargo = setup.Cargo();
        var ferry = setup.Sandbox.FerryIn(setup.Project, "generate-lockfile");

        Assert.Equal(101, cargo.ExitCode);
        Assert.Equal(cargo.ExitCode, ferry.ExitCode);
        Assert.Equal(cargo.Stderr, ferry.Stderr);
    }

    [Fact]
    public async Task RecoveringServerMatchesCargo()
    {
        using var registry = new TestRegistry();
        registry.Publish("anyhow", "1.0.0");
        var failures = new Dictionary<string, int>();
        using var server = registry.Serve(request =>
        {
            lock (failures)
            {
                // Fail the first two attempts of each client (told apart by user agent).
                var agent = request.Header("user-agent") ?? string.Empty;
                if (request.Path == "/index/an/yh/anyhow" && failures.GetValueOrDefault(agent) < 2)
                {
                    failures[agent] = failures.GetValueOrDefault(agent) + 1;
                    return TestResponse.Text(503, "try later\n");
                }
            }

            return null;
        });
        using var setup = new SourcesCase("anyhow = \"1\"", Mirror(server));

        var cargo = setup.Cargo();
        var (ferry, resolve) = await setup.FerryAsync();

        Assert.Equal(0, cargo.ExitCode);
        Assert.Equal(WithoutLocking(cargo.Stderr), ferry);
        Assert.Equal(LockedPackages(setup), Packages(resolve!));
    }

    [Fact]
    public async Task OfflineWithoutCacheMatchesCargo()
    {
        using var setup = new SourcesCase("anyhow = \"1\"", "[source.crates-io]\nreplace-with = \"m\"\n[source.m]\nregistry = \"sparse+http://127.0.0.1:9/index/\"\n");

        var cargo = setup.Cargo("--offline");
        var (ferry, _) = await setup.FerryAsync(CliOverrides.None with { Offline = true });

        Assert.Equal(101, cargo.ExitCode);
        Assert.Equal(cargo.Stderr, ferry);
    }

    [Theory]
    [InlineData("no provider", false, null)]
    [InlineData("no token", true, null)]
    [InlineData("rejected token", true, "wrong")]
    [InlineData("accepted token", true, "secret")]
    public async Task AuthenticatedRegistryMatchesCargo(string name, bool provider, string? token)
    {
        using var registry = new TestRegistry { RequiredToken = "secret" };
        registry.Publish("anyhow", "1.0.0");
        using var server = registry.Serve();
        var config = (provider ? "[registry]\nglobal-credential-providers = [\"cargo:token\"]\n" : string.Empty)
            + $"[registries.private]\nindex = \"sparse+{server.BaseUrl}/index/\"\n"
            + (token is null ? string.Empty : $"token = \"{token}\"\n");
        using var setup = new SourcesCase("anyhow = { version = \"1\", registry = \"private\" }", config);

        var cargo = setup.Cargo();
        var (ferry, _) = await setup.FerryAsync();

        var success = token == "secret";
        Assert.True(cargo.ExitCode == (success ? 0 : 101), $"{name}: {cargo}");
        Assert.Equal(WithoutLocking(cargo.Stderr), ferry);
    }

    /// <summary>Cargo's <c>Locking N packages</c> line belongs to the lockfile writer, not to the sources.</summary>
    private static string WithoutLocking(string stderr) =>
        string.Concat(stderr.Split('\n').Where(line => !line.StartsWith("     Locking ", StringComparison.Ordinal)).Select((line, i) => i == 0 ? line : "\n" + line));

    [Theory]
    [InlineData("a = \"1\"", "")]
    [InlineData("a = \"2\"", "")]
    [InlineData("nope = \"1\"", "")]
    [InlineData("a = \"1\"", "no checksum")]
    public void VendoredDirectoryMatchesCargoThroughTheBinary(string dependencies, string breakage)
    {
        using var setup = new SourcesCase(dependencies, string.Empty);
        var vendor = Path.Combine(setup.Root, "vendor");
        Vendor(vendor, "a-1.0.0", "a", "1.0.0", "[dependencies]\nb = \"0.2\"\n", "\"aaaa\"");
        Vendor(vendor, "b", "b", "0.2.3", string.Empty, "null");
        Directory.CreateDirectory(Path.Combine(vendor, ".git"));
        if (breakage == "no checksum")
        {
            File.Delete(Path.Combine(vendor, "b", ".cargo-checksum.json"));
        }

        File.WriteAllText(
            Path.Combine(setup.Sandbox.CargoHome, "config.toml"),
            $"[source.crates-io]\nreplace-with = \"vendored\"\n[source.vendored]\ndirectory = \"{vendor}\"\n");

        var cargo = setup.Cargo();
        var cargoLock = ReadAndDelete(Path.Combine(setup.Project, "Cargo.lock"));
        var ferry = setup.Sandbox.FerryIn(setup.Project, "generate-lockfile");
        var ferryLock = ReadAndDelete(Path.Combine(setup.Project, "Cargo.lock"));

        Assert.Equal(cargo.ExitCode, ferry.ExitCode);
        Assert.Equal(cargo.Stderr, ferry.Stderr);
        Assert.Equal(cargoLock, ferryLock);
    }

    private static void Vendor(string vendor, string directory, string name, string version, string dependencies, string checksum)
    {
        var path = Path.Combine(vendor, directory);
        Directory.CreateDirectory(Path.Combine(path, "src"));
        File.WriteAllText(Path.Combine(path, "src", "lib.rs"), string.Empty);
        File.WriteAllText(Path.Combine(path, "Cargo.toml"), $"[package]\nname = \"{name}\"\nversion = \"{version}\"\nedition = \"2021\"\n{dependencies}");
        File.WriteAllText(Path.Combine(path, ".cargo-checksum.json"), $"{{\"files\":{{}},\"package\":{checksum}}}");
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

    private static string LocalRegistry(TestRegistry registry) =>
        $"[source.crates-io]\nreplace-with = \"l\"\n[source.l]\nlocal-registry = \"{registry.Root}\"\n";

    private static string Mirror(TestHttpServer server) =>
        $"[source.crates-io]\nreplace-with = \"mirror\"\n[source.mirror]\nregistry = \"sparse+{server.BaseUrl}/index/\"\n[net]\nretry = 2\n";

    private static List<string> Packages(Ferry.Core.Resolution.Resolve resolve) =>
        [.. resolve.Packages.Select(id => $"{id.Name} {id.Version}").Order(StringComparer.Ordinal)];

    /// <summary>The <c>[[package]]</c> names and versions of the Cargo.lock cargo wrote.</summary>
    private static List<string> LockedPackages(SourcesCase setup) => LockfilePackages.Read(Path.Combine(setup.Project, "Cargo.lock"));
}
