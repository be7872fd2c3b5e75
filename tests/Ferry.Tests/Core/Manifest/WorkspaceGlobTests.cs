using Ferry.Core.Manifest;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Core.Manifest;

/// <summary><c>workspace.members</c> patterns with the glob crate's semantics and messages.</summary>
public sealed class WorkspaceGlobTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ferry-glob-").FullName;

    public WorkspaceGlobTests()
    {
        foreach (var dir in new[] { "crates/b", "crates/a", "crates/.hidden", "crates/B2", "crates/a/nested", "tools/x1", "tools/x22" })
        {
            Directory.CreateDirectory(Path.Join(_root, dir));
        }

        File.WriteAllText(Path.Join(_root, "crates", "file.txt"), string.Empty);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("crates/*", "crates/.hidden crates/B2 crates/a crates/b crates/file.txt")]
    [InlineData("crates/[ab]", "crates/a crates/b")]
    [InlineData("crates/[!ab]*", "crates/.hidden crates/B2 crates/file.txt")]
    [InlineData("tools/x?", "tools/x1")]
    [InlineData("tools/x*", "tools/x1 tools/x22")]
    [InlineData("crates/a", "crates/a")]
    [InlineData("crates/missing", "")]
    [InlineData("crates/*/nested", "crates/a/nested")]
    [InlineData("crates/**", "crates/.hidden crates/B2 crates/a crates/a/nested crates/b")]
    [InlineData("crates/a/", "crates/a")]
    // glob 0.3.0 (Cargo 1.95's) does not yield the directory a trailing `**` starts from.
    public void Expands(string pattern, string expected)
    {
        var matches = WorkspaceGlob.Expand(Path.Join(_root, pattern));
        Assert.Equal(expected, string.Join(' ', matches.Select(m => Path.GetRelativePath(_root, m))));
    }

    [Theory]
    [InlineData("a/[b", "invalid range pattern", 2)]
    [InlineData("a/***", "wildcards are either regular `*` or recursive `**`", 4)]
    [InlineData("a/**b", "recursive wildcards must form a single path component", 4)]
    [InlineData("a/b**", "recursive wildcards must form a single path component", 2)]
    public void BadPatternsFailLikeCargo(string pattern, string reason, int offset)
    {
        var full = Path.Join(_root, pattern);
        var error = Assert.ThrowsAny<FerryException>(() => WorkspaceGlob.Expand(full));
        Assert.Equal($"could not parse pattern `{full}`", error.Message);
        Assert.Equal($"Pattern syntax error near position {_root.Length + 1 + offset}: {reason}", error.InnerException!.Message);
    }
}
