using Ferry.Core.Manifest;

namespace Ferry.Tests.Core.Manifest;

/// <summary>The pathdiff crate's <c>diff_paths</c>, used for cwd-relative diagnostics and inherited paths.</summary>
public sealed class PathDiffTests
{
    [Theory]
    [InlineData("/a/b/Cargo.toml", "/a/b", "Cargo.toml")]
    [InlineData("/a/b/Cargo.toml", "/a/b/c", "../Cargo.toml")]
    [InlineData("/a/x/Cargo.toml", "/a/b/c", "../../x/Cargo.toml")]
    [InlineData("/a/b", "/a/b", "")]
    [InlineData("/a/b", "/a/b/c/d", "../..")]
    [InlineData("/LICENSE", "/ws/crates/m", "../../../LICENSE")]
    public void Diffs(string path, string basePath, string expected) => Assert.Equal(expected, PathDiff.Diff(path, basePath));
}
