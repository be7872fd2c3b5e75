using System.Text;
using Ferry.Toml;
using Xunit.Abstractions;

namespace Ferry.Tests.Toml;

/// <summary>Every real Cargo.toml and Cargo.lock in the conformance data parses and prints back byte for byte.</summary>
public sealed class RoundTripTests
{
    private readonly ITestOutputHelper _output;

    public RoundTripTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void EveryManifestAndLockfileRoundTrips()
    {
        var files = Directory.EnumerateFiles(TestData.LockfilesRoot, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is "Cargo.toml" or "Cargo.lock")
            .Order(StringComparer.Ordinal)
            .ToList();
        var failures = new List<string>();
        int manifests = 0;
        int locks = 0;
        foreach (string file in files)
        {
            byte[] bytes = File.ReadAllBytes(file);
            try
            {
                var document = TomlDocument.Parse(bytes);
                if (!Encoding.UTF8.GetBytes(document.ToString()).AsSpan().SequenceEqual(bytes))
                {
                    failures.Add($"{file}: output differs");
                }
                else if (file.EndsWith(".lock", StringComparison.Ordinal))
                {
                    locks++;
                }
                else
                {
                    manifests++;
                }
            }
            catch (TomlParseException e)
            {
                failures.Add($"{file}: {e.Message}");
            }
        }
        _output.WriteLine($"round trip: {files.Count - failures.Count}/{files.Count} files ({manifests} Cargo.toml, {locks} Cargo.lock)");
        Assert.True(files.Count > 1000, "the lockfile corpus looks truncated");
        Assert.Empty(failures);
    }

    [Fact]
    public void DecorLongerThanSixtyFourThousandCharactersRoundTrips()
    {
        string comments = string.Concat(Enumerable.Repeat("# a comment line of some length\n", 3000));
        string spaces = new(' ', 70_000);
        string text = comments + "a =" + spaces + "1" + spaces + "# end\n" + comments + "[t]" + spaces + "\n";
        var document = TomlDocument.Parse(text);
        Assert.Equal(text, document.ToString());
        Assert.Equal(comments, document.Root.GetKey("a")!.Decor.Prefix);
        Assert.Equal(spaces, document.Root["a"].Decor.Prefix);
        Assert.Equal(spaces + "# end", document.Root["a"].Decor.Suffix);
        Assert.Equal(comments, document.Root["t"].Decor.Prefix);
    }

    [Theory]
    [InlineData("a = 1")]
    [InlineData("a = 1\r\nb = 2\r\n")]
    [InlineData("\uFEFFa = 1\n")]
    [InlineData("  # only a comment   ")]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("[ a . \"b\" . 'c' ]   # header\n  x\t=\t0x1_F   # odd spacing\n")]
    [InlineData("x = [ 1 ,2,\n  # c\n  3 , ]\ny = { a = 1, b.c = 'x' }\n[[t]]\n[[t]]\nz = 1979-05-27 07:32:00.123456789-07:00 \n")]
    [InlineData("s = \"\"\"\r\nline\\\r\n   more\"\"\"\r\nl = '''\n''x'''''")]
    public void SmallDocumentsRoundTrip(string text)
    {
        Assert.Equal(text, TomlDocument.Parse(text).ToString());
    }
}
