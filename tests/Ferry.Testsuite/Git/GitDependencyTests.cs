using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Git;

/// <summary>
/// Git dependencies, differential against cargo: repositories made by the test with the git CLI
/// and served as <c>file://</c> URLs; cargo and ferry share the sandbox's CARGO_HOME (their git
/// directories differ by hash) and each starts from the same Cargo.lock. Lockfiles must be
/// identical byte for byte and the status output identical after path redaction.
/// </summary>
public sealed class GitDependencyTests
{
    [Theory]
    [InlineData("default")]
    [InlineData("branch")]
    [InlineData("tag")]
    [InlineData("rev-short")]
    [InlineData("rev-full")]
    public void ReferenceKindsLockLikeCargo(string kind)
    {
        using var sandbox = new Sandbox();
        var repo = GitRepo.Create(sandbox, "foo");
        repo.Package(string.Empty, "foo", value: "1");
        var first = repo.Commit("one");
        repo.Git("tag", "-a", "v1", "-m", "version one");
        repo.Git("checkout", "--quiet", "-b", "dev");
        repo.Package(string.Empty, "foo", value: "2");
        repo.Commit("dev work");
        repo.Git("checkout", "--quiet", "main");
        repo.Package(string.Empty, "foo", value: "3");
        repo.Commit("three");
        var spec = kind switch
        {
            "branch" => ", branch = \"dev\"",
            "tag" => ", tag = \"v1\"",
            "rev-short" => $", rev = \"{first[..10]}\"",
            "rev-full" => $", rev = \"{first}\"",
            _ => string.Empty,
        };
        App(sandbox, $"foo = {{ git = \"{repo.Url}\"{spec} }}\n");

        Differential.Same(sandbox, null, "generate-lockfile");
        var locked = File.ReadAllText(sandbox.Path("Cargo.lock"));
        Assert.Contains("source = \"git+" + repo.Url, locked, StringComparison.Ordinal);

        // With the lockfile: no fetch (the commit is in the database), same tree.
        Differential.Same(sandbox, locked, "fetch");
        Differential.Same(sandbox, locked, "tree");
    }

    [Fact]
    public void LockedCommitStaysAndUpdateMovesLikeCargo()
    {
        using var sandbox = new Sandbox();
        var repo = GitRepo.Create(sandbox, "foo");
        repo.Package(string.Empty, "foo", value: "1");
        var first = repo.Commit("one");
        App(sandbox, $"foo = {{ git = \"{repo.Url}\" }}\n");
        Differential.Same(sandbox, null, "generate-lockfile");
        var old = File.ReadAllText(sandbox.Path("Cargo.lock"));

        repo.Package(string.Empty, "foo", value: "2");
        var second = repo.Commit("two");

        // A locked git dependency stays at its commit, also when the database is fetched anew.
        var fetched = Differential.Same(sandbox, old, "fetch");
        Assert.Equal(old, fetched);
        Directory.Delete(Path.Combine(sandbox.CargoHome, "git"), recursive: true);
        Assert.Equal(old, Differential.Same(sandbox, old, "fetch"));
        Assert.Equal(old, Differential.Same(sandbox, old, "tree"));

        var updatedOne = Differential.Same(sandbox, old, "update", "-p", "foo");
        Assert.Contains(second, updatedOne, StringComparison.Ordinal);
        Differential.Same(sandbox, old, "update");

        // Nothing new: cargo still fetches and locks nothing.
        Differential.Same(sandbox, updatedOne, "update", "-p", "foo");

        // Back to the first commit, by a short and by a full hash.
        Differential.Same(sandbox, updatedOne, "update", "-p", "foo", "--precise", first[..8]);
        Differential.Same(sandbox, updatedOne, "update", "-p", "foo", "--precise", first);
    }

    [Fact]
    public void OfflineUsesTheDatabaseLikeCargo()
    {
        using var sandbox = new Sandbox();
        var repo = GitRepo.Create(sandbox, "foo");
        repo.Package(string.Empty, "foo");
        repo.Commit("one");
        repo.Git("branch", "stable");
        App(sandbox, $"foo = {{ git = \"{repo.Url}\", branch = \"stable\" }}\n");
        Differential.Same(sandbox, null, "generate-lockfile");
        var locked = File.ReadAllText(sandbox.Path("Cargo.lock"));

        repo.Package(string.Empty, "foo", value: "2");
        repo.Commit("two");
        repo.Git("branch", "--force", "stable");

        // Offline: the branch as the database last saw it, no fetch.
        Differential.Same(sandbox, null, "generate-lockfile", "--offline");
        Assert.Equal(locked, File.ReadAllText(sandbox.Path("Cargo.lock")));
        Differential.Same(sandbox, locked, "tree", "--offline");

        // Nothing fetched yet: offline fails as in cargo.
        Directory.Delete(Path.Combine(sandbox.CargoHome, "git"), recursive: true);
        Differential.Same(sandbox, null, "generate-lockfile", "--offline");
        Differential.Same(sandbox, locked, "fetch", "--offline");
    }

    [Fact]
    public void WorkspaceInsideTheRepositoryLikeCargo()
    {
        using var sandbox = new Sandbox();
        var repo = GitRepo.Create(sandbox, "monorepo");
        repo.File("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n\n[workspace.package]\nversion = \"0.3.0\"\nedition = \"2021\"\n");
        repo.File("crates/alpha/Cargo.toml", "[package]\nname = \"alpha\"\nversion.workspace = true\nedition.workspace = true\n\n[dependencies]\nbeta = { path = \"../beta\" }\n");
        repo.File("crates/alpha/src/lib.rs", "pub fn value() -> u32 { beta::VALUE + 1 }\n");
        repo.Package("crates/beta", "beta", version: "0.3.0", value: "41");
        repo.Package("crates/gamma", "gamma", version: "0.3.0");

        // Not packages of the repository for cargo: hidden directories and a package's target directory.
        repo.Package(".hidden/alpha", "alpha", version: "9.0.0");
        repo.Package("crates/gamma/target/package/alpha", "alpha", version: "8.0.0");

        // A nested workspace of its own (excluded from the outer one): its member inherits from it.
        repo.File("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\nexclude = [\"tools\"]\nresolver = \"2\"\n\n[workspace.package]\nversion = \"0.3.0\"\nedition = \"2021\"\n");
        repo.File("tools/Cargo.toml", "[workspace]\nmembers = [\"helper\"]\n\n[workspace.package]\nversion = \"5.0.0\"\n");
        repo.File("tools/helper/Cargo.toml", "[package]\nname = \"helper\"\nversion.workspace = true\nedition = \"2021\"\n");
        repo.File("tools/helper/src/lib.rs", string.Empty);
        repo.Commit("workspace");
        App(sandbox, $"alpha = {{ git = \"{repo.Url}\" }}\nbeta = {{ git = \"{repo.Url}\" }}\nhelper = {{ git = \"{repo.Url}\" }}\n");

        Differential.Same(sandbox, null, "generate-lockfile");
        var locked = File.ReadAllText(sandbox.Path("Cargo.lock"));
        Assert.Contains("name = \"alpha\"\nversion = \"0.3.0\"", locked, StringComparison.Ordinal);
        Assert.Contains("name = \"helper\"\nversion = \"5.0.0\"", locked, StringComparison.Ordinal);
        Differential.Same(sandbox, locked, "tree");

        // A path dependency inside the repository builds from the same checkout.
        sandbox.File("src/main.rs", "fn main() { println!(\"{}\", alpha::value()); }\n");
        var cargo = sandbox.Cargo("run", "--quiet");
        var ferry = sandbox.Ferry("run", "--quiet");
        Assert.True(ferry.ExitCode == 0, ferry.ToString());
        Assert.Equal("42\n", cargo.Stdout);
        Assert.Equal(cargo.Stdout, ferry.Stdout);
    }

    [Fact]
    public void DuplicatePackagesInTheRepositoryWarnLikeCargo()
    {
        using var sandbox = new Sandbox();
        var repo = GitRepo.Create(sandbox, "dups");
        repo.Package("a", "foo");
        repo.Package("b", "foo");
        repo.Package("c", "foo", extraManifest: "publish = false\n");
        repo.Package("d", "bar");
        repo.Package("e", "bar", extraManifest: "publish = false\n");
        repo.Commit("duplicates");
        App(sandbox, $"foo = {{ git = \"{repo.Url}\" }}\nbar = {{ git = \"{repo.Url}\" }}\n");

        // The checkout directories' hashes are the tools' own.
        var cargo = sandbox.Cargo("generate-lockfile");
        var cargoLock = File.ReadAllText(sandbox.Path("Cargo.lock"));
        File.Delete(sandbox.Path("Cargo.lock"));
        var ferry = sandbox.Ferry("generate-lockfile");
        Assert.Equal(0, cargo.ExitCode);
        Assert.Equal(cargoLock, File.ReadAllText(sandbox.Path("Cargo.lock")));
        Assert.Equal(Checkouts(Normalize(cargo.Stderr, sandbox)), Checkouts(Normalize(ferry.Stderr, sandbox)));
        Assert.Contains("warning: skipping duplicate package `foo v0.1.0", ferry.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void RepositoryWithoutPackagesFailsLikeCargo()
    {
        using var sandbox = new Sandbox();
        var repo = GitRepo.Create(sandbox, "empty");
        repo.File("README.md", "no packages here\n");
        repo.File("broken/Cargo.toml", "[package\n");
        repo.Commit("nothing");
        App(sandbox, $"foo = {{ git = \"{repo.Url}\" }}\n");
        var cargo = sandbox.Cargo("generate-lockfile");
        var ferry = sandbox.Ferry("generate-lockfile");
        Assert.Equal(101, cargo.ExitCode);
        Assert.Equal(cargo.ExitCode, ferry.ExitCode);
        Assert.Equal(Checkouts(Normalize(cargo.Stderr, sandbox)), Checkouts(Normalize(ferry.Stderr, sandbox)));

        repo.Git("rm", "--quiet", "-r", "broken");
        repo.Commit("really nothing");
        cargo = sandbox.Cargo("generate-lockfile");
        ferry = sandbox.Ferry("generate-lockfile");
        Assert.Equal(101, ferry.ExitCode);
        Assert.Equal(Checkouts(Normalize(cargo.Stderr, sandbox)), Checkouts(Normalize(ferry.Stderr, sandbox)));
    }

    [Theory]
    [InlineData("branch = \"missing\"")]
    [InlineData("tag = \"missing\"")]
    [InlineData("rev = \"deadbeef\"")]
    [InlineData("rev = \"0123456789012345678901234567890123456789\"")]
    [InlineData("package = \"nothere\"")]
    public void BadReferencesFailLikeCargo(string spec)
    {
        using var sandbox = new Sandbox();
        var repo = GitRepo.Create(sandbox, "foo");
        repo.Package(string.Empty, "foo");
        repo.Commit("one");
        App(sandbox, $"foo = {{ git = \"{repo.Url}\", {spec} }}\n");
        Differential.Same(sandbox, null, "generate-lockfile");
    }

    [Fact]
    public void NotARepositoryFails()
    {
        using var sandbox = new Sandbox();
        App(sandbox, $"foo = {{ git = \"file://{sandbox.RootDirectory}/nowhere\" }}\n");
        var result = sandbox.Ferry("generate-lockfile");
        Assert.Equal(101, result.ExitCode);
        var stderr = Redactions.Apply(result.Stderr, sandbox);
        Assert.StartsWith(
            $"    Updating git repository `file://{sandbox.RootDirectory}/nowhere`\nerror: failed to get `foo` as a dependency of package `app v0.1.0 ([ROOT])`\n\nCaused by:\n  failed to load source for dependency `foo`\n\nCaused by:\n  unable to update file://{sandbox.RootDirectory}/nowhere\n\nCaused by:\n  failed to clone into: [CARGO_HOME]/git/db/nowhere-",
            stderr,
            StringComparison.Ordinal);
        Assert.False(File.Exists(sandbox.Path("Cargo.lock")));
    }

    [Fact]
    public void SubmodulesAreCheckedOutAndTheProgramRunsLikeCargo()
    {
        using var sandbox = new Sandbox();
        var sub = GitRepo.Create(sandbox, "generated");
        sub.File("greeting.rs", "pub fn greeting() -> &'static str { \"hello from a submodule\" }\n");
        sub.Commit("greeting");
        var repo = GitRepo.Create(sandbox, "greet");
        repo.Package(string.Empty, "greet");
        repo.File("src/lib.rs", "include!(\"../third_party/greeting.rs\");\n");
        repo.Git("submodule", "add", "--quiet", sub.Url, "third_party");
        repo.Commit("with submodule");
        App(sandbox, $"greet = {{ git = \"{repo.Url}\" }}\n");
        sandbox.File("src/main.rs", "fn main() { println!(\"{}\", greet::greeting()); }\n");

        var cargo = sandbox.Cargo("run");
        var cargoLock = File.ReadAllText(sandbox.Path("Cargo.lock"));
        File.Delete(sandbox.Path("Cargo.lock"));
        Directory.Delete(sandbox.Path("target"), recursive: true);
        Directory.Delete(Path.Combine(sandbox.CargoHome, "git"), recursive: true);
        var ferry = sandbox.Ferry("run");
        Assert.True(ferry.ExitCode == 0, ferry.ToString());
        Assert.Equal(0, cargo.ExitCode);
        Assert.Equal("hello from a submodule\n", ferry.Stdout);
        Assert.Equal(cargo.Stdout, ferry.Stdout);
        Assert.Equal(cargoLock, File.ReadAllText(sandbox.Path("Cargo.lock")));
        Assert.Equal(Normalize(cargo.Stderr, sandbox), Normalize(ferry.Stderr, sandbox));

        // The checkout is complete: ready markers in it and in the submodule.
        var checkouts = Path.Combine(sandbox.CargoHome, "git", "checkouts");
        var ours = Directory.GetDirectories(Directory.GetDirectories(checkouts, "greet-*").Single()).Single();
        Assert.True(File.Exists(Path.Combine(ours, "third_party", "greeting.rs")));
        Assert.True(File.Exists(Path.Combine(ours, ".cargo-ok")));
        Assert.True(File.Exists(Path.Combine(ours, "third_party", ".cargo-ok")));
    }

    [Fact]
    public async Task ConcurrentProcessesShareTheGitDirectory()
    {
        using var sandbox = new Sandbox();
        var repo = GitRepo.Create(sandbox, "foo");
        repo.Package(string.Empty, "foo");
        repo.Commit("one");
        App(sandbox, $"foo = {{ git = \"{repo.Url}\" }}\n");
        Assert.Equal(0, sandbox.Ferry("generate-lockfile").ExitCode);
        Directory.Delete(Path.Combine(sandbox.CargoHome, "git"), recursive: true);

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => sandbox.Ferry("fetch"))));
        foreach (var run in runs)
        {
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        var checkout = Directory.GetDirectories(Directory.GetDirectories(Path.Combine(sandbox.CargoHome, "git", "checkouts")).Single()).Single();
        Assert.True(File.Exists(Path.Combine(checkout, ".cargo-ok")));
        Assert.True(File.Exists(Path.Combine(checkout, "src", "lib.rs")));
    }

    [Fact]
    public void NestedAndSkippedSubmodulesLikeCargo()
    {
        using var sandbox = new Sandbox();
        var leaf = GitRepo.Create(sandbox, "leaf");
        leaf.File("leaf.txt", "leaf\n");
        leaf.Commit("leaf");
        var middle = GitRepo.Create(sandbox, "middle");
        middle.File("middle.txt", "middle\n");
        middle.Git("submodule", "add", "--quiet", leaf.Url, "leaf");
        middle.Commit("middle");
        var skipped = GitRepo.Create(sandbox, "skipped");
        skipped.File("skipped.txt", "skipped\n");
        skipped.Commit("skipped");
        var repo = GitRepo.Create(sandbox, "top");
        repo.Package(string.Empty, "top");
        repo.Git("submodule", "add", "--quiet", middle.Url, "deps/middle");
        repo.Git("submodule", "add", "--quiet", skipped.Url, "deps/skipped");
        repo.Git("config", "--file", ".gitmodules", "submodule.deps/skipped.update", "none");
        repo.Commit("top");
        App(sandbox, $"top = {{ git = \"{repo.Url}\" }}\n");

        var (locked, stderr) = Differential.SameWithOutput(sandbox, null, "generate-lockfile");
        Assert.Contains($"    Updating git submodule `{leaf.Url}`\n", stderr, StringComparison.Ordinal);
        Assert.Contains($"    Skipping git submodule `{skipped.Url}` due to update strategy in .gitmodules\n", stderr, StringComparison.Ordinal);
        Differential.Same(sandbox, locked, "fetch");
        var ours = Ferry.Sources.Git.GitPaths.Ident(
            Ferry.Core.Identity.SourceId.ForGit(Ferry.Core.Urls.Url.Parse(repo.Url), Ferry.Core.Identity.GitReference.DefaultBranch));
        var checkout = Directory.GetDirectories(Path.Combine(sandbox.CargoHome, "git", "checkouts", ours)).Single();
        Assert.Equal("leaf\n", File.ReadAllText(Path.Combine(checkout, "deps", "middle", "leaf", "leaf.txt")));
        Assert.False(File.Exists(Path.Combine(checkout, "deps", "skipped", "skipped.txt")));
    }

    [Fact]
    public void InterruptedCheckoutIsRedone()
    {
        using var sandbox = new Sandbox();
        var repo = GitRepo.Create(sandbox, "foo");
        repo.Package(string.Empty, "foo");
        repo.Commit("one");
        App(sandbox, $"foo = {{ git = \"{repo.Url}\" }}\n");
        Assert.Equal(0, sandbox.Ferry("fetch").ExitCode);
        var checkout = Directory.GetDirectories(Directory.GetDirectories(Path.Combine(sandbox.CargoHome, "git", "checkouts")).Single()).Single();
        var marker = Path.Combine(checkout, ".cargo-ok");
        Assert.True(File.Exists(marker));

        // What a killed checkout leaves: files, no marker.
        File.Delete(marker);
        File.Delete(Path.Combine(checkout, "src", "lib.rs"));
        File.WriteAllText(Path.Combine(checkout, "half-written"), string.Empty);
        var again = sandbox.Ferry("fetch");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(string.Empty, again.Stderr);
        Assert.True(File.Exists(marker));
        Assert.True(File.Exists(Path.Combine(checkout, "src", "lib.rs")));
        Assert.False(File.Exists(Path.Combine(checkout, "half-written")));
    }

    [Fact]
    public void PatchedGitRepositoryLikeCargo()
    {
        using var sandbox = new Sandbox();
        var upstream = GitRepo.Create(sandbox, "upstream");
        upstream.Package(string.Empty, "foo", value: "1");
        upstream.Commit("upstream");
        var fork = GitRepo.Create(sandbox, "fork");
        fork.Package(string.Empty, "foo", value: "2");
        fork.Commit("fork");
        sandbox.File("local/foo/Cargo.toml", "[package]\nname = \"foo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        sandbox.File("local/foo/src/lib.rs", "pub const VALUE: u32 = 3;\n");
        sandbox.File("src/main.rs", "fn main() { println!(\"{}\", foo::VALUE); }\n");

        // A git repository patched by another one (a fork).
        App(sandbox, $"foo = {{ git = \"{upstream.Url}\" }}\n\n[patch.\"{upstream.Url}\"]\nfoo = {{ git = \"{fork.Url}\" }}\n");
        sandbox.File("src/main.rs", "fn main() { println!(\"{}\", foo::VALUE); }\n");
        var forked = Differential.Same(sandbox, null, "generate-lockfile");
        Assert.Contains(fork.Url, forked, StringComparison.Ordinal);
        Assert.Equal("2\n", sandbox.Ferry("run", "--quiet").Stdout);

        // ... and by a local path.
        App(sandbox, $"foo = {{ git = \"{upstream.Url}\" }}\n\n[patch.\"{upstream.Url}\"]\nfoo = {{ path = \"local/foo\" }}\n");
        sandbox.File("src/main.rs", "fn main() { println!(\"{}\", foo::VALUE); }\n");
        Differential.Same(sandbox, null, "generate-lockfile");
        Assert.Equal("3\n", sandbox.Ferry("run", "--quiet").Stdout);
    }

    [Fact]
    public void CratesIoPatchedWithAGitRepositoryLikeCargo()
    {
        using var sandbox = new Sandbox();
        var repo = GitRepo.Create(sandbox, "foo");
        repo.Package(string.Empty, "foo", value: "5");
        repo.Commit("fixed foo");
        var registryDir = Path.Combine(sandbox.RootDirectory, "registry");
        using var server = new StaticRegistryServer(registryDir);
        Directory.CreateDirectory(Path.Combine(registryDir, "index", "3", "f"));
        File.WriteAllText(Path.Combine(registryDir, "index", "config.json"), $"{{\"dl\":\"{server.BaseUrl}/api/v1/crates\"}}");
        File.WriteAllText(
            Path.Combine(registryDir, "index", "3", "f", "foo"),
            "{\"name\":\"foo\",\"vers\":\"0.1.0\",\"deps\":[],\"cksum\":\"" + new string('a', 64) + "\",\"features\":{},\"yanked\":false}\n");
        File.WriteAllText(Path.Combine(sandbox.CargoHome, "config.toml"), server.CargoConfig);
        App(sandbox, $"foo = \"0.1\"\n\n[patch.crates-io]\nfoo = {{ git = \"{repo.Url}\" }}\n");
        sandbox.File("src/main.rs", "fn main() { println!(\"{}\", foo::VALUE); }\n");

        var locked = Differential.Same(sandbox, null, "generate-lockfile");
        Assert.Contains($"source = \"git+{repo.Url}#", locked, StringComparison.Ordinal);
        Differential.Same(sandbox, locked, "tree");
        Assert.Equal("5\n", sandbox.Ferry("run", "--quiet").Stdout);
    }

    [Fact]
    public void VendoredGitPackageBuildsOffline()
    {
        using var sandbox = new Sandbox();
        var repo = GitRepo.Create(sandbox, "foo");
        repo.Package(string.Empty, "foo", value: "7");
        repo.Package("crates/inner", "inner");
        repo.File("data/table.txt", "1 2 3\n");
        repo.Commit("one");
        App(sandbox, $"foo = {{ git = \"{repo.Url}\", branch = \"main\" }}\n");
        sandbox.File("src/main.rs", "fn main() { println!(\"{}\", foo::VALUE); }\n");
        var cargo = sandbox.Cargo("vendor");
        Assert.True(cargo.ExitCode == 0, cargo.ToString());
        var cargoFiles = Files(sandbox.Path("vendor"));
        Directory.Delete(sandbox.Path("vendor"), recursive: true);
        var ferry = sandbox.Ferry("vendor");
        Assert.True(ferry.ExitCode == 0, ferry.ToString());
        Assert.Equal(cargo.Stdout, ferry.Stdout);
        Assert.Contains($"[source.\"git+{repo.Url}?branch=main\"]\ngit = \"{repo.Url}\"\nbranch = \"main\"\nreplace-with = \"vendored-sources\"", ferry.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(sandbox.Path("vendor", "foo", "src", "lib.rs")));
        Assert.False(File.Exists(sandbox.Path("vendor", "foo", ".cargo-ok")));

        // The same files as cargo's (another package of the repository is not part of this one).
        Assert.Equal(cargoFiles, Files(sandbox.Path("vendor")));
        Assert.DoesNotContain("foo/crates/inner/Cargo.toml", cargoFiles);

        // The vendored copy serves the git dependency with no git directory at all.
        sandbox.File(".cargo/config.toml", ferry.Stdout);
        Directory.Delete(Path.Combine(sandbox.CargoHome, "git"), recursive: true);
        var run = sandbox.Ferry("run", "--offline", "--quiet");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("7\n", run.Stdout);
        Assert.False(Directory.Exists(Path.Combine(sandbox.CargoHome, "git")));
    }

    private static void App(Sandbox sandbox, string dependencies)
    {
        sandbox.File("Cargo.toml", $"[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n{dependencies}");
        sandbox.File("src/main.rs", "fn main() {}\n");
    }

    private static List<string> Files(string root) =>
        [.. Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    private static string Checkouts(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"/git/checkouts/([^/]+)-[0-9a-f]{16}/", "/git/checkouts/$1-[HASH]/");

    private static string Normalize(string stderr, Sandbox sandbox) =>
        Redactions.CargoToFerry(Redactions.Apply(stderr, sandbox));
}
