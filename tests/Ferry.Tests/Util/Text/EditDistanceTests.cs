using Ferry.Util.Text;

namespace Ferry.Tests.Util.Text;

public sealed class EditDistanceTests
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
        Assert.Equal(expected, EditDistance.Distance(a, b, 3));

    [Fact]
    public void DistanceOverTheLimitIsNone()
    {
        Assert.Equal(3, EditDistance.Distance("foo", "demo", 3));
        Assert.Null(EditDistance.Distance("foo", "unrelated", 3));
        Assert.Null(EditDistance.Distance("a", "abcde", 3));
    }

    [Fact]
    public void ClosestTakesTheFirstOfTheNearest()
    {
        string[] candidates = ["zzzzzz", "fo", "foo", "fox"];
        Assert.Equal("\n\nhelp: a bin with a similar name exists: `fo`", EditDistance.ClosestMessage("fob", candidates, "bin"));
        Assert.Equal(string.Empty, EditDistance.ClosestMessage("unrelated", candidates, "bin"));
    }
}
