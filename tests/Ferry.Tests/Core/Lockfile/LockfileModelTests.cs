using Ferry.Core.Identity;
using Ferry.Core.Lockfile;
using Ferry.Core.Resolution;
using Ferry.Core.Urls;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Core.Lockfile;

/// <summary>The small pieces: package references, sources, their order, TOML spelling, serde wording, path lookups.</summary>
public sealed class LockfileModelTests
{
    private const string CratesIo = "registry+https://github.com/rust-lang/crates.io-index";

    [Theory]
    [InlineData("serde", "serde", null, null)]
    [InlineData("serde 1.0.0", "serde", "1.0.0", null)]
    [InlineData("serde 1.0.0 (" + CratesIo + ")", "serde", "1.0.0", CratesIo)]
    [InlineData("gd 0.2.0 (git+https://x/y?branch=a b)", "gd", "0.2.0", "git+https://x/y?branch=a b")]
    [InlineData("", "", null, null)]
    [InlineData("b ", "b", "", null)]
    public void PackageReferencesParseAndPrintBack(string text, string name, string? version, string? source)
    {
        var id = EncodablePackageId.Parse(text);
        Assert.Equal(name, id.Name);
        Assert.Equal(version, id.Version);
        Assert.Equal(source, id.Source?.Text);
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData("b 1.0 xyz", "invalid serialied PackageId")]
    [InlineData("b  1.0", "invalid serialied PackageId")]
    [InlineData("b 1.0 (", "invalid serialied PackageId")]
    [InlineData("b 1.0 ()", "invalid source ``")]
    [InlineData("b 1.0 (xyz)", "invalid source `xyz`")]
    [InlineData("b 1.0 (foo+bar)", "invalid url `bar`: relative URL without a base")]
    [InlineData("b 1.0 (foo+https://x)", "unsupported source protocol: foo")]
    [InlineData("b 1.0 (directory+file:///x)", "unsupported source protocol: directory")]
    public void BadPackageReferencesGiveCargosMessages(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<FerryException>(() => EncodablePackageId.Parse(text)).Message);
    }

    [Fact]
    public void ReferencesSortByNameThenVersionTextThenSource()
    {
        var sorted = new[]
        {
            "memchr 0.9.0", "log 0.4.20 (git+https://a/log)", "memchr 0.10.0", "log 0.4.20 (" + CratesIo + ")",
            "log", "log 0.4.20 (sparse+https://index.crates.io/)", "log 0.4.20", "log 0.4.20 (git+https://a/log?tag=v1)",
            "log 0.4.20 (path+file:///log)",
        }.Select(EncodablePackageId.Parse).Order().Select(i => i.ToString());
        Assert.Equal(
        [
            "log", "log 0.4.20", "log 0.4.20 (path+file:///log)", "log 0.4.20 (" + CratesIo + ")",
            "log 0.4.20 (sparse+https://index.crates.io/)", "log 0.4.20 (git+https://a/log?tag=v1)", "log 0.4.20 (git+https://a/log)",
            "memchr 0.10.0", "memchr 0.9.0",
        ],
            sorted);
    }

    [Fact]
    public void SourcesWrittenPerFormat()
    {
        var git = SourceId.ForGit(Url.Parse("https://github.com/a/b"), GitReference.Branch("foo bar+baz")).WithPrecise("abc");
        Assert.Equal("git+https://github.com/a/b?branch=foo bar+baz#abc", EncodableSourceId.From(git, ResolveVersion.V3)!.Text);
        Assert.Equal("git+https://github.com/a/b?branch=foo+bar%2Bbaz#abc", EncodableSourceId.From(git, ResolveVersion.V4)!.Text);
        Assert.Null(EncodableSourceId.From(SourceId.ForPath("/x"), ResolveVersion.V4));
        Assert.Equal(CratesIo, EncodableSourceId.From(SourceId.CratesIo, ResolveVersion.V1)!.Text);
        var sparse = SourceId.ForRegistry(Url.Parse("sparse+https://index.crates.io/"));
        Assert.Equal("sparse+https://index.crates.io/", EncodableSourceId.From(sparse, ResolveVersion.V4)!.Text);

        // Never in a resolve (mirrors are recorded under the source they replace), but not a crash either.
        var local = EncodableSourceId.From(SourceId.ForLocalRegistry("/reg"), ResolveVersion.V4)!;
        Assert.Equal(("local-registry+file:///reg", SourceKind.LocalRegistry), (local.Text, local.Kind));

        // The V4 spelling reads back to the same reference; the V3 one does not (hence V4).
        Assert.Equal(git.Git, EncodableSourceId.Parse("git+https://github.com/a/b?branch=foo+bar%2Bbaz#abc").Git);
        Assert.Equal(GitReference.Branch("foo bar baz"), EncodableSourceId.Parse("git+https://github.com/a/b?branch=foo bar+baz#abc").Git);
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("say \"hi\"", "'say \"hi\"'")]
    [InlineData("both ' and \"", "\"\"\"both ' and \"\"\"\"")]
    [InlineData("a\\b", "'a\\b'")]
    [InlineData("a\\b'", "'''a\\b''''")]
    [InlineData("line1\nline2", "\"\"\"\nline1\nline2\"\"\"")]
    [InlineData("tab\there", "\"tab\there\"")]
    [InlineData("bell\u0007", "\"bell\\u0007\"")]
    [InlineData("", "\"\"")]
    [InlineData("\"\"\"'''", "\"\\\"\\\"\\\"'''\"")]
    public void StringsAreSpelledLikeTheTomlCrate(string value, string expected)
    {
        Assert.Equal(expected, TomlText.Value(value));
    }

    [Theory]
    [InlineData(4.0, "4.0")]
    [InlineData(1.5, "1.5")]
    [InlineData(2.5e-10, "0.00000000025")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(1e21, "1000000000000000000000.0")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void FloatsAreShownLikeSerde(double value, string expected)
    {
        Assert.Equal(expected, SerdeText.RustFloat(value));
    }

    [Theory]
    [InlineData("a\"b\n\u0001\t", "\"a\\\"b\\n\\u{1}\\t\"")]
    [InlineData("é\u200b\u00a0x", "\"é\\u{200b}\\u{a0}x\"")]
    [InlineData("'\\", "\"'\\\\\"")]
    public void StringsAreShownLikeRustDebug(string value, string expected)
    {
        Assert.Equal(expected, SerdeText.RustDebug(value));
    }

    [Fact]
    public void Utf8OrderPutsAstralCharactersLast()
    {
        Assert.True(Utf8Ordinal.Instance.Compare("\U0001F600", "\uFFFD") > 0);
        Assert.True(string.CompareOrdinal("\U0001F600", "\uFFFD") < 0);
        Assert.True(Utf8Ordinal.Instance.Compare("ab", "abc") < 0);
        Assert.True(Utf8Ordinal.Instance.Compare(null, "") < 0);
    }

    [Fact]
    public void PathPackagesAreFoundLikeCargosGetSourceId()
    {
        var one = SourceId.ForPath("/ws/one");
        var twoA = SourceId.ForPath("/ws/two-a");
        var twoB = SourceId.ForPath("/ws/two-b");
        var context = new LockfileContext(
        [
            new PackageId("one", Ferry.Semver.Version.Parse("1.0.0"), one),
            new PackageId("two", Ferry.Semver.Version.Parse("1.0.0"), twoA),
            new PackageId("two", Ferry.Semver.Version.Parse("2.0.0"), twoB),
        ]);

        // One package of that name: whatever version the lockfile says (the manifest may have moved on).
        Assert.Equal(one, context.PathSource("one", "9.9.9"));
        Assert.Equal(one, context.PathSource("one", "not a version"));

        // Several: the exact version decides (cargo#13405).
        Assert.Equal(twoB, context.PathSource("two", "2.0.0"));
        Assert.Null(context.PathSource("two", "3.0.0"));
        Assert.Null(context.PathSource("two", "2.x"));
        Assert.Null(context.PathSource("three", "1.0.0"));
    }

    [Fact]
    public void SameNameAtTwoPathVersionsDecodes()
    {
        var context = new LockfileContext(
        [
            new PackageId("app", Ferry.Semver.Version.Parse("0.1.0"), SourceId.ForPath("/ws")),
            new PackageId("c", Ferry.Semver.Version.Parse("0.9.0"), SourceId.ForPath("/ws/c9")),
            new PackageId("c", Ferry.Semver.Version.Parse("0.10.0"), SourceId.ForPath("/ws/c10")),
        ]);
        const string text = """
            version = 4

            [[package]]
            name = "app"
            version = "0.1.0"
            dependencies = [
             "c 0.10.0",
             "c 0.9.0",
            ]

            [[package]]
            name = "c"
            version = "0.9.0"

            [[package]]
            name = "c"
            version = "0.10.0"

            """;
        var resolve = CargoLock.Read(text, "Cargo.lock", context);
        Assert.Equal(["c v0.9.0 (/ws/c9)", "c v0.10.0 (/ws/c10)"],
            resolve.Dependencies(context.PathSource("app", "0.1.0") is { } s ? new PackageId("app", Ferry.Semver.Version.Parse("0.1.0"), s) : null!)
                .Select(e => e.Target.ToString()));
        Assert.Equal("# This file is automatically @generated by Cargo.\n# It is not intended for manual editing.\n" + text, CargoLock.Encode(resolve));
    }

    [Fact]
    public void RegistriesGetTheirConfiguredNames()
    {
        var url = "https://my.example/index";
        var context = new LockfileContext([], new Dictionary<string, string> { [CanonicalUrl.Of(Url.Parse(url)).Text] = "mine" });
        var text = $"version = 4\n\n[[package]]\nname = \"x\"\nversion = \"1.0.0\"\nsource = \"registry+{url}\"\nchecksum = \"abc\"\n";
        var resolve = CargoLock.Read(text, "Cargo.lock", context);
        var id = Assert.Single(resolve.Packages);
        Assert.Equal("x v1.0.0 (registry `mine`)", id.ToString());
        Assert.Equal("abc", resolve.Checksums[id]);
    }

    [Fact]
    public void MissingFileLoadsAsNothing()
    {
        Assert.Null(CargoLock.Load(Path.Join(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "Cargo.lock"), LockfileContext.Empty));
    }

    [Fact]
    public void ParseKeepsTheRawModel()
    {
        const string text = """
            # This file is automatically @generated by Cargo.
            # It is not intended for manual editing.
            # extra
            [root]
            name = "r"
            version = "1.0.0"
            dependencies = ["d 1.0.0 (registry+https://github.com/rust-lang/crates.io-index)"]

            [[package]]
            name = "d"
            version = "1.0.0"
            source = "registry+https://github.com/rust-lang/crates.io-index"
            unknown = { whatever = [1, 2] }

            [metadata]
            "checksum d 1.0.0 (registry+https://github.com/rust-lang/crates.io-index)" = "abc"
            other = "kept"
            """;
        var lockfile = CargoLock.Parse(text, "Cargo.lock");
        Assert.Null(lockfile.Version);
        Assert.Equal("r", lockfile.Root!.Name);
        Assert.Equal("d 1.0.0 (registry+https://github.com/rust-lang/crates.io-index)", Assert.Single(lockfile.Root.Dependencies).ToString());
        Assert.Equal(CratesIo, Assert.Single(lockfile.Packages).Source!.Text);
        Assert.Equal(["checksum d 1.0.0 (registry+https://github.com/rust-lang/crates.io-index)", "other"], lockfile.Metadata.Keys);
        Assert.Equal(
            ["# This file is automatically @generated by Cargo.", "# It is not intended for manual editing.", "# extra"],
            lockfile.HeaderComments.ToArray());

        var resolve = CargoLock.ToResolve(lockfile, text, LockfileContext.Standalone(lockfile), "Cargo.lock");
        Assert.Equal(ResolveVersion.V1, resolve.Version);
        Assert.Equal("abc", resolve.Checksums.Single().Value);
        Assert.Equal("kept", Assert.Single(resolve.Metadata).Value);
    }

    [Fact]
    public void BothChecksumFormsInOneFileDropAllChecksums()
    {
        // Looks like a bad merge of a V1 and a V2 file: Cargo forgets every checksum and recomputes them.
        const string text = """
            [[package]]
            name = "d"
            version = "1.0.0"
            source = "registry+https://github.com/rust-lang/crates.io-index"
            checksum = "inline"

            [[package]]
            name = "e"
            version = "1.0.0"
            source = "registry+https://github.com/rust-lang/crates.io-index"

            [metadata]
            "checksum e 1.0.0 (registry+https://github.com/rust-lang/crates.io-index)" = "old"
            """;
        var resolve = CargoLock.Read(text, "Cargo.lock", LockfileContext.Empty);
        Assert.Equal(ResolveVersion.V2, resolve.Version);
        Assert.Empty(resolve.Checksums);
        Assert.Empty(resolve.Metadata);
    }
}
