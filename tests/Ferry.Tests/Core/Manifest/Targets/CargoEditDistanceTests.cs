using Ferry.Core.Manifest.Targets;

namespace Ferry.Tests.Core.Manifest.Targets;

public sealed class CargoEditDistanceTests
{
    [Theory]
    [InlineData("foo", "foo", 0)]
    [InlineData("foo", "fob", 1)]
    [InlineData("FOO", "foo", 0)]
    [InlineData("ab", "ba", 1)]
    [InlineData("abcd", "acbd", 1)]
    [InlineData("foo", "a1", 3)]
    [InlineData("kitten", "sitting", 3)]
    public void DistanceIsCaseInsensitiveWithTranspositions(string a, string b, int expected) =>
        Assert.Equal(expected, CargoEditDistance.Distance(a, b, 3));

    [Fact]
    public void DistanceOverTheLimitIsNone()
    {
        Assert.Equal(3, CargoEditDistance.Distance("foo", "demo", 3));
        Assert.Null(CargoEditDistance.Distance("foo", "unrelated", 3));
        Assert.Null(CargoEditDistance.Distance("a", "abcde", 3));
    }

    [Fact]
    public void ClosestTakesTheFirstOfTheNearest()
    {
        List<InferredTarget> candidates = [new("zzzzzz", "a"), new("fo", "b"), new("foo", "c"), new("fox", "d")];
        Assert.Equal("\n\nhelp: a bin with a similar name exists: `fo`", CargoEditDistance.ClosestMessage("fob", candidates, "bin"));
        Assert.Equal(string.Empty, CargoEditDistance.ClosestMessage("unrelated", candidates, "bin"));
    }
}
