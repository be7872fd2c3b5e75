using Ferry.Core.Archive;

namespace Ferry.Testsuite.Fetch;

/// <summary>
/// The package cache after it was written: a cached <c>.crate</c> or an extracted file changed
/// behind Ferry's back is noticed by the next <c>ferry fetch</c> (which says so and restores it
/// from a verified archive) and by <c>ferry verify</c> (which reports it and fails until
/// <c>--repair</c>). A tree rewritten together with its digest escapes the quick check fetch makes
/// and is caught by verify, which re-derives the digest from the verified archive.
/// </summary>
public sealed class CacheIntegrityTests : IDisposable
{
    private readonly CrateRegistry _registry = new();
    private readonly Ferry.Tests.Sources.Support.TestHttpServer _server;
    private readonly FetchCase _test;

    public CacheIntegrityTests()
    {
        _registry.Publish("foo", "1.0.0").Publish("bar", "2.0.0", ("foo", "1"));
        _server = _registry.Serve();
        _test = new FetchCase("bar = \"2\"", CrateRegistry.SparseConfig(_server.BaseUrl));
        var first = _test.Ferry("fetch");
        Assert.True(first.ExitCode == 0, first.ToString());
    }

    public void Dispose()
    {
        _test.Dispose();
        _server.Dispose();
        _registry.Dispose();
    }

    [Fact]
    public void UntouchedCacheVerifiesAndFetchIsQuiet()
    {
        var verify = _test.Ferry("verify");
        Assert.Equal(0, verify.ExitCode);
        Assert.Equal($"    Verified 2 archives and 2 source trees in `{_test.RegistryRoot}`: no problems\n", verify.Stderr);

        var fetch = _test.Ferry("fetch");
        Assert.Equal(new Support.CommandResult(0, string.Empty, string.Empty), fetch);
        Assert.Equal(2, _registry.Downloads.Count);
    }

    [Fact]
    public void TamperedArchiveIsReportedByVerifyAndReplacedByFetch()
    {
        var crate = _test.CachedCrate("foo-1.0.0");
        var genuine = CrateRegistry.Sha256(File.ReadAllBytes(crate));
        File.AppendAllText(crate, "tampered");
        var tampered = CrateRegistry.Sha256(File.ReadAllBytes(crate));
        var relative = $"cache/{_test.RegistryDirectory("cache")}/foo-1.0.0.crate";

        var verify = _test.Ferry("verify");
        Assert.Equal(101, verify.ExitCode);
        Assert.Equal(
            $"    Tampered {relative}: sha256 {tampered}, expected {genuine} (Cargo.lock)\n"
            + $"    Verified 2 archives and 2 source trees in `{_test.RegistryRoot}`: 1 problem\n"
            + "error: the package cache has 1 problem; run `ferry verify --repair` to fix it\n",
            verify.Stderr);

        var fetch = _test.Ferry("fetch");
        Assert.Equal(0, fetch.ExitCode);
        Assert.Equal(
            "warning: the cached archive of `foo v1.0.0 (registry `test`)` does not match its checksum; it was modified after it was downloaded\n"
            + $"expected: {genuine}\nactual:   {tampered}\n"
            + $"removing `{crate}` and the sources extracted from it, then downloading it again\n"
            + " Downloading crates ...\n"
            + "  Downloaded foo v1.0.0 (registry `test`)\n",
            fetch.Stderr);
        Assert.Equal(genuine, CrateRegistry.Sha256(File.ReadAllBytes(crate)));
        Assert.Equal(0, _test.Ferry("verify").ExitCode);
    }

    [Fact]
    public void ModifiedSourceFileIsReportedByVerifyAndRestoredByFetch()
    {
        var tree = _test.SourceTree("foo-1.0.0");
        var lib = Path.Combine(tree, "src", "lib.rs");
        var original = File.ReadAllText(lib);
        File.AppendAllText(lib, "pub fn injected() {}\n");
        File.WriteAllText(Path.Combine(tree, "src", "extra.rs"), "// dropped in\n");
        File.Delete(Path.Combine(tree, "Cargo.toml"));
        var relative = $"src/{_test.RegistryDirectory()}/foo-1.0.0";

        var verify = _test.Ferry("verify");
        Assert.Equal(101, verify.ExitCode);
        Assert.StartsWith(
            $"    Modified {relative}: changed: src/lib.rs; missing: Cargo.toml; added: src/extra.rs\n",
            verify.Stderr,
            StringComparison.Ordinal);

        var fetch = _test.Ferry("fetch");
        Assert.Equal(0, fetch.ExitCode);
        Assert.Equal(
            "warning: the extracted sources of `foo v1.0.0 (registry `test`)` were modified after extraction "
            + "(changed: src/lib.rs; missing: Cargo.toml; added: src/extra.rs); extracting them again from the verified archive\n",
            fetch.Stderr);
        Assert.Equal(original, File.ReadAllText(lib));
        Assert.False(File.Exists(Path.Combine(tree, "src", "extra.rs")));
        Assert.True(File.Exists(Path.Combine(tree, "Cargo.toml")));
        Assert.Equal(2, _registry.Downloads.Count);
        Assert.Equal(0, _test.Ferry("verify").ExitCode);
    }

    [Fact]
    public void ModifiedSourceFileIsRestoredByTheNextBuildBeforeItCompiles()
    {
        // Fetched (by the constructor), then changed to something that cannot compile: the build
        // must notice and extract again before rustc sees the file.
        var lib = Path.Combine(_test.SourceTree("foo-1.0.0"), "src", "lib.rs");
        var original = File.ReadAllText(lib);
        File.AppendAllText(lib, "compile_error!(\"tampered\");\n");

        var build = _test.Ferry("build");

        Assert.Equal(0, build.ExitCode);
        Assert.Equal(
            "warning: the extracted sources of `foo v1.0.0 (registry `test`)` were modified after extraction "
            + "(changed: src/lib.rs); extracting them again from the verified archive\n"
            + "   Compiling foo v1.0.0\n"
            + "   Compiling bar v2.0.0\n"
            + "   Compiling proj v0.1.0 ([ROOT])\n"
            + "    Finished `dev` profile [unoptimized + debuginfo] target(s) in [ELAPSED]s\n",
            Elapsed(build.Stderr));
        Assert.Equal(original, File.ReadAllText(lib));
        Assert.Equal(0, _test.Ferry("verify").ExitCode);
    }

    [Fact]
    public void FileOfAFreshPackageIsCheckedWhenThePackageIsNextCompiled()
    {
        // A build reuses what earlier builds compiled from verified files without reading those
        // files again; an edit is noticed, and undone, before the package is compiled again.
        Assert.Equal(0, _test.Ferry("build").ExitCode);
        var lib = Path.Combine(_test.SourceTree("foo-1.0.0"), "src", "lib.rs");
        var original = File.ReadAllText(lib);
        File.AppendAllText(lib, "compile_error!(\"tampered\");\n");

        var noop = _test.Ferry("build");
        Assert.Equal("    Finished `dev` profile [unoptimized + debuginfo] target(s) in [ELAPSED]s\n", Elapsed(noop.Stderr));
        Assert.Equal(0, noop.ExitCode);

        var release = _test.Ferry("build", "--release");
        Assert.Equal(0, release.ExitCode);
        Assert.Equal(
            "warning: the extracted sources of `foo v1.0.0 (registry `test`)` were modified after extraction "
            + "(changed: src/lib.rs); extracting them again from the verified archive\n"
            + "   Compiling foo v1.0.0\n"
            + "   Compiling bar v2.0.0\n"
            + "   Compiling proj v0.1.0 ([ROOT])\n"
            + "    Finished `release` profile [optimized] target(s) in [ELAPSED]s\n",
            Elapsed(release.Stderr));
        Assert.Equal(original, File.ReadAllText(lib));
    }

    [Fact]
    public void FileAddedToAFreshPackageIsCaughtByANoOpBuild()
    {
        // Files added, removed or renamed can change a package's targets: checked on every run.
        Assert.Equal(0, _test.Ferry("build").ExitCode);
        var extra = Path.Combine(_test.SourceTree("foo-1.0.0"), "src", "extra.rs");
        File.WriteAllText(extra, "// added\n");

        var build = _test.Ferry("build");
        Assert.Equal(0, build.ExitCode);
        Assert.Equal(
            "warning: the extracted sources of `foo v1.0.0 (registry `test`)` were modified after extraction "
            + "(added: src/extra.rs); extracting them again from the verified archive\n"
            + "    Finished `dev` profile [unoptimized + debuginfo] target(s) in [ELAPSED]s\n",
            Elapsed(build.Stderr));
        Assert.False(File.Exists(extra));
    }

    private string Elapsed(string stderr) =>
        System.Text.RegularExpressions.Regex.Replace(stderr.Replace(_test.Project, "[ROOT]", StringComparison.Ordinal), @"in [0-9.]+s\n", "in [ELAPSED]s\n");

    [Fact]
    public void SameSizeEditWithRestoredTimeIsCaughtAfterAStampedRun()
    {
        // The second fetch verifies in full and records the tree's stat data; the edit keeps the
        // size and puts the modification time back, but cannot put back the change time.
        Assert.Equal(new Support.CommandResult(0, string.Empty, string.Empty), _test.Ferry("fetch"));
        Assert.Equal(new Support.CommandResult(0, string.Empty, string.Empty), _test.Ferry("fetch"));
        var lib = Path.Combine(_test.SourceTree("foo-1.0.0"), "src", "lib.rs");
        var original = File.ReadAllText(lib);
        var written = File.GetLastWriteTimeUtc(lib);
        File.WriteAllText(lib, original.Replace("foo", "bad", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(lib, written);

        var fetch = _test.Ferry("fetch");
        Assert.Equal(0, fetch.ExitCode);
        Assert.Equal(
            "warning: the extracted sources of `foo v1.0.0 (registry `test`)` were modified after extraction "
            + "(changed: src/lib.rs); extracting them again from the verified archive\n",
            fetch.Stderr);
        Assert.Equal(original, File.ReadAllText(lib));
    }

    [Fact]
    public void VerifyRepairFixesEverythingItReports()
    {
        var tree = _test.SourceTree("foo-1.0.0");
        File.AppendAllText(Path.Combine(tree, "src", "lib.rs"), "// edit\n");
        File.AppendAllText(_test.CachedCrate("bar-2.0.0"), "x");
        var tampered = CrateRegistry.Sha256(File.ReadAllBytes(_test.CachedCrate("bar-2.0.0")));
        File.Delete(Path.Combine(_test.SourceTree("bar-2.0.0"), CrateMarkers.FerryOk));
        var leftover = Path.Combine(Path.GetDirectoryName(tree)!, ".tmp-foo-1.0.0-abcdefghijkl");
        Directory.CreateDirectory(Path.Combine(leftover, "src"));

        var repair = _test.Ferry("verify", "--repair");
        Assert.Equal(0, repair.ExitCode);
        var dir = _test.RegistryDirectory();
        Assert.Equal(
            $"    Tampered cache/{dir}/bar-2.0.0.crate: sha256 {tampered}, expected {CrateRegistry.Sha256(_registry.Crate("bar", "2.0.0"))} (Cargo.lock)\n"
            + $"    Repaired cache/{dir}/bar-2.0.0.crate: removed it and the sources extracted from it\n"
            + $"    Leftover src/{dir}/.tmp-foo-1.0.0-abcdefghijkl: an unfinished extraction, left by a process that was stopped\n"
            + $"    Repaired src/{dir}/.tmp-foo-1.0.0-abcdefghijkl: removed it\n"
            + $"    Modified src/{dir}/foo-1.0.0: changed: src/lib.rs\n"
            + $"    Repaired src/{dir}/foo-1.0.0: extracted it again from the verified archive\n"
            + $"    Verified 2 archives and 2 source trees in `{_test.RegistryRoot}`: 2 problems, 2 repaired (1 leftover of stopped processes, 1 removed)\n",
            repair.Stderr);
        Assert.False(Directory.Exists(leftover));
        Assert.Equal(0, _test.Ferry("verify").ExitCode);

        // The removed archive comes back with the next fetch.
        Assert.Equal(0, _test.Ferry("fetch").ExitCode);
        Assert.Equal($"    Verified 2 archives and 2 source trees in `{_test.RegistryRoot}`: no problems\n", _test.Ferry("verify").Stderr);
    }

    [Fact]
    public async Task TreeRewrittenWithItsDigestEscapesFetchButNotVerify()
    {
        var tree = _test.SourceTree("foo-1.0.0");
        File.WriteAllText(Path.Combine(tree, "src", "lib.rs"), "pub fn foo() -> &'static str { \"owned\" }\n");
        var forged = await TreeDigest.ComputeAsync(tree, CancellationToken.None);
        File.WriteAllText(Path.Combine(tree, CrateMarkers.FerryDigest), forged.Text);

        // Fetch's per-run check compares files with the digest stored beside them: consistent.
        Assert.Equal(new Support.CommandResult(0, string.Empty, string.Empty), _test.Ferry("fetch"));

        var verify = _test.Ferry("verify");
        Assert.Equal(101, verify.ExitCode);
        Assert.StartsWith(
            $"     Foreign src/{_test.RegistryDirectory()}/foo-1.0.0: its files and recorded digest agree, but not with the verified archive (changed: src/lib.rs)\n",
            verify.Stderr,
            StringComparison.Ordinal);
        Assert.Equal(0, _test.Ferry("verify", "--repair").ExitCode);
        Assert.StartsWith("pub fn foo() -> &'static str { \"foo 1.0.0\" }", File.ReadAllText(Path.Combine(tree, "src", "lib.rs")), StringComparison.Ordinal);
    }

    [Fact]
    public void OutsideAProjectArchivesAreCheckedAgainstTheCachedIndex()
    {
        File.AppendAllText(_test.CachedCrate("foo-1.0.0"), "x");
        var outside = _test.Sandbox.Path("elsewhere");
        Directory.CreateDirectory(outside);

        var verify = _test.Sandbox.FerryIn(outside, "verify");

        Assert.Equal(101, verify.ExitCode);
        Assert.Contains($"expected {CrateRegistry.Sha256(_registry.Crate("foo", "1.0.0"))} (the cached index)\n", verify.Stderr, StringComparison.Ordinal);
    }
}
