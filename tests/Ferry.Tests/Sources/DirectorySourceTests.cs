using Ferry.Core.Identity;
using Ferry.Tests.Sources.Support;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Sources;

/// <summary>
/// <c>directory</c> sources (vendored packages) replacing crates.io: summaries from each
/// package's manifest, checksums from <c>.cargo-checksum.json</c>, Cargo's skipping rules and
/// errors (texts as printed by cargo 1.95).
/// </summary>
public sealed class DirectorySourceTests : IDisposable
{
    private readonly SourceWorld _world = new();
    private readonly FakeManifests _manifests = new();
    private readonly string _vendor;

    public DirectorySourceTests()
    {
        _vendor = Path.Combine(_world.Root, "vendor");
        Directory.CreateDirectory(_vendor);
        _world.Config($"[source.crates-io]\nreplace-with = \"vendored\"\n[source.vendored]\ndirectory = \"{_vendor}\"\n");
    }

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task VendoredPackagesResolveUnderCratesIoWithTheirChecksums()
    {
        Vendor("a-1.0.0", "a", "1.0.0", "aaaa", SourceWorld.CratesIo("b", "0.2"));
        Vendor("b", "b", "0.2.3", null);
        Vendor(".hidden", "hidden", "1.0.0", "cccc");
        Directory.CreateDirectory(Path.Combine(_vendor, "leftover"));
        File.WriteAllText(Path.Combine(_vendor, "README.md"), "vendored crates");
        using var registry = _world.Registry(manifests: _manifests);

        var outcome = await SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("a", "1")));

        var resolve = outcome.Resolve;
        Assert.Equal(["a 1.0.0", "b 0.2.3"], SourceWorld.Packages(resolve));
        var a = resolve.Packages.Single(id => id.Name == "a");
        var b = resolve.Packages.Single(id => id.Name == "b");
        Assert.Same(SourceId.CratesIo, a.Source);
        Assert.Equal("aaaa", resolve.Checksums[a]);
        Assert.Null(resolve.Checksums[b]);
        Assert.Equal(2, _manifests.Reads.Count);
        Assert.Null(await registry.DownloadLocationAsync(a, "aaaa", CancellationToken.None));
    }

    [Fact]
    public async Task OutdatedVendorDirectoryHintsAtReVendoring()
    {
        Vendor("a-1.0.0", "a", "1.0.0", "aaaa");
        using var registry = _world.Registry(manifests: _manifests);

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("a", "2"))));

        Assert.Equal(
            "error: failed to select a version for the requirement `a = \"^2\"`\n"
            + "candidate versions found which didn't match: 1.0.0\n"
            + $"location searched: directory source `{_vendor}` (which is replacing registry `crates-io`)\n"
            + $"required by package `root v0.1.0 ({_world.Work})`\n"
            + "perhaps a crate was updated and forgotten to be re-vendored?\n",
            ErrorText.Render(error));
    }

    [Fact]
    public async Task UnknownNameSuggestsVendoredNames()
    {
        Vendor("a-1.0.0", "a", "1.0.0", "aaaa");
        using var registry = _world.Registry(manifests: _manifests);

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("b", "2"))));

        Assert.Equal(
            "error: no matching package found\nsearched package name: `b`\nperhaps you meant:      a\n"
            + $"location searched: directory source `{_vendor}` (which is replacing registry `crates-io`)\n"
            + $"required by package `root v0.1.0 ({_world.Work})`\n",
            ErrorText.Render(error));
    }

    [Fact]
    public async Task MissingChecksumFileFailsTheSource()
    {
        Vendor("a-1.0.0", "a", "1.0.0", "aaaa");
        File.Delete(Path.Combine(_vendor, "a-1.0.0", ".cargo-checksum.json"));
        using var registry = _world.Registry(manifests: _manifests);

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("a", "1"))));

        Assert.Equal(
            $"error: failed to get `a` as a dependency of package `root v0.1.0 ({_world.Work})`\n"
            + "\nCaused by:\n  failed to load source for dependency `a`\n"
            + "\nCaused by:\n  unable to update registry `crates-io`\n"
            + "\nCaused by:\n  failed to update replaced source registry `crates-io`\n"
            + "\nCaused by:\n  failed to load checksum `.cargo-checksum.json` of a v1.0.0\n"
            + $"\nCaused by:\n  failed to read `{Path.Combine(_vendor, "a-1.0.0", ".cargo-checksum.json")}`\n"
            + "\nCaused by:\n  No such file or directory (os error 2)\n",
            ErrorText.Render(error));
    }

    [Fact]
    public async Task UndecodableChecksumFileFailsTheSource()
    {
        Vendor("a-1.0.0", "a", "1.0.0", "aaaa");
        File.WriteAllText(Path.Combine(_vendor, "a-1.0.0", ".cargo-checksum.json"), "{\"files\":");
        using var registry = _world.Registry(manifests: _manifests);

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("a", "1"))));

        Assert.Contains("\nCaused by:\n  failed to decode `.cargo-checksum.json` of a v1.0.0\n\nCaused by:\n  ", ErrorText.Render(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingRootIsCargosError()
    {
        Directory.Delete(_vendor);
        using var registry = _world.Registry(manifests: _manifests);

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("a", "1"))));

        Assert.EndsWith(
            "\nCaused by:\n  failed to update replaced source registry `crates-io`\n"
            + $"\nCaused by:\n  failed to read root of directory source: {_vendor}\n"
            + "\nCaused by:\n  No such file or directory (os error 2)\n",
            ErrorText.Render(error),
            StringComparison.Ordinal);
    }

    private void Vendor(string directory, string name, string version, string? checksum, params Ferry.Core.Dependencies.Dependency[] deps)
    {
        var path = Path.Combine(_vendor, directory);
        _manifests.Add(path, name, version, deps);
        var package = checksum is null ? "null" : $"\"{checksum}\"";
        File.WriteAllText(Path.Combine(path, ".cargo-checksum.json"), $"{{\"files\":{{\"src/lib.rs\":\"00\"}},\"package\":{package}}}");
    }
}
