using System.Diagnostics;
using Ferry.Core.Archive;
using Xunit.Abstractions;

namespace Ferry.Tests.Core.Archive;

/// <summary>
/// Checking an entry must cost time linear in its name. An archive of 20,000 files at the
/// bottom of one 1,000-level directory chain is legal; looking up every ancestor by its full
/// path would hash ~20 GB of text, walking the tree by component takes a moment.
/// </summary>
[Collection(nameof(SerialArchiveCollection))]
public sealed class PathComplexityTests
{
    private readonly ITestOutputHelper _output;

    public PathComplexityTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task DeepPathsCostLinearTime()
    {
        var chain = string.Join('/', Enumerable.Repeat("a", 1000));
        var tar = new TestTar();
        for (var i = 0; i < 20_000; i++)
        {
            tar.Pax(("path", $"{TestTar.Root}/{chain}/f{i}")).Entry("ignored", (byte)'0', []);
        }

        var crate = tar.End().Gzip();
        var clock = Stopwatch.StartNew();
        var listing = await CrateArchiveReader.VerifyAsync(new MemoryStream(crate), TestTar.Root);
        clock.Stop();
        _output.WriteLine($"verified {listing.Entries.Length} entries 1000 levels deep in {clock.ElapsedMilliseconds} ms");

        Assert.Equal(20_000, listing.Entries.Length);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }
}
