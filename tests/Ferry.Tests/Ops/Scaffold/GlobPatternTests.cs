using Ferry.Ops.Scaffold;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Ops.Scaffold;

/// <summary>The glob crate's pattern rules as <c>cargo new</c> applies them to <c>workspace.members</c>.</summary>
public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("crates/*", "crates/foo", true)]
    [InlineData("crates/*", "crates/a/b", true)] // `*` crosses `/` with the default options
    [InlineData("crates/*", "crates", false)]
    [InlineData("crates/?oo", "crates/foo", true)]
    [InlineData("crates/[a-f]oo", "crates/foo", true)]
    [InlineData("crates/[!a-f]oo", "crates/foo", false)]
    [InlineData("crates/[]]", "crates/]", true)]
    [InlineData("crates/**", "crates/a/b", true)]
    [InlineData("crates/**/foo", "crates/foo", true)]
    [InlineData("crates/**/foo", "crates/x/y/foo", true)]
    [InlineData("crates/**/foo", "crates/xfoo", false)]
    [InlineData("**", "anything/at/all", true)]
    [InlineData("Foo", "foo", false)]
    [InlineData("crates/foo", "crates/foo", true)]
    [InlineData("é/*", "é/ü", true)]
    public void MatchesLikeTheGlobCrate(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, GlobPattern.Parse(pattern).Matches(path));
    }

    [Theory]
    [InlineData("a**", "Pattern syntax error near position 0: recursive wildcards must form a single path component")]
    [InlineData("**a", "Pattern syntax error near position 2: recursive wildcards must form a single path component")]
    [InlineData("a/***", "Pattern syntax error near position 4: wildcards are either regular `*` or recursive `**`")]
    [InlineData("a/[b", "Pattern syntax error near position 2: invalid range pattern")]
    [InlineData("[!]", "Pattern syntax error near position 0: invalid range pattern")]
    public void SyntaxErrorsUseTheCratesWording(string pattern, string message)
    {
        var error = Assert.Throws<FerryException>(() => GlobPattern.Parse(pattern));
        Assert.Equal(message, error.Message);
    }
}
