using Ferry.Core.Identity;
using Ferry.Sources.Registry;
using Ferry.Tests.Sources.Support;

namespace Ferry.Tests.Sources;

/// <summary>The <c>dl</c> template of config.json (Cargo's <c>crate_url</c>).</summary>
public sealed class CrateDownloadUrlTests
{
    private const string Sum = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("https://crates.io/api/v1/crates", "serde", "1.0.0", "https://crates.io/api/v1/crates/serde/1.0.0/download")]
    [InlineData("https://static.crates.io/crates", "Inflector", "0.11.4", "https://static.crates.io/crates/Inflector/0.11.4/download")]
    [InlineData("https://dl.example.com/{crate}/{crate}-{version}.crate", "serde", "1.0.0+build", "https://dl.example.com/serde/serde-1.0.0+build.crate")]
    [InlineData("https://dl.example.com/{prefix}/{crate}", "Inflector", "1.0.0", "https://dl.example.com/In/fl/Inflector")]
    [InlineData("https://dl.example.com/{lowerprefix}/{crate}", "Inflector", "1.0.0", "https://dl.example.com/in/fl/Inflector")]
    [InlineData("https://dl.example.com/{prefix}/{crate}", "a", "1.0.0", "https://dl.example.com/1/a")]
    [InlineData("https://dl.example.com/{prefix}/{crate}", "ab", "1.0.0", "https://dl.example.com/2/ab")]
    [InlineData("https://dl.example.com/{prefix}/{crate}", "Abc", "1.0.0", "https://dl.example.com/3/A/Abc")]
    [InlineData("https://dl.example.com/{lowerprefix}/{crate}", "Abc", "1.0.0", "https://dl.example.com/3/a/Abc")]
    [InlineData("https://dl.example.com/by-sum/{sha256-checksum}", "serde", "1.0.0", "https://dl.example.com/by-sum/" + Sum)]
    public void Template(string dl, string name, string version, string expected) =>
        Assert.Equal(expected, CrateDownloadUrl.For(dl, name, version, Sum));

    [Fact]
    public async Task ResolvedPackagesKnowTheirDownloadUrl()
    {
        using var world = new SourceWorld();
        using var fixture = new TestRegistry { Dl = "https://static.example.com/{lowerprefix}/{crate}/{version}" };
        fixture.Publish("Serde", "1.0.0");
        using var server = fixture.Serve();
        world.ReplaceCratesIo(server.BaseUrl + "/index/");
        using var registry = world.Registry();

        var resolve = (await SourceWorld.ResolveAsync(registry, world.RootPackage(SourceWorld.CratesIo("Serde", "1")))).Resolve;

        var id = resolve.Packages.Single(p => p.Name == "Serde");
        Assert.Same(SourceId.CratesIo, id.Source);
        Assert.Equal("https://static.example.com/se/rd/Serde/1.0.0", await registry.DownloadLocationAsync(id, resolve.Checksums[id]!, CancellationToken.None));

        // Offline, the cached config.json answers.
        using var offline = world.Registry(Ferry.Core.Configuration.CliOverrides.None with { Offline = true });
        var again = (await SourceWorld.ResolveAsync(offline, world.RootPackage(SourceWorld.CratesIo("Serde", "1")))).Resolve;
        Assert.Equal("https://static.example.com/se/rd/Serde/1.0.0", await offline.DownloadLocationAsync(id, again.Checksums[id]!, CancellationToken.None));
        Assert.Equal(0, offline.Statistics.Requests);
    }
}
