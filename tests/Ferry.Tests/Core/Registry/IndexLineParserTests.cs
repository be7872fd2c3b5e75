using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Registry;
using Ferry.Core.Resolution;
using Xunit.Abstractions;

namespace Ferry.Tests.Core.Registry;

public sealed class IndexLineParserTests
{
    private readonly ITestOutputHelper _output;

    public IndexLineParserTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private static IndexSummary Parse(string line) => IndexLineParser.Parse(Encoding.UTF8.GetBytes(line), SourceId.CratesIo);

    [Fact]
    public void ReadsEveryFieldOfALine()
    {
        var candidate = Parse("""
            {"name":"serde","vers":"1.0.152","deps":[{"name":"serde_derive","req":"=1.0.152","features":["x",""],"optional":true,"default_features":false,"target":"cfg(unix)","kind":"normal","registry":null},{"name":"sd","package":"serde_derive","req":"1.0","features":[],"optional":false,"default_features":true,"target":null,"kind":"dev","registry":"https://example.com/index"}],"cksum":"ab","features":{"default":["std"],"std":[]},"features2":{"derive":["dep:serde_derive"]},"yanked":false,"links":"z","rust_version":"1.13","v":2}
            """);
        Assert.Equal(IndexSummaryStatus.Candidate, candidate.Status);
        var summary = candidate.Summary;
        Assert.Equal("serde v1.0.152", summary.PackageId.ToString());
        Assert.Equal("ab", summary.Checksum);
        Assert.Equal("z", summary.Links);
        Assert.Equal("1.13", summary.RustVersion!.ToString());
        Assert.Equal(["default", "derive", "std"], summary.Features.Keys);
        Assert.Equal("dep:serde_derive", summary.Features["derive"].Single().ToString());

        var first = summary.Dependencies[0];
        Assert.Equal(("serde_derive", true, false, DependencyKind.Normal), (first.PackageName, first.Optional, first.DefaultFeatures, first.Kind));
        Assert.Equal(["x"], first.Features.ToArray());
        Assert.Equal("cfg(unix)", first.Platform!.ToString());
        Assert.Equal(SourceId.CratesIo, first.Source);

        var renamed = summary.Dependencies[1];
        Assert.Equal(("serde_derive", "sd", DependencyKind.Development), (renamed.PackageName, renamed.ExplicitNameInToml, renamed.Kind));
        Assert.Equal("registry+https://example.com/index", renamed.Source.ToUrlString());
        Assert.Equal(renamed.Source, renamed.RegistryId);
    }

    [Fact]
    public void OptionalDependenciesGetImplicitFeatures()
    {
        var summary = Parse("""{"name":"a","vers":"1.0.0","deps":[{"name":"b","req":"1","features":[],"optional":true,"default_features":true,"target":null,"kind":"normal"}],"cksum":"c","features":{}}""").Summary;
        Assert.Equal("dep:b", summary.Features["b"].Single().ToString());
    }

    [Theory]
    [InlineData("""{"name":"a","vers":"1.0.0","deps":[],"cksum":"c","features":{},"yanked":true}""", IndexSummaryStatus.Yanked)]
    [InlineData("""{"name":"a","vers":"1.0.0","deps":[],"cksum":"c","features":{},"v":3}""", IndexSummaryStatus.Unsupported)]
    [InlineData("""{"name":"a","vers":"1.0.0","deps":[{"name":"b","req":"^0.51-oldsyn","features":[],"optional":false,"default_features":true,"target":null,"kind":"normal"}],"cksum":"c","features":{}}""", IndexSummaryStatus.Invalid)]
    [InlineData("""{"name":"a","vers":"1.0.0","deps":[],"cksum":"c","features":{"x":["nope"]}}""", IndexSummaryStatus.Invalid)]
    public void StatusFollowsCargosRules(string line, IndexSummaryStatus expected)
    {
        var summary = Parse(line);
        Assert.Equal(expected, summary.Status);
        Assert.Equal("a v1.0.0", summary.Summary.PackageId.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("""{"name":"a"}""")]
    [InlineData("""{"name":"a","vers":"x.y"}""")]
    public void GarbageWithoutNameAndVersionIsAnError(string line)
    {
        Assert.ThrowsAny<Ferry.Util.Diagnostics.FerryException>(() => Parse(line));
    }

    [Fact]
    public void IndexFileParsesOnlyWhatIsAsked()
    {
        var text = """
            {"name":"a","vers":"1.0.0","deps":[],"cksum":"1","features":{}}
            not json at all
            {"name":"a","vers":"1.1.0","deps":[],"cksum":"2","features":{}}
            {"name":"a","vers":"2.0.0","deps":[],"cksum":"3","features":{}}
            """;
        var file = IndexFile.Parse(Encoding.UTF8.GetBytes(text), SourceId.CratesIo);
        Assert.Equal(3, file.Count);
        var req = Ferry.Semver.VersionReq.Parse("^1");
        Assert.Equal(["1", "2"], file.Matching(req.Matches).Select(s => s.Summary.Checksum));
    }

    [Theory]
    [InlineData("a", "1/a")]
    [InlineData("ab", "2/ab")]
    [InlineData("abc", "3/a/abc")]
    [InlineData("Serde", "se/rd/serde")]
    public void IndexPathsFollowTheProtocol(string name, string path) => Assert.Equal(path, IndexPath.For(name));

    /// <summary>Every version of every crate in the real crates.io index closure parses, and fast.</summary>
    [Fact]
    public void ParsesTheRealIndexClosure()
    {
        var archive = Path.Combine(RepoPaths.Conformance, "crates-index", "index-closure-normal-build.tar.gz");
        var files = new List<byte[]>();
        using (var stream = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress))
        using (var tar = new TarReader(stream))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.EntryType == TarEntryType.RegularFile && entry.DataStream is not null && !entry.Name.EndsWith("config.json", StringComparison.Ordinal))
                {
                    using var memory = new MemoryStream();
                    entry.DataStream.CopyTo(memory);
                    files.Add(memory.ToArray());
                }
            }
        }

        var clock = Stopwatch.StartNew();
        int lines = 0, invalid = 0, unsupported = 0;
        foreach (var bytes in files)
        {
            var file = IndexFile.Parse(bytes, SourceId.CratesIo);
            foreach (var summary in file.Matching(_ => true))
            {
                lines++;
                invalid += summary.Status == IndexSummaryStatus.Invalid ? 1 : 0;
                unsupported += summary.Status == IndexSummaryStatus.Unsupported ? 1 : 0;
            }
        }

        clock.Stop();
        _output.WriteLine($"{files.Count} files, {lines} versions parsed fully in {clock.ElapsedMilliseconds} ms ({invalid} invalid, {unsupported} unsupported)");
        Assert.Equal(4237, files.Count);
        Assert.Equal(119463, lines);
        Assert.True(invalid < 50, $"{invalid} invalid lines");
    }
}
