using Ferry.Core.Identity;
using Ferry.Core.Urls;
using Ferry.Sources;
using Ferry.Tests.Sources.Support;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Sources;

/// <summary>
/// <c>[source]</c> replacement: which source serves a dependency's source, and Cargo's errors
/// (texts checked against cargo 1.95 with the same config; see the differential tests).
/// </summary>
public sealed class SourceConfigMapTests : IDisposable
{
    private readonly SourceWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public void CratesIoIsServedByTheSparseIndexByDefault()
    {
        var resolution = Map("").Resolve(SourceId.CratesIo);
        Assert.Equal(SourceKind.SparseRegistry, resolution.Actual.Kind);
        Assert.Equal("sparse+https://index.crates.io/", resolution.Actual.Url.ToString());
        Assert.True(resolution.IsReplaced);
        Assert.True(resolution.IsBuiltinReplacement);
        Assert.Same(SourceId.CratesIo, resolution.Original);
    }

    [Fact]
    public void GitProtocolKeepsTheGitIndex()
    {
        var resolution = Map("[registries.crates-io]\nprotocol = \"git\"\n").Resolve(SourceId.CratesIo);
        Assert.False(resolution.IsReplaced);
        Assert.Equal(SourceId.CratesIo, resolution.Actual);
    }

    [Fact]
    public void UnknownProtocolIsAnError() =>
        Assert.Equal(
            $"unsupported registry protocol `foo` (defined in {_world.ConfigPath})",
            CreateFails("[registries.crates-io]\nprotocol = \"foo\"\n"));

    [Fact]
    public void RegistryIndexIsNoLongerSupported() =>
        Assert.Equal(
            "the `registry.index` config value is no longer supported\nUse `[source]` replacement to alter the default index for crates.io.",
            CreateFails("[registry]\nindex = \"https://example.com/index\"\n"));

    [Fact]
    public void MirrorReplacesCratesIo()
    {
        var resolution = Map("[source.crates-io]\nreplace-with = \"mirror\"\n[source.mirror]\nregistry = \"sparse+http://127.0.0.1:9/index/\"\n").Resolve(SourceId.CratesIo);
        Assert.Equal(SourceKind.SparseRegistry, resolution.Actual.Kind);
        Assert.Equal("mirror", resolution.Actual.RegistryName);
        Assert.Equal("crates-io", resolution.OriginalName);
        Assert.Equal("mirror", resolution.ReplacementName);
        Assert.True(resolution.IsReplaced);
        Assert.False(resolution.IsBuiltinReplacement);
    }

    [Fact]
    public void ChainsAreFollowedToTheLastLink()
    {
        var resolution = Map("""
            [source.crates-io]
            replace-with = "a"
            [source.a]
            registry = "sparse+http://127.0.0.1:9/a/"
            replace-with = "b"
            [source.b]
            local-registry = "/srv/local"
            """).Resolve(SourceId.CratesIo);
        Assert.Equal(SourceId.ForLocalRegistry("/srv/local"), resolution.Actual);
        Assert.Equal("b", resolution.ReplacementName);
    }

    [Fact]
    public void RelativeLocationsAreRelativeToTheConfigDirectoryParent()
    {
        var resolution = Map("[source.crates-io]\nreplace-with = \"l\"\n[source.l]\nlocal-registry = \"lr\"\n").Resolve(SourceId.CratesIo);
        Assert.Equal(Path.Combine(_world.Root, "lr"), resolution.Actual.LocalPath);
    }

    [Fact]
    public void ReplaceWithMayNameARegistry()
    {
        var resolution = Map("[source.crates-io]\nreplace-with = \"alt\"\n[registries.alt]\nindex = \"sparse+http://127.0.0.1:9/alt/\"\n").Resolve(SourceId.CratesIo);
        Assert.Equal(SourceId.ForRegistry(Url.Parse("sparse+http://127.0.0.1:9/alt/")), resolution.Actual);
        Assert.Equal("alt", resolution.Actual.RegistryName);
    }

    [Fact]
    public void AnAlternativeRegistryIsNotReplacedUnlessASourceNamesItsUrl()
    {
        var alt = SourceId.ForRegistry(Url.Parse("sparse+http://127.0.0.1:9/alt/"), "alt");
        var plain = Map("[registries.alt]\nindex = \"sparse+http://127.0.0.1:9/alt/\"\n");
        Assert.False(plain.Resolve(alt).IsReplaced);

        var vendored = Map("""
            [registries.alt]
            index = "sparse+http://127.0.0.1:9/alt/"
            [source.alt-src]
            registry = "sparse+http://127.0.0.1:9/alt/"
            replace-with = "vendor"
            [source.vendor]
            directory = "/srv/vendor"
            """).Resolve(alt);
        Assert.Equal(SourceId.ForDirectory("/srv/vendor"), vendored.Actual);
    }

    [Fact]
    public void UnknownNameIsAnError() =>
        Assert.Equal(
            $"could not find a configured source with the name `nope` when attempting to lookup `crates-io` (configuration in `{_world.ConfigPath}`)",
            ResolveFails("[source.crates-io]\nreplace-with = \"nope\"\n"));

    [Fact]
    public void ReplacingCratesIoWithItselfIsACycle() =>
        Assert.Equal(
            $"detected a cycle of `replace-with` sources, the source `crates-io` is eventually replaced with itself (configuration in `{_world.ConfigPath}`)",
            ResolveFails("[source.crates-io]\nreplace-with = \"crates-io\"\n"));

    [Fact]
    public void CycleNotThroughTheStartIsReportedInsteadOfLoopingForever() =>
        // Cargo 1.95 never returns on this configuration.
        Assert.Equal(
            $"detected a cycle of `replace-with` sources, the source `a` is eventually replaced with itself (configuration in `{_world.ConfigPath}`)",
            ResolveFails("""
                [source.crates-io]
                replace-with = "a"
                [source.a]
                local-registry = "/srv/a"
                replace-with = "b"
                [source.b]
                local-registry = "/srv/b"
                replace-with = "a"
                """));

    [Fact]
    public void SourceReplacedWithItselfIsACycle() =>
        Assert.Equal(
            $"detected a cycle of `replace-with` sources, the source `a` is eventually replaced with itself (configuration in `{_world.ConfigPath}`)",
            ResolveFails("[source.crates-io]\nreplace-with = \"a\"\n[source.a]\nlocal-registry = \"/srv/a\"\nreplace-with = \"a\"\n"));

    [Fact]
    public void MoreThanOneLocationIsAnError() =>
        Assert.Equal(
            "more than one source location specified for `source.a`",
            CreateFails("[source.a]\ndirectory = \"/tmp/x\"\nregistry = \"sparse+http://127.0.0.1:1/index/\"\n"));

    [Fact]
    public void BranchNeedsGit() =>
        Assert.Equal(
            $"source definition `source.a` specifies `branch`, but that requires a `git` key to be specified (in {_world.ConfigPath})",
            CreateFails("[source.a]\nbranch = \"x\"\n"));

    [Fact]
    public void TableWithoutLocationIsAnErrorEvenWhenUnused() =>
        Assert.Equal(
            "no source location specified for `source.a`, need `registry`, `local-registry`, `directory`, or `git` defined",
            CreateFails("[source.crates-io]\nreplace-with = \"a\"\n[source.a]\n"));

    [Fact]
    public void TwoNamesForOneLocationIsAnError() =>
        Assert.Equal(
            "source `b` defines source registry `a`, but that source is already defined by `a`\nnote: Sources are not allowed to be defined multiple times.",
            CreateFails("[source.a]\nregistry = \"sparse+http://127.0.0.1:1/index/\"\n[source.b]\nregistry = \"sparse+http://127.0.0.1:1/index/\"\n"));

    [Fact]
    public void InvalidUrlNamesTheKey()
    {
        _world.Config("[source.d]\nregistry = \"not a url\"\n");
        var error = Assert.ThrowsAny<FerryException>(() => SourceConfigMap.Create(_world.Context()));
        Assert.Equal(
            $"error: configuration key `source.d.registry` specified an invalid URL (in {_world.ConfigPath})\n\nCaused by:\n  invalid url `not a url`: relative URL without a base\n",
            ErrorText.Render(error));
    }

    [Fact]
    public void ReplacingARegistryWithGitLosesChecksums() =>
        Assert.Equal(
            "cannot replace `crates-io` with `g`, the source `crates-io` supports checksums, but `g` does not\n\n"
            + "a lock file compatible with `crates-io` cannot be generated in this situation",
            ResolveFails("[source.crates-io]\nreplace-with = \"g\"\n[source.g]\ngit = \"https://example.com/x.git\"\n"));

    [Fact]
    public void VendoredGitSourceNeedsALockfile()
    {
        var config = "[source.g]\ngit = \"https://example.com/repo\"\nreplace-with = \"vendor\"\n[source.vendor]\ndirectory = \"/srv/vendor\"\n";
        var git = SourceId.ForGit(Url.Parse("https://example.com/repo"), GitReference.DefaultBranch);
        Assert.Equal(
            "the source g requires a lock file to be present first before it can be\n"
            + "used against vendored source code\n\n"
            + "remove the source replacement configuration, generate a lock file, and then\n"
            + "restore the source replacement configuration to continue the build",
            Assert.ThrowsAny<FerryException>(() => Map(config).Resolve(git)).Message);

        var locked = Map(config).Resolve(git.WithPrecise("0123456789abcdef0123456789abcdef01234567"));
        Assert.Equal(SourceId.ForDirectory("/srv/vendor"), locked.Actual);
    }

    [Fact]
    public void UnconfiguredSourcesAreTheirOwn()
    {
        var path = SourceId.ForPath("/srv/pkg");
        Assert.False(Map("").Resolve(path).IsReplaced);
    }

    private SourceConfigMap Map(string config)
    {
        _world.Config(config);
        return SourceConfigMap.Create(_world.Context());
    }

    private string CreateFails(string config)
    {
        _world.Config(config);
        return Assert.ThrowsAny<FerryException>(() => SourceConfigMap.Create(_world.Context())).Message;
    }

    private string ResolveFails(string config) =>
        Assert.ThrowsAny<FerryException>(() => Map(config).Resolve(SourceId.CratesIo)).Message;
}
