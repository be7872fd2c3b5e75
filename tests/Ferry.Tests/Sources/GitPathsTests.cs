using Ferry.Core.Identity;
using Ferry.Core.Urls;
using Ferry.Sources.Git;

namespace Ferry.Tests.Sources;

/// <summary>The names of git databases and checkouts: Cargo's <c>IDENT-HASH</c> shape, one directory per canonical URL.</summary>
public sealed class GitPathsTests
{
    [Theory]
    [InlineData("https://github.com/rust-lang/cargo", "cargo")]
    [InlineData("https://github.com/Rust-Lang/Cargo.git", "cargo")]
    [InlineData("https://example.com/a/repo.git/", "repo")]
    [InlineData("file:///tmp/x/my%20repo", "my%20repo")]
    [InlineData("https://example.com", "_empty")]
    public void IdentIsTheLastSegmentAndAHash(string url, string ident)
    {
        var name = GitPaths.Ident(SourceId.ForGit(Url.Parse(url), GitReference.DefaultBranch));
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(ident)}-[0-9a-f]{{16}}$", name);
    }

    [Fact]
    public void ReferencesOfOneRepositoryShareADatabase()
    {
        var url = Url.Parse("https://github.com/rust-lang/cargo");
        var branch = GitPaths.Ident(SourceId.ForGit(url, GitReference.Branch("master")));
        var tag = GitPaths.Ident(SourceId.ForGit(Url.Parse("https://github.com/rust-lang/cargo.git"), GitReference.Tag("0.1")));
        var other = GitPaths.Ident(SourceId.ForGit(Url.Parse("https://github.com/rust-lang/rust"), GitReference.Tag("0.1")));
        Assert.Equal(branch, tag);
        Assert.NotEqual(branch, other);
        var paths = new GitPaths("/home/u/.cargo");
        Assert.Equal($"/home/u/.cargo/git/checkouts/{branch}/abc1234", paths.Checkout(SourceId.ForGit(url, GitReference.DefaultBranch), "abc1234"));
        Assert.Equal($"/home/u/.cargo/git/db/{branch}", paths.Database(SourceId.ForGit(url, GitReference.DefaultBranch)));
    }
}
