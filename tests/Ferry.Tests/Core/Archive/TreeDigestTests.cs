using System.Security.Cryptography;
using System.Text;
using Ferry.Core.Archive;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Core.Archive;

public sealed class TreeDigestTests
{
    private static readonly string A = new('a', 64);
    private static readonly string B = new('b', 64);

    [Fact]
    public void TextFormIsSortedByCodePointAndEscaped()
    {
        var digest = TreeDigest.FromFiles(
        [
            new TreeDigestEntry("\U0001F600.rs", 1, A),
            new TreeDigestEntry("src/lib.rs", 14, B),
            new TreeDigestEntry("\uFFFD.rs", 2, A),
            new TreeDigestEntry("50%\n.txt", 3, B),
            new TreeDigestEntry("Cargo.toml", 0, A),
        ]);

        // U+FFFD sorts before U+1F600 by code point (and UTF-8 bytes), though not by UTF-16 units.
        Assert.Equal(
            "ferry-tree-digest 1\n"
            + $"{B} 3 50%25%0A.txt\n"
            + $"{A} 0 Cargo.toml\n"
            + $"{B} 14 src/lib.rs\n"
            + $"{A} 2 \uFFFD.rs\n"
            + $"{A} 1 \U0001F600.rs\n",
            digest.Text);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(digest.Text))), digest.Value);
    }

    [Fact]
    public void ParseRoundTrips()
    {
        var digest = TreeDigest.FromFiles([new TreeDigestEntry("50%\n.txt", 3, B), new TreeDigestEntry("src/lib.rs", 14, A)]);
        var parsed = TreeDigest.Parse(digest.Text);
        Assert.Equal(digest, parsed);
        Assert.Equal(digest.Files.AsEnumerable(), parsed.Files.AsEnumerable());
        Assert.Equal("ferry-tree-digest 1\n", TreeDigest.FromFiles([]).Text);
    }

    [Theory]
    [InlineData("", "malformed tree digest: it must start with `ferry-tree-digest 1` and end with a newline")]
    [InlineData("ferry-tree-digest 2\n", "malformed tree digest: it must start with `ferry-tree-digest 1` and end with a newline")]
    [InlineData("ferry-tree-digest 1\nxyz 1 a\n", "malformed tree digest: line 2 is not `<sha256> <size> <path>`")]
    [InlineData("ferry-tree-digest 1\n{A} -1 a\n", "malformed tree digest: line 2 is not `<sha256> <size> <path>`")]
    [InlineData("ferry-tree-digest 1\n{A} 1 \n", "malformed tree digest: line 2 is not `<sha256> <size> <path>`")]
    [InlineData("ferry-tree-digest 1\n{A} 1 a%zz\n", "malformed tree digest: line 2 is not `<sha256> <size> <path>`")]
    [InlineData("ferry-tree-digest 1\n{A} 1 b\n{A} 1 a\n", "malformed tree digest: its lines are not in canonical order or form")]
    [InlineData("ferry-tree-digest 1\n{A} 01 a\n", "malformed tree digest: its lines are not in canonical order or form")]
    [InlineData("ferry-tree-digest 1\n{A} 1 a\n{A} 1 a\n", "malformed tree digest: a path is listed twice")]
    public void MalformedDigestsAreRejected(string text, string message)
    {
        var error = Assert.Throws<FerryException>(() => TreeDigest.Parse(text.Replace("{A}", A, StringComparison.Ordinal)));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void ComparisonNamesEachDifference()
    {
        var expected = TreeDigest.FromFiles([new("a", 1, A), new("b", 1, A), new("c", 1, A)]);
        var actual = TreeDigest.FromFiles([new("a", 1, A), new("b", 1, B), new("d", 1, A)]);
        var verification = expected.Compare(actual);
        Assert.Equal(["c"], verification.Missing.AsEnumerable());
        Assert.Equal(["d"], verification.Extra.AsEnumerable());
        Assert.Equal(["b"], verification.Changed.AsEnumerable());
        Assert.False(verification.IsIntact);
        Assert.True(expected.Compare(expected).IsIntact);
    }
}
