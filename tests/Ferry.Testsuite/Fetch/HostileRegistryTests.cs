using Ferry.Testsuite.Support;
using Ferry.Tests.Core.Archive;
using Ferry.Tests.Sources.Support;

namespace Ferry.Testsuite.Fetch;

/// <summary>
/// <c>ferry fetch</c> against registries served on 127.0.0.1 that lie or misbehave: archives whose
/// checksum is not the index's, lockfiles that disagree with the index, truncated bodies, 500s,
/// slow and stalled servers, and authentic archives built to escape the extraction directory
/// (the archive suite's attacks, now arriving over HTTP). Each failure must be reported with a
/// clear message and leave nothing in the package cache.
/// </summary>
public sealed class HostileRegistryTests
{
    private const string Root = TestTar.Root; // foo-1.0.0

    [Fact]
    public void ArchiveWhoseChecksumIsNotTheIndexsIsRejectedAndNothingIsStored()
    {
        using var registry = new CrateRegistry();
        var genuine = CrateRegistry.Library("foo", "1.0.0");
        var served = CrateRegistry.Library("foo", "1.0.0", new Dictionary<string, string> { ["src/backdoor.rs"] = "// evil\n" });
        registry.Publish("foo", "1.0.0", served, CrateRegistry.Sha256(genuine));
        using var server = registry.Serve();
        using var test = new FetchCase("foo = \"1\"", CrateRegistry.SparseConfig(server.BaseUrl));

        var result = test.Ferry("fetch");

        Assert.Equal(101, result.ExitCode);
        Assert.Equal(
            "    Updating `test` index\n"
            + "     Locking 1 package to latest compatible version\n"
            + " Downloading crates ...\n"
            + "  Downloaded foo v1.0.0 (registry `test`)\n"
            + "error: failed to download replaced source registry `crates-io`\n\n"
            + "Caused by:\n"
            + "  failed to verify the checksum of `foo v1.0.0 (registry `test`)`\n"
            + $"  expected: {CrateRegistry.Sha256(genuine)} (the registry index and Cargo.lock)\n"
            + $"  actual:   {CrateRegistry.Sha256(served)} (the download; it was not stored)\n",
            result.Stderr);
        Assert.Empty(test.PackageCacheEntries());
    }

    [Fact]
    public void TruncatedDownloadsAreRetriedThenReportedWithNothingStored()
    {
        using var registry = new CrateRegistry();
        registry.Publish("foo", "1.0.0");
        var body = registry.Crate("foo", "1.0.0");
        using var server = registry.Serve(request => request.Path.StartsWith("/dl/", StringComparison.Ordinal)
            ? TestResponse.Bytes(200, body[..(body.Length / 2)]) with { Truncate = true }
            : null);
        using var test = new FetchCase("foo = \"1\"", CrateRegistry.SparseConfig(server.BaseUrl) + "\n[net]\nretry = 2\n");

        var result = test.Ferry("fetch");

        Assert.Equal(101, result.ExitCode);
        var url = $"{server.BaseUrl}/dl/foo/1.0.0/download";
        Assert.Equal(3, server.RequestsFor("/dl/foo/1.0.0/download").Count);
        Assert.Contains("warning: spurious network error (2 tries remaining): ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("warning: spurious network error (1 try remaining): ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"error: failed to download from `{url}`\n\nCaused by:\n  ", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(test.PackageCacheEntries());
    }

    [Fact]
    public void TruncatedOnceThenWholeSucceedsAfterOneRetry()
    {
        using var registry = new CrateRegistry();
        registry.Publish("foo", "1.0.0");
        var body = registry.Crate("foo", "1.0.0");
        var attempts = 0;
        using var server = registry.Serve(request => request.Path.StartsWith("/dl/", StringComparison.Ordinal) && Interlocked.Increment(ref attempts) == 1
            ? TestResponse.Bytes(200, body[..10]) with { Truncate = true }
            : null);
        using var test = new FetchCase("foo = \"1\"", CrateRegistry.SparseConfig(server.BaseUrl));

        var result = test.Ferry("fetch");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: spurious network error (3 tries remaining): ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(["cache/[DIR]/", "cache/[DIR]/foo-1.0.0.crate"], test.PackageCacheEntries().Where(e => e.StartsWith("cache/", StringComparison.Ordinal)).Select(e => e.Replace(test.RegistryDirectory("cache"), "[DIR]", StringComparison.Ordinal)));
        Assert.Equal(body, File.ReadAllBytes(test.CachedCrate("foo-1.0.0")));
    }

    [Fact]
    public void SlowServerThatKeepsSendingIsWaitedFor()
    {
        using var registry = new CrateRegistry();
        registry.Publish("foo", "1.0.0").Publish("bar", "1.0.0");
        using var slow = registry.Serve(request =>
        {
            if (!request.Path.StartsWith("/dl/", StringComparison.Ordinal))
            {
                return null;
            }

            var parts = request.Path.Split('/');
            var crate = registry.Crate(parts[2], parts[3]);

            // ~1.5 s per archive, each gap well under the one-second timeout.
            return TestResponse.Bytes(200, crate) with { TrickleBytes = Math.Max(1, crate.Length / 10), TrickleDelay = TimeSpan.FromMilliseconds(150) };
        });
        using var test = new FetchCase("foo = \"1\"\nbar = \"1\"", CrateRegistry.SparseConfig(slow.BaseUrl) + "\n[http]\ntimeout = 1\n");

        var result = test.Ferry("fetch");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(test.SourceTree("foo-1.0.0"), "src", "lib.rs")));
        Assert.True(File.Exists(Path.Combine(test.SourceTree("bar-1.0.0"), "src", "lib.rs")));
    }

    [Fact]
    public void StalledServerTimesOutWithNothingStored()
    {
        using var registry = new CrateRegistry();
        registry.Publish("foo", "1.0.0");
        using var server = registry.Serve(request => request.Path.StartsWith("/dl/", StringComparison.Ordinal)
            ? TestResponse.Bytes(200, registry.Crate("foo", "1.0.0")) with { Delay = TimeSpan.FromSeconds(5) }
            : null);
        using var test = new FetchCase("foo = \"1\"", CrateRegistry.SparseConfig(server.BaseUrl) + "\n[http]\ntimeout = 1\n[net]\nretry = 0\n");

        var result = test.Ferry("fetch");

        Assert.Equal(101, result.ExitCode);
        Assert.EndsWith(
            $"error: failed to download from `{server.BaseUrl}/dl/foo/1.0.0/download`\n\nCaused by:\n  operation timed out after 1 seconds\n",
            result.Stderr,
            StringComparison.Ordinal);
        Assert.Empty(test.PackageCacheEntries());
    }

    public static TheoryData<string> Attacks() => [.. HostileArchives.Keys];

    /// <summary>
    /// Authentic archives (the index has their real checksum) that break the archive rules: each is
    /// refused while extracting, with the rule in the message; afterwards the sandbox holds nothing
    /// but what resolution wrote (lockfile, index cache): no package directory, no temporary
    /// directory, no archive in the cache, nothing where the attack aimed.
    /// </summary>
    [Theory]
    [MemberData(nameof(Attacks))]
    public void HostileArchiveIsRejectedEndToEnd(string attack)
    {
        var (archive, rule) = HostileArchives[attack];
        using var registry = new CrateRegistry();
        registry.Publish("foo", "1.0.0", archive, null);
        using var server = registry.Serve();
        using var test = new FetchCase("foo = \"1\"", CrateRegistry.SparseConfig(server.BaseUrl));
        Assert.Equal(0, test.Ferry("generate-lockfile").ExitCode);
        var before = Snapshot(test.Sandbox.RootDirectory);

        var result = test.Ferry("fetch");

        Assert.Equal(101, result.ExitCode);
        Assert.Equal(
            " Downloading crates ...\n"
            + "  Downloaded foo v1.0.0 (registry `test`)\n"
            + "error: failed to download replaced source registry `crates-io`\n\n"
            + "Caused by:\n"
            + "  failed to unpack package `foo v1.0.0 (registry `test`)`\n\n"
            + "Caused by:\n"
            + $"  {rule}\n",
            result.Stderr);
        var after = Snapshot(test.Sandbox.RootDirectory);
        var added = after.Except(before).Where(path => !path.EndsWith("/.package-cache", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(added, path => !path.EndsWith('/'));
        Assert.DoesNotContain(test.PackageCacheEntries(), e => !e.EndsWith('/'));
        Assert.False(File.Exists(Path.Combine(test.RegistryRoot, "src", "x")));
        Assert.False(File.Exists(Path.Combine(test.RegistryRoot, "pwned")));
    }

    private static readonly Dictionary<string, (byte[] Archive, string Rule)> HostileArchives = new()
    {
        ["symlink"] = (
            new TestTar().File($"{Root}/Cargo.toml", Manifest).Link($"{Root}/link", (byte)'2', "/etc/passwd").End().Gzip(),
            $"invalid tarball: entry \"{Root}/link\" is a symbolic link; only regular files and directories are allowed"),
        ["symlink-then-write-through-it"] = (
            new TestTar().Link($"{Root}/escape", (byte)'2', "../..").File($"{Root}/escape/pwned", "x").End().Gzip(),
            $"invalid tarball: entry \"{Root}/escape\" is a symbolic link; only regular files and directories are allowed"),
        ["hardlink"] = (
            new TestTar().File($"{Root}/Cargo.toml", Manifest).Link($"{Root}/shadow", (byte)'1', "/etc/shadow").End().Gzip(),
            $"invalid tarball: entry \"{Root}/shadow\" is a hard link; only regular files and directories are allowed"),
        ["dot-dot"] = (
            new TestTar().File($"{Root}/Cargo.toml", Manifest).File($"{Root}/../x", "pwned").End().Gzip(),
            $"invalid tarball: entry \"{Root}/../x\" has a `..` component"),
        ["dot-dot-deep"] = (
            new TestTar().File($"{Root}/src/lib.rs", "ok").File($"{Root}/src/../../../pwned", "pwned").End().Gzip(),
            $"invalid tarball: entry \"{Root}/src/../../../pwned\" has a `..` component"),
        ["absolute-path"] = (
            new TestTar().File("/tmp/ferry-pwned", "pwned").End().Gzip(),
            "invalid tarball: entry \"/tmp/ferry-pwned\" has an absolute path"),
        ["outside-prefix"] = (
            new TestTar().File("bar-1.0.0/src/lib.rs", "x").End().Gzip(),
            $"invalid tarball: entry \"bar-1.0.0/src/lib.rs\" isn't under \"{Root}\""),
        ["marker-forgery"] = (
            new TestTar().File($"{Root}/Cargo.toml", Manifest).File($"{Root}/.ferry-ok", "{\"v\":1}").End().Gzip(),
            $"invalid tarball: entry \"{Root}/.ferry-ok\" uses a name reserved for extraction markers (.cargo-ok, .ferry-ok, .ferry-digest)"),
        ["gzip-bomb-declared"] = (
            GzipBomb.Build(new TestTar().Entry($"{Root}/zeros", (byte)'0', [], tweak: h => TestTar.Base256(h, 124, 12, 10L << 30)).Tar, 10L << 30),
            $"invalid tarball: maximum limit reached when reading: entry \"{Root}/zeros\" declares {10L << 30} bytes, but the archive may decompress to at most {512L << 20} bytes"),
        ["gzip-bomb-streaming"] = (
            GzipBomb.Build(new TestTar().File($"{Root}/src/lib.rs", "pub fn f() {}\n").End().Tar, 10L << 30),
            "invalid tarball: maximum limit reached when reading: the archive decompresses to more than 536870912 bytes"),
    };

    private const string Manifest = "[package]\nname = \"foo\"\nversion = \"1.0.0\"\n";

    /// <summary>Every file and directory under <paramref name="root"/> (relative; directories end in <c>/</c>).</summary>
    private static HashSet<string> Snapshot(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/') + (Directory.Exists(path) ? "/" : string.Empty))
            .ToHashSet(StringComparer.Ordinal);
}
