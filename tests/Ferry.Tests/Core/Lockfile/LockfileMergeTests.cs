using System.Collections.Immutable;
using Ferry.Core.Identity;
using Ferry.Core.Lockfile;
using Ferry.Core.Resolution;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Core.Lockfile;

/// <summary>
/// The checksum rule between a previous lockfile and a new resolve (<c>Resolve::merge_from</c>): each
/// of Cargo's three errors is provoked in real Cargo 1.95 by editing a lockfile it wrote, and
/// Ferry's message must be the same, word for word.
/// </summary>
public sealed class LockfileMergeTests
{
    private const string CratesIo = "registry+https://github.com/rust-lang/crates.io-index";

    [Fact]
    public void ChangedChecksumIsAnError()
    {
        using var fixture = new CargoFixture();
        var (path, context, text) = RegistryWorkspace(fixture);
        var current = CargoLock.Load(path, context)!;
        var corrupt = text.Replace("checksum = \"3947d5db", "checksum = \"xyz\"\n#", StringComparison.Ordinal);
        Assert.NotEqual(text, corrupt);
        File.WriteAllText(path, corrupt);

        var cargo = fixture.Cargo("ws", "metadata", "--format-version", "1");
        var previous = CargoLock.Load(path, context)!;
        var error = Assert.Throws<FerryException>(() => LockfileMerge.MergeFrom(current, previous));
        Assert.Equal(cargo.Stderr, "error: " + error.Message + "\n");
        Assert.Equal(
            """
            checksum for `scopeguard v1.1.0` changed between lock files

            this could be indicative of a few possible errors:

                * the lock file is corrupt
                * a replacement source in use (e.g., a mirror) returned a different checksum
                * the source itself may be corrupt in one way or another

            unable to verify that `scopeguard v1.1.0` is the same as when the lockfile was generated

            """,
            error.Message);
    }

    [Fact]
    public void ChecksumThatWasNotCalculatedBeforeIsAnError()
    {
        using var fixture = new CargoFixture();
        var (path, context, _) = RegistryWorkspace(fixture);
        var current = CargoLock.Load(path, context)!;

        // The V1 way of saying "no checksum" for a registry package.
        File.WriteAllText(path, CargoLock.Encode(current.WithVersion(ResolveVersion.V1))
            .Replace("(" + CratesIo + ")\" = \"3947d5db05898259aa7412018821b3adf09c98ce85318930e9090e4c0f466541\"", "(" + CratesIo + ")\" = \"<none>\"", StringComparison.Ordinal));
        var cargo = fixture.Cargo("ws", "metadata", "--format-version", "1");
        var previous = CargoLock.Load(path, context)!;
        Assert.Equal(ResolveVersion.V1, previous.Version);
        var error = Assert.Throws<FerryException>(() => LockfileMerge.MergeFrom(current, previous));
        Assert.Equal(cargo.Stderr, "error: " + error.Message + "\n");
        Assert.StartsWith("checksum for `scopeguard v1.1.0` was not previously calculated, but a checksum could now be calculated\n", error.Message);
    }

    [Fact]
    public void ChecksumThatCanNoLongerBeCalculatedIsAnError()
    {
        using var fixture = new CargoFixture();
        var repo = fixture.Package("repo", "gd", "0.2.0");
        foreach (var arguments in new[] { new[] { "init", "-q", "-b", "master" }, ["add", "-A"], ["commit", "-q", "-m", "init"] })
        {
            LockfileCargo.Tool(repo, "git", ["-c", "user.email=ferry@example.com", "-c", "user.name=Ferry", .. arguments]);
        }

        var app = fixture.Package("ws", "app", "0.1.0", $"\n[dependencies]\ngd = {{ git = \"{new Uri(repo).AbsoluteUri}\" }}\n");
        fixture.CargoOk("ws", "generate-lockfile");
        var path = Path.Join(fixture.Root, "ws", "Cargo.lock");
        var context = new LockfileContext([new PackageId("app", Ferry.Semver.Version.Parse("0.1.0"), SourceId.ForPath(app))]);
        var loaded = CargoLock.Load(path, context)!;

        // What the resolver reports: git packages have no checksum.
        var gd = loaded.Packages.Single(p => p.Name == "gd");
        var current = WithChecksums(loaded, loaded.Checksums.SetItem(gd, null));

        File.WriteAllText(path, File.ReadAllText(path).Replace("source = \"git+", "checksum = \"abc\"\nsource = \"git+", StringComparison.Ordinal));
        var cargo = fixture.Cargo("ws", "metadata", "--format-version", "1");
        var previous = CargoLock.Load(path, context)!;
        var error = Assert.Throws<FerryException>(() => LockfileMerge.MergeFrom(current, previous));
        Assert.Equal(cargo.Stderr, "error: " + error.Message + "\n");
        Assert.StartsWith("checksum for `gd v0.2.0 (" + new Uri(repo).AbsoluteUri + "#", error.Message);
    }

    [Fact]
    public void MergeKeepsThePreviousMetadataAndFormat()
    {
        var app = ResolveBuilder.Path("app", "0.1.0", "/ws/app");
        var serde = ResolveBuilder.FromRegistry("serde", "1.0.0");
        var previous = new ResolveBuilder().Add(app, serde).Add(serde).Metadata("custom", "kept").Build(ResolveVersion.V3);
        var current = new ResolveBuilder().Add(app, serde).Add(serde).Build(ResolveVersion.V4);
        var merged = LockfileMerge.MergeFrom(current, previous);
        Assert.Equal(ResolveVersion.V3, merged.Version);
        Assert.Equal("kept", merged.Metadata["custom"]);
        Assert.Same(current.Graph, merged.Graph);

        // Packages only one side knows, and equal checksums, are fine.
        var other = ResolveBuilder.FromRegistry("other", "1.0.0");
        var bigger = new ResolveBuilder().Add(app, serde, other).Add(serde).Add(other).Build(ResolveVersion.V4);
        Assert.Equal(ResolveVersion.V3, LockfileMerge.MergeFrom(bigger, previous).Version);
    }

    /// <summary>Workspace <c>ws</c> (package <c>a</c>) depending on scopeguard 0.3 and 1 from the local registry, locked by Cargo.</summary>
    private static (string Path, LockfileContext Context, string Text) RegistryWorkspace(CargoFixture fixture)
    {
        var root = fixture.Package("ws", "a", "0.1.0", "\n[dependencies]\nscopeguard = \"0.3\"\nsg1 = { package = \"scopeguard\", version = \"1\" }\n");
        fixture.CargoOk("ws", "generate-lockfile");
        var path = Path.Join(fixture.Root, "ws", "Cargo.lock");
        var context = new LockfileContext([new PackageId("a", Ferry.Semver.Version.Parse("0.1.0"), SourceId.ForPath(root))]);
        return (path, context, File.ReadAllText(path));
    }

    private static Resolve WithChecksums(Resolve resolve, ImmutableDictionary<PackageId, string?> checksums) =>
        new(resolve.Graph, resolve.Replacements, resolve.Features, checksums, resolve.Metadata, resolve.UnusedPatches, resolve.Version, resolve.Summaries);
}
