using Ferry.Ops.Scaffold;

namespace Ferry.Tests.Ops.Scaffold;

/// <summary>Rust's path rules, which decide the names and paths <c>new</c>/<c>init</c> print.</summary>
public sealed class RustPathTests
{
    [Theory]
    [InlineData("/w/foo", "foo")]
    [InlineData("/w/foo/", "foo")]
    [InlineData("/w/foo/.", "foo")]
    [InlineData("/w/foo/./", "foo")]
    [InlineData("/w/..", null)]
    [InlineData("/", null)]
    [InlineData("foo", "foo")]
    public void FileName(string path, string? expected) => Assert.Equal(expected, RustPath.FileName(path));

    [Theory]
    [InlineData("/w/p/./src/lib.rs", "/w/p/./src")]
    [InlineData("/w/p/.", "/w")]
    [InlineData("/w/p/", "/w")]
    [InlineData("/w", "/")]
    [InlineData("/", null)]
    [InlineData("foo", "")]
    [InlineData("", null)]
    public void ParentKeepsTheSpelling(string path, string? expected) => Assert.Equal(expected, RustPath.Parent(path));

    [Theory]
    [InlineData("/home/me/.", "/home/me", true)]
    [InlineData("/home//me/", "/home/me", true)]
    [InlineData("/home/me/..", "/home", false)]
    public void SameComparesComponents(string left, string right, bool expected) => Assert.Equal(expected, RustPath.Same(left, right));

    [Theory]
    [InlineData("/w/ws/../out/./Cargo.toml", "/w/out/Cargo.toml")]
    [InlineData("/../a", "/a")]
    public void Normalize(string path, string expected) => Assert.Equal(expected, RustPath.Normalize(path));

    [Theory]
    [InlineData("/w/ws/crates/foo", "/w/ws", "crates/foo")]
    [InlineData("/w/cwd/../ws/foo", "/w/ws", "../cwd/../ws/foo")]
    [InlineData("/w/ws", "/w/ws", "")]
    [InlineData("/w", "/w/ws", "..")]
    public void DiffLikePathdiff(string path, string basePath, string expected) => Assert.Equal(expected, RustPath.Diff(path, basePath));

    [Fact]
    public void JoinTakesAbsolutePathsAsTheyAre()
    {
        Assert.Equal("/w/foo", RustPath.Join("/w", "foo"));
        Assert.Equal("/w/.", RustPath.Join("/w", "."));
        Assert.Equal("/abs", RustPath.Join("/w", "/abs"));
        Assert.Equal("/w/x", RustPath.Join("/w/", "x"));
    }

    [Fact]
    public void DebugQuotesLikeRust() => Assert.Equal("\"/a \\\"b\\\"\\\\c\\n\"", RustPath.Debug("/a \"b\"\\c\n"));

    [Fact]
    public void CreateDirAllCreatesTheDirectoryBeforeParentReferences()
    {
        var root = Path.Combine(Path.GetTempPath(), "ferry-rustpath-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            RustPath.CreateDirAll(root + "/x/../y");
            Assert.True(Directory.Exists(Path.Combine(root, "x")));
            Assert.True(Directory.Exists(Path.Combine(root, "y")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
