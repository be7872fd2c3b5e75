using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Lockfile;
using Ferry.Core.Resolution;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Core.Lockfile;

/// <summary>
/// Cargo's <c>write_pkg_lockfile</c> rules, checked against what Cargo 1.95 does on the same
/// fixture: an unchanged file is left alone (even in an old format, even with CRLF line endings),
/// a changed one is written in the newest format the lowest <c>rust-version</c> allows but never
/// downgraded, <c>--locked</c>/<c>--frozen</c> refuse with Cargo's text (but accept a file that only
/// differs in layout), and the write is atomic.
/// </summary>
public sealed class LockfileWriterTests
{
    [Fact]
    public void OldFormatIsKeptUntilTheContentChanges()
    {
        using var fixture = new CargoFixture();
        var (app, context) = Workspace(fixture, "rust-version = \"1.60\"\n", string.Empty);
        fixture.CargoOk("ws", "generate-lockfile");
        var path = Path.Join(fixture.Root, "ws", "Cargo.lock");
        var v3 = File.ReadAllText(path);
        Assert.StartsWith(Header + "version = 3\n", v3);

        // Without the rust-version the default is V4, but an unchanged file stays V3.
        Workspace(fixture, string.Empty, string.Empty);
        fixture.CargoOk("ws", "metadata", "--format-version", "1");
        Assert.Equal(v3, File.ReadAllText(path));
        var previous = CargoLock.Load(path, context)!;
        Assert.False(LockfileWriter.Write(previous, path, new LockfileWriteOptions { Context = context }).Changed);

        // A new dependency changes the content, and the rewrite moves to V4.
        Workspace(fixture, string.Empty, "cfg01 = { package = \"cfg-if\", version = \"0.1\" }\n");
        fixture.CargoOk("ws", "metadata", "--format-version", "1");
        var cargo = File.ReadAllText(path);
        Assert.StartsWith(Header + "version = 4\n", cargo);

        File.WriteAllText(path, v3);
        var plan = LockfileWriter.Write(WithEdge(previous, app, "cfg-if", "0.1.10"), path, new LockfileWriteOptions { Context = context });
        Assert.True(plan.Changed);
        Assert.Equal(ResolveVersion.V4, plan.Resolve.Version);
        Assert.Equal(cargo, File.ReadAllText(path));
    }

    [Fact]
    public void NewerFormatIsNeverDowngraded()
    {
        using var fixture = new CargoFixture();
        var (app, context) = Workspace(fixture, string.Empty, string.Empty);
        fixture.CargoOk("ws", "generate-lockfile");
        var path = Path.Join(fixture.Root, "ws", "Cargo.lock");
        var previous = CargoLock.Load(path, context)!;
        var v4 = File.ReadAllText(path);

        Workspace(fixture, "rust-version = \"1.60\"\n", "cfg01 = { package = \"cfg-if\", version = \"0.1\" }\n");
        fixture.CargoOk("ws", "metadata", "--format-version", "1");
        var cargo = File.ReadAllText(path);
        Assert.StartsWith(Header + "version = 4\n", cargo);

        var options = new LockfileWriteOptions { Context = context, LowestRustVersion = RustVersion.Parse("1.60") };
        var plan = LockfileWriter.Plan(WithEdge(previous, app, "cfg-if", "0.1.10"), v4, fileExists: true, path, options);
        Assert.True(plan.Changed);
        Assert.Equal(cargo, plan.Text);
    }

    [Fact]
    public void LockedAndFrozenRefuseToCreateOrUpdate()
    {
        using var fixture = new CargoFixture();
        var (app, context) = Workspace(fixture, string.Empty, string.Empty);
        var path = Path.Join(fixture.Root, "ws", "Cargo.lock");
        var create = fixture.Cargo("ws", "metadata", "--locked", "--format-version", "1");
        Assert.Equal(101, create.ExitCode);

        fixture.CargoOk("ws", "generate-lockfile");
        var text = File.ReadAllText(path);
        var previous = CargoLock.Load(path, context)!;
        Workspace(fixture, string.Empty, "cfg01 = { package = \"cfg-if\", version = \"0.1\" }\n");
        var update = fixture.Cargo("ws", "metadata", "--frozen", "--format-version", "1");
        Assert.Equal(101, update.ExitCode);
        Assert.Equal(text, File.ReadAllText(path));

        var changed = WithEdge(previous, app, "cfg-if", "0.1.10");
        var createError = Assert.Throws<FerryException>(() =>
            LockfileWriter.Plan(changed, null, fileExists: false, path, new LockfileWriteOptions { Lock = LockfileLock.Locked, Context = context }));
        Assert.Equal(create.Stderr, "error: " + createError.Message + "\n");
        var updateError = Assert.Throws<FerryException>(() =>
            LockfileWriter.Write(changed, path, new LockfileWriteOptions { Lock = LockfileLock.Frozen, Context = context }));
        Assert.Equal(update.Stderr, "error: " + updateError.Message + "\n");
        Assert.Equal(
            $"cannot update the lock file {path} because --frozen was passed to prevent this\n" +
            "help: to generate the lock file without accessing the network, remove the --frozen flag and use --offline instead.",
            updateError.Message);
        Assert.Equal(text, File.ReadAllText(path));
    }

    [Fact]
    public void LockedAcceptsAFileThatOnlyDiffersInLayout()
    {
        using var fixture = new CargoFixture();
        var (_, context) = Workspace(fixture, string.Empty, string.Empty);
        fixture.CargoOk("ws", "generate-lockfile");
        var path = Path.Join(fixture.Root, "ws", "Cargo.lock");
        var resolve = CargoLock.Load(path, context)!;

        // No header comments and the last two packages swapped: same resolve.
        var text = File.ReadAllText(path);
        var blocks = text[Header.Length..].Split("\n\n");
        (blocks[^1], blocks[^2]) = (blocks[^2] + "\n", blocks[^1].TrimEnd('\n'));
        var reordered = string.Join("\n\n", blocks);
        File.WriteAllText(path, reordered);

        Assert.Equal(0, fixture.Cargo("ws", "metadata", "--locked", "--format-version", "1").ExitCode);
        Assert.Equal(reordered, File.ReadAllText(path));
        var locked = LockfileWriter.Write(resolve, path, new LockfileWriteOptions { Lock = LockfileLock.Locked, Context = context });
        Assert.False(locked.Changed);
        Assert.Equal(reordered, File.ReadAllText(path));

        fixture.CargoOk("ws", "metadata", "--format-version", "1");
        Assert.Equal(text, File.ReadAllText(path));
        File.WriteAllText(path, reordered);
        Assert.True(LockfileWriter.Write(resolve, path, new LockfileWriteOptions { Context = context }).Changed);
        Assert.Equal(text, File.ReadAllText(path));
    }

    [Fact]
    public void CrlfCheckoutIsNotRewritten()
    {
        using var fixture = new CargoFixture();
        var (_, context) = Workspace(fixture, string.Empty, string.Empty);
        fixture.CargoOk("ws", "generate-lockfile");
        var path = Path.Join(fixture.Root, "ws", "Cargo.lock");
        var crlf = File.ReadAllText(path).Replace("\n", "\r\n", StringComparison.Ordinal);
        File.WriteAllText(path, crlf);

        fixture.CargoOk("ws", "metadata", "--format-version", "1");
        Assert.Equal(crlf, File.ReadAllText(path));
        var resolve = CargoLock.Load(path, context)!;
        foreach (var lockMode in new[] { LockfileLock.None, LockfileLock.Locked })
        {
            Assert.False(LockfileWriter.Write(resolve, path, new LockfileWriteOptions { Lock = lockMode, Context = context }).Changed);
        }

        Assert.Equal(crlf, File.ReadAllText(path));
    }

    [Theory]
    [InlineData("a\nb\n", "a\nb", true)]
    [InlineData("a\r\nb\r\n", "a\nb\n", true)]
    [InlineData("a\nb\n\n", "a\nb\n", false)]
    [InlineData("", "", true)]
    [InlineData("\n", "", false)]
    [InlineData("a\n\nb", "a\nb", false)]
    public void LinesCompareLikeRust(string a, string b, bool equal)
    {
        Assert.Equal(equal, LockfileWriter.LinesEqual(a, b));
        Assert.Equal(equal, LockfileWriter.LinesEqual(b, a));
    }

    [Fact]
    public void FormatIsChosenFromTheLowestRustVersion()
    {
        var resolve = new ResolveBuilder().Add(ResolveBuilder.Path("app", "0.1.0", "/ws/app")).Build(ResolveVersion.V1);
        string Plan(string? rustVersion) => LockfileWriter.Plan(resolve, null, fileExists: false, "/ws/Cargo.lock",
            new LockfileWriteOptions { LowestRustVersion = rustVersion is null ? null : RustVersion.Parse(rustVersion) }).Text;
        const string body = "[[package]]\nname = \"app\"\nversion = \"0.1.0\"\n";
        Assert.Equal(Header + "version = 4\n\n" + body, Plan(null));
        Assert.Equal(Header + "version = 4\n\n" + body, Plan("1.83"));
        Assert.Equal(Header + "version = 3\n\n" + body, Plan("1.82"));
        Assert.Equal(Header + "version = 3\n\n" + body, Plan("1.53"));
        Assert.Equal(Header + body, Plan("1.52"));
        Assert.Equal(Header + body + "\n", Plan("1.40"));
    }

    [Fact]
    public void VersionFiveNeedsTheUnstableFlag()
    {
        var resolve = new ResolveBuilder().Add(ResolveBuilder.Path("app", "0.1.0", "/ws/app")).Build(ResolveVersion.V5);
        var error = Assert.Throws<FerryException>(() => LockfileWriter.Plan(resolve, null, false, "/ws/Cargo.lock", new LockfileWriteOptions()));
        Assert.Equal("lock file version `V5` requires `-Znext-lockfile-bump`", error.Message);

        var nightly = new LockfileOptions(NightlyFeaturesAllowed: true, NextLockfileBump: true);
        var plan = LockfileWriter.Plan(resolve, null, false, "/ws/Cargo.lock", new LockfileWriteOptions { Format = nightly });
        Assert.StartsWith(Header + "version = 5\n", plan.Text);

        var parsed = Assert.Throws<LockfileParseException>(() =>
            CargoLock.Parse(plan.Text, "/ws/Cargo.lock", new LockfileOptions(NightlyFeaturesAllowed: true)));
        Assert.Equal("lock file version `5` requires `-Znext-lockfile-bump`", parsed.Reason);
        Assert.Equal(ResolveVersion.V5, CargoLock.Read(plan.Text, "/ws/Cargo.lock", LockfileContext.Empty, nightly).Version);
    }

    [Fact]
    public void WritesAtomicallyAndLeavesNothingBehindOnFailure()
    {
        using var fixture = new CargoFixture();
        var resolve = new ResolveBuilder().Add(ResolveBuilder.Path("app", "0.1.0", "/ws/app")).Build(ResolveVersion.V4);

        var fresh = Path.Join(fixture.Root, "new", "dir", "Cargo.lock");
        Assert.True(LockfileWriter.Write(resolve, fresh, new LockfileWriteOptions()).Changed);
        Assert.Equal(CargoLock.Encode(resolve), File.ReadAllText(fresh));
        Assert.Equal(["Cargo.lock"], Directory.GetFiles(Path.GetDirectoryName(fresh)!).Select(Path.GetFileName));

        // The destination is a directory: the rename fails, the temp file is removed, the error is Cargo's.
        var blocked = Path.Join(fixture.Root, "blocked", "Cargo.lock");
        Directory.CreateDirectory(Path.Join(blocked, "inside"));
        var error = Assert.Throws<FerryException>(() => LockfileWriter.Write(resolve, blocked, new LockfileWriteOptions()));
        Assert.Equal($"failed to write {blocked}", error.Message);
        Assert.NotNull(error.InnerException);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(blocked)!));
    }

    private const string Header = "# This file is automatically @generated by Cargo.\n# It is not intended for manual editing.\n";

    /// <summary>
    /// Workspace <c>ws</c> with members <c>app</c> (depending on <c>util</c>, <c>scopeguard</c> 0.3 and 1,
    /// <c>cfg-if</c> 1, plus <paramref name="extraDependencies"/>) and <c>util</c> (depending on
    /// <c>cfg-if</c> 0.1); rewriting it only changes the manifests.
    /// </summary>
    private static (PackageId App, LockfileContext Context) Workspace(CargoFixture fixture, string packageExtra, string extraDependencies)
    {
        fixture.Write("ws/Cargo.toml", "[workspace]\nmembers = [\"app\", \"util\"]\n");
        var app = fixture.Package("ws/app", "app", "0.1.0", packageExtra +
            "\n[dependencies]\nutil = { path = \"../util\" }\nscopeguard = \"0.3\"\nsg1 = { package = \"scopeguard\", version = \"1\" }\ncfg-if = \"1\"\n" + extraDependencies);
        var util = fixture.Package("ws/util", "util", "0.2.0", packageExtra + "\n[dependencies]\ncfg-if = \"0.1\"\n");
        var appId = new PackageId("app", Ferry.Semver.Version.Parse("0.1.0"), SourceId.ForPath(app));
        var utilId = new PackageId("util", Ferry.Semver.Version.Parse("0.2.0"), SourceId.ForPath(util));
        return (appId, new LockfileContext([appId, utilId]));
    }

    /// <summary>The resolve with one more edge from <paramref name="from"/>, as the resolver would produce for a new dependency.</summary>
    private static Resolve WithEdge(Resolve resolve, PackageId from, string name, string version)
    {
        var target = resolve.Packages.Single(p => p.Name == name && p.Version.ToString() == version);
        var edges = resolve.Dependencies(from).Add(new ResolvedEdge(target, [])).Sort((a, b) => a.Target.CompareTo(b.Target));
        return new Resolve(resolve.Graph.SetItem(from, edges), resolve.Replacements, resolve.Features, resolve.Checksums,
            resolve.Metadata, resolve.UnusedPatches, resolve.Version, resolve.Summaries);
    }
}
