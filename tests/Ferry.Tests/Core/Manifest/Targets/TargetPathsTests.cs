using Ferry.Core.Manifest.Targets;

namespace Ferry.Tests.Core.Manifest.Targets;

public sealed class TargetPathsTests
{
    [Theory]
    [InlineData("src/main.rs", "src/main.rs")]
    [InlineData("./src/main.rs", "src/main.rs")]
    [InlineData("src//x/./y.rs", "src/x/y.rs")]
    [InlineData("src/", "src")]
    [InlineData("./src/../src/main.rs", "src/main.rs")]
    [InlineData("../outside/main.rs", "../outside/main.rs")]
    [InlineData("../../a/../../b.rs", "../../../b.rs")]
    [InlineData("/abs/../c.rs", "/c.rs")]
    [InlineData("/../c.rs", "/c.rs")]
    [InlineData("a/..", "")]
    [InlineData("", "")]
    public void NormalizeIsCargosLexicalNormalization(string path, string expected)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Assert.Equal(expected, TargetPaths.Normalize(path));
    }

    [Theory]
    [InlineData("build.rs", "build")]
    [InlineData("tools/gen.rs", "gen")]
    [InlineData("a.b.rs", "a.b")]
    [InlineData(".hidden", ".hidden")]
    [InlineData("foo.", "foo")]
    [InlineData("dir/", "dir")]
    [InlineData("a/.", "a")]
    [InlineData("", null)]
    [InlineData("..", null)]
    [InlineData("x/..", null)]
    [InlineData("./", null)]
    public void FileStemFollowsRust(string path, string? expected) => Assert.Equal(expected, TargetPaths.FileStem(path));

    [Fact]
    public void PathsEqualByComponents()
    {
        Assert.Equal(TargetPaths.ComponentKey("/p/src/main.rs"), TargetPaths.ComponentKey("/p/./src//main.rs/"));
        Assert.NotEqual(TargetPaths.ComponentKey("/p/src/main.rs"), TargetPaths.ComponentKey("/p/src/../src/main.rs"));
        Assert.NotEqual(TargetPaths.ComponentKey("/p/a"), TargetPaths.ComponentKey("/p/b"));
    }

    [Fact]
    public void ResolveJoinsLikeRust()
    {
        Assert.Equal("/p/src/main.rs", TargetPaths.Resolve("/p", "src/main.rs"));
        Assert.Equal("/p/src/main.rs", TargetPaths.Resolve("/p/", "src/main.rs"));
        Assert.Equal("/abs/c.rs", TargetPaths.Resolve("/p", "/abs/c.rs"));
    }
}
