using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Lockfile;
using Ferry.Core.Resolution;

namespace Ferry.Tests.Core.Lockfile;

/// <summary>
/// Real Cargo 1.95 writes lockfiles for small fixtures — path dependencies inside and outside the
/// workspace, one registry crate at two versions, git dependencies on a local repository at every
/// kind of reference, an unused <c>[patch]</c>, a <c>[replace]</c> — in each format version (chosen
/// through <c>rust-version</c>, as Cargo does); Ferry reads each file into a resolve and must write
/// back Cargo's exact bytes, and the write rules must agree that nothing changed.
/// </summary>
public sealed class LockfileDifferentialTests
{
    [Theory]
    [InlineData(null, ResolveVersion.V4)]
    [InlineData("1.60", ResolveVersion.V3)]
    [InlineData("1.50", ResolveVersion.V2)]
    [InlineData("1.40", ResolveVersion.V1)]
    public void PathAndRegistryDependencies(string? rustVersion, ResolveVersion format)
    {
        using var fixture = new CargoFixture();
        var msrv = rustVersion is null ? string.Empty : $"rust-version = \"{rustVersion}\"\n";
        fixture.Write("ws/Cargo.toml", "[workspace]\nmembers = [\"app\", \"util\"]\n");
        var app = fixture.Package("ws/app", "app", "0.1.0", msrv +
            "\n[dependencies]\nutil = { path = \"../util\" }\nscopeguard = \"0.3\"\nsg1 = { package = \"scopeguard\", version = \"1\" }\ncfg-if = \"1\"\n");
        var util = fixture.Package("ws/util", "util", "0.2.0", msrv +
            "\n[dependencies]\ncfg-if = \"0.1\"\nextra = { path = \"../../extra\" }\n");
        var extra = fixture.Package("extra", "extra", "0.3.0");
        fixture.CargoOk("ws", "generate-lockfile");

        var context = new LockfileContext([PathId("app", "0.1.0", app), PathId("util", "0.2.0", util), PathId("extra", "0.3.0", extra)]);
        var resolve = AssertReadsBack(fixture, "ws/Cargo.lock", context, format, rustVersion);
        Assert.Equal(7, resolve.Graph.Count);
        Assert.Equal(
            ["cfg-if v1.0.0", "scopeguard v0.3.3", "scopeguard v1.1.0", $"util v0.2.0 ({util})"],
            resolve.Dependencies(PathId("app", "0.1.0", app)).Select(e => e.Target.ToString()));
    }

    [Theory]
    [InlineData(null, ResolveVersion.V4)]
    [InlineData("1.60", ResolveVersion.V3)]
    [InlineData("1.50", ResolveVersion.V2)]
    [InlineData("1.40", ResolveVersion.V1)]
    public void GitDependenciesAtEveryKindOfReference(string? rustVersion, ResolveVersion format)
    {
        using var fixture = new CargoFixture();
        var (url, rev) = GitRepository(fixture);

        // V1-V3 wrote git references unencoded, so a branch like `a+b&c` only reads back from V4.
        var references = format switch
        {
            ResolveVersion.V4 => new[] { "branch = \"a+b&c\"", "branch = \"feat/x\"", "branch = \"master\"", "tag = \"v1\"", $"rev = \"{rev}\"", null },
            ResolveVersion.V3 => ["branch = \"feat/x\"", "branch = \"master\"", "tag = \"v1\"", $"rev = \"{rev}\"", null],
            _ => ["tag = \"v1\"", $"rev = \"{rev}\"", "branch = \"feat/x\""],
        };
        var app = GitDependent(fixture, url, rustVersion, references);
        fixture.CargoOk("app", "generate-lockfile");

        // A V2 file whose packages are all git ones shows nothing only V2 writes (no checksums, no
        // shortened references), so it reads as V1 — as in Cargo, whose write rule then turns it back
        // into the same V2 text.
        var detected = format == ResolveVersion.V2 ? ResolveVersion.V1 : format;
        var resolve = AssertReadsBack(fixture, "app/Cargo.lock", new LockfileContext([PathId("app", "0.1.0", app)]), detected, rustVersion, format);
        Assert.Equal(references.Length, resolve.Dependencies(PathId("app", "0.1.0", app)).Length);
        Assert.All(resolve.Packages.Where(p => p.Name == "gd"), p => Assert.NotNull(p.Source.Precise));
    }

    [Theory]
    [InlineData("1.50", ResolveVersion.V2)]
    [InlineData("1.40", ResolveVersion.V1)]
    public void OldFormatsWriteReferencesToTheMasterBranchWithoutIt(string rustVersion, ResolveVersion format)
    {
        using var fixture = new CargoFixture();
        var (url, _) = GitRepository(fixture);
        var app = GitDependent(fixture, url, rustVersion, "branch = \"master\"", "tag = \"v1\"");
        fixture.CargoOk("app", "generate-lockfile");
        var path = Path.Join(fixture.Root, "app", "Cargo.lock");
        var text = File.ReadAllText(path);
        Assert.Contains($" \"gd 0.2.0 (git+{url})\",\n", text);
        Assert.Contains($"source = \"git+{url}?branch=master#", text);

        // Reading the file loses that edge (the reference names the default branch): Cargo's V1/V2
        // bug, repaired by its resolver. With the edge put back, Ferry writes Cargo's bytes.
        var root = PathId("app", "0.1.0", app);
        var resolve = CargoLock.Load(path, new LockfileContext([root]))!.WithVersion(format);
        var master = resolve.Packages.Single(p => p.Source.Git?.Value == "master");
        Assert.DoesNotContain(resolve.Dependencies(root), e => e.Target.Equals(master));
        var graph = resolve.Graph.SetItem(root, resolve.Dependencies(root).Add(new ResolvedEdge(master, [])));
        var repaired = new Resolve(graph, resolve.Replacements, resolve.Features, resolve.Checksums, resolve.Metadata,
            resolve.UnusedPatches, format, resolve.Summaries);
        Assert.Equal(text, CargoLock.Encode(repaired, text));
    }

    [Fact]
    public void UnusedPatch()
    {
        using var fixture = new CargoFixture();
        var app = fixture.Package("app", "app", "0.1.0",
            "\n[dependencies]\nscopeguard = \"1\"\ncfg-if = \"1\"\n\n[patch.crates-io]\nscopeguard = { path = \"../sg03\" }\n");
        var patch = fixture.Package("sg03", "scopeguard", "0.3.9");
        fixture.CargoOk("app", "generate-lockfile");

        var context = new LockfileContext([PathId("app", "0.1.0", app), PathId("scopeguard", "0.3.9", patch)]);
        var resolve = AssertReadsBack(fixture, "app/Cargo.lock", context, ResolveVersion.V4, null);
        Assert.Equal([PathId("scopeguard", "0.3.9", patch)], resolve.UnusedPatches.ToArray());
    }

    [Fact]
    public void Replace()
    {
        using var fixture = new CargoFixture();
        var app = fixture.Package("app", "app", "0.1.0",
            "\n[dependencies]\nscopeguard = \"1\"\ncfg-if = \"1\"\n\n[replace]\n\"cfg-if:1.0.0\" = { path = \"../cfgif\" }\n");
        var replacement = fixture.Package("cfgif", "cfg-if", "1.0.0");
        fixture.CargoOk("app", "generate-lockfile");

        var context = new LockfileContext([PathId("app", "0.1.0", app), PathId("cfg-if", "1.0.0", replacement)]);
        var resolve = AssertReadsBack(fixture, "app/Cargo.lock", context, ResolveVersion.V4, null);
        var replaced = Assert.Single(resolve.Replacements);
        Assert.Equal("cfg-if v1.0.0", replaced.Key.ToString());
        Assert.Equal(PathId("cfg-if", "1.0.0", replacement), replaced.Value);
    }

    /// <summary>
    /// The file Cargo wrote reads into a resolve of the expected format that writes the same bytes,
    /// and the write rules (with the same lowest rust-version) leave the file alone.
    /// </summary>
    private static Resolve AssertReadsBack(
        CargoFixture fixture, string lockfile, ILockfileContext context, ResolveVersion format, string? rustVersion, ResolveVersion? written = null)
    {
        var path = Path.Join(fixture.Root, lockfile);
        var text = File.ReadAllText(path);
        var resolve = CargoLock.Load(path, context)!;
        Assert.Equal(format, resolve.Version);
        Assert.Equal(text, CargoLock.Encode(resolve.WithVersion(written ?? format), text));

        var options = new LockfileWriteOptions
        {
            Context = context,
            LowestRustVersion = rustVersion is null ? null : RustVersion.Parse(rustVersion),
        };
        var plan = LockfileWriter.Write(resolve, path, options);
        Assert.Equal(written is not null && written != format, plan.Changed);
        Assert.Equal(text, plan.Text);
        Assert.Equal(text, File.ReadAllText(path));
        return resolve;
    }

    /// <summary>A git repository with package <c>gd</c> 0.2.0, tag <c>v1</c> and branches <c>feat/x</c> and <c>a+b&amp;c</c>.</summary>
    private static (string Url, string Rev) GitRepository(CargoFixture fixture)
    {
        var repo = fixture.Package("repo", "gd", "0.2.0");
        Git(repo, "init", "-q", "-b", "master");
        Git(repo, "add", "-A");
        Git(repo, "commit", "-q", "-m", "init");
        Git(repo, "tag", "v1");
        Git(repo, "branch", "feat/x");
        Git(repo, "branch", "a+b&c");
        return (new Uri(repo).AbsoluteUri, Git(repo, "rev-parse", "--short", "HEAD").Trim());
    }

    /// <summary>Package <c>app</c> depending on <c>gd</c> once per reference (renamed <c>gd0</c>, <c>gd1</c>, ...; null for the default branch).</summary>
    private static string GitDependent(CargoFixture fixture, string url, string? rustVersion, params string?[] references)
    {
        var manifest = new System.Text.StringBuilder(rustVersion is null ? string.Empty : $"rust-version = \"{rustVersion}\"\n");
        manifest.Append("\n[dependencies]\n");
        for (var i = 0; i < references.Length; i++)
        {
            var reference = references[i] is { } r ? ", " + r : string.Empty;
            manifest.Append($"gd{i} = {{ package = \"gd\", git = \"{url}\"{reference} }}\n");
        }

        return fixture.Package("app", "app", "0.1.0", manifest.ToString());
    }

    private static PackageId PathId(string name, string version, string directory) =>
        new(name, Ferry.Semver.Version.Parse(version), SourceId.ForPath(directory));

    private static string Git(string directory, params string[] arguments) =>
        LockfileCargo.Tool(directory, "git", ["-c", "user.email=ferry@example.com", "-c", "user.name=Ferry", .. arguments]);
}
