using Ferry.Core.Identity;
using Ferry.Tests.Sources.Support;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Sources;

/// <summary>A <c>local-registry</c> replacing crates.io: the index read from disk, archives beside it.</summary>
public sealed class LocalRegistryTests : IDisposable
{
    private readonly SourceWorld _world = new();
    private readonly TestRegistry _registry = new();

    public void Dispose()
    {
        _world.Dispose();
        _registry.Dispose();
    }

    [Fact]
    public async Task ResolvesFromDiskWithoutRoundsOrRequests()
    {
        _registry.Publish("a", "1.0.0", new TestDep("bc", "^0.2")).Publish("bc", "0.2.1").Publish("bc", "0.3.0");
        UseLocalRegistry();
        using var registry = _world.Registry();

        var outcome = await SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("a", "1")));

        Assert.Equal(["a 1.0.0", "bc 0.2.1"], SourceWorld.Packages(outcome.Resolve));
        Assert.Equal(1, outcome.Rounds);
        Assert.Equal(0, registry.Statistics.Requests);
        Assert.Empty(_world.Shell.Lines);
        var bc = outcome.Resolve.Packages.Single(p => p.Name == "bc");
        Assert.Same(SourceId.CratesIo, bc.Source);
        Assert.Equal(Path.Combine(_registry.Root, "bc-0.2.1.crate"), await registry.DownloadLocationAsync(bc, outcome.Resolve.Checksums[bc]!, CancellationToken.None));
    }

    [Fact]
    public async Task VersionWithoutItsArchiveIsStillACandidateAsInCargo()
    {
        // Cargo 1.95 picks 1.0.1 here too: the archive only matters when it is unpacked.
        _registry.Publish("a", "1.0.0").Publish("a", "1.0.1", null, withCrate: false, yanked: false);
        UseLocalRegistry();
        using var registry = _world.Registry();

        var outcome = await SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("a", "1")));

        Assert.Equal(["a 1.0.1"], SourceWorld.Packages(outcome.Resolve));
    }

    [Fact]
    public async Task EmptyIndexReportsTheLocalRegistry()
    {
        UseLocalRegistry();
        using var registry = _world.Registry();

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("anyhow", "1"))));

        Assert.Equal(
            "error: no matching package named `anyhow` found\n"
            + $"location searched: `{_registry.Root}` index (which is replacing registry `crates-io`)\n"
            + $"required by package `root v0.1.0 ({_world.Work})`\n",
            ErrorText.Render(error));
    }

    [Fact]
    public async Task MissingDirectoryIsCargosError()
    {
        var missing = Path.Combine(_world.Root, "nonexist");
        _world.Config($"[source.crates-io]\nreplace-with = \"l\"\n[source.l]\nlocal-registry = \"{missing}\"\n");
        using var registry = _world.Registry();

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("anyhow", "1"))));

        Assert.Equal(
            $"error: failed to get `anyhow` as a dependency of package `root v0.1.0 ({_world.Work})`\n"
            + "\nCaused by:\n  failed to load source for dependency `anyhow`\n"
            + "\nCaused by:\n  unable to update registry `crates-io`\n"
            + "\nCaused by:\n  failed to update replaced source registry `crates-io`\n"
            + $"\nCaused by:\n  local registry path is not a directory: {missing}\n",
            ErrorText.Render(error));
    }

    [Fact]
    public async Task MissingIndexDirectoryIsCargosError()
    {
        Directory.Delete(_registry.IndexRoot);
        UseLocalRegistry();
        using var registry = _world.Registry();

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("anyhow", "1"))));

        Assert.EndsWith($"\nCaused by:\n  local registry index path is not a directory: {_registry.IndexRoot}\n", ErrorText.Render(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MisspelledNameFindsTheOtherSpelling()
    {
        _registry.Publish("serde_json", "1.0.0");
        UseLocalRegistry();
        using var registry = _world.Registry();

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("serde-json", "1"))));

        Assert.Equal(
            "error: no matching package found\nsearched package name: `serde-json`\nperhaps you meant:      serde_json\n"
            + $"location searched: `{_registry.Root}` index (which is replacing registry `crates-io`)\n"
            + $"required by package `root v0.1.0 ({_world.Work})`\n",
            ErrorText.Render(error));
    }

    private void UseLocalRegistry() =>
        _world.Config($"[source.crates-io]\nreplace-with = \"l\"\n[source.l]\nlocal-registry = \"{_registry.Root}\"\n");
}
