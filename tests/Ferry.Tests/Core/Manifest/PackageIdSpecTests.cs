using Ferry.Core.Identity;
using Ferry.Core.Urls;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Core.Manifest;

/// <summary>Package id specs: parsing, display and matching, from cargo-util-schemas' own test table.</summary>
public sealed class PackageIdSpecTests
{
    [Theory]
    [InlineData("foo", "foo")]
    [InlineData("foo@1.4", "foo@1.4")]
    [InlineData("foo@1.4.3", "foo@1.4.3")]
    [InlineData("foo:1.2.3", "foo@1.2.3")]
    [InlineData("https://crates.io/foo", "https://crates.io/foo")]
    [InlineData("https://crates.io/foo#1.2.3", "https://crates.io/foo#1.2.3")]
    [InlineData("https://crates.io/foo#1.2", "https://crates.io/foo#1.2")]
    [InlineData("https://crates.io/foo#bar", "https://crates.io/foo#bar")]
    [InlineData("https://crates.io/foo#bar@1.2.3", "https://crates.io/foo#bar@1.2.3")]
    [InlineData("registry+https://crates.io/foo#bar@1.2.3", "registry+https://crates.io/foo#bar@1.2.3")]
    [InlineData("sparse+https://crates.io/foo#bar@1.2.3", "sparse+https://crates.io/foo#bar@1.2.3")]
    [InlineData("path+file:///path/to/my/project/foo", "path+file:///path/to/my/project/foo")]
    [InlineData("path+file:///path/to/my/project/foo#1.1.8", "path+file:///path/to/my/project/foo#1.1.8")]
    [InlineData("git+https://github.com/rust-lang/cargo#0.52.0", "git+https://github.com/rust-lang/cargo#0.52.0")]
    [InlineData("git+https://github.com/rust-lang/cargo?branch=dev#cargo@0.52.0", "git+https://github.com/rust-lang/cargo?branch=dev#0.52.0")]
    [InlineData("file:///path/to/my/project/foo", "file:///path/to/my/project/foo")]
    public void ParsesAndDisplaysLikeCargo(string spec, string display)
    {
        var parsed = PackageIdSpec.Parse(spec);
        Assert.Equal(display, parsed.ToString());
        Assert.Equal(parsed, PackageIdSpec.Parse(parsed.ToString()));
    }

    [Theory]
    [InlineData("baz:", "expected a version like \"1.32\"")]
    [InlineData("baz:*", "unexpected version requirement, expected a version like \"1.32\"")]
    [InlineData("baz@", "expected a version like \"1.32\"")]
    [InlineData("baz@^1.0", "unexpected version requirement, expected a version like \"1.32\"")]
    [InlineData("https://baz:1.0", "invalid character `:` in package name: `https://baz`, characters must be Unicode XID characters (numbers, `-`, `_`, or most letters)")]
    [InlineData("foobar+https://github.com/rust-lang/crates.io-index", "unsupported source protocol: foobar")]
    [InlineData("path+https://github.com/rust-lang/crates.io-index", "`path+https` is unsupported; `path+file` and `file` schemes are supported")]
    [InlineData("registry+https://example.com/foo?x=1", "cannot have a query string in a pkgid: registry+https://example.com/foo?x=1")]
    [InlineData("https://example.com/foo#", "pkgid url cannot have an empty fragment")]
    public void BadSpecs(string spec, string message)
    {
        var error = Assert.ThrowsAny<FerryException>(() => PackageIdSpec.Parse(spec));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("foo", true)]
    [InlineData("bar", false)]
    [InlineData("foo:1.2.3", true)]
    [InlineData("foo:1.2.2", false)]
    [InlineData("foo@1.2", true)]
    [InlineData("https://example.com#foo@1.2", true)]
    [InlineData("https://bob.com#foo@1.2", false)]
    [InlineData("registry+https://example.com#foo@1.2", true)]
    [InlineData("git+https://example.com#foo@1.2", false)]
    public void Matches(string spec, bool expected)
    {
        var id = new PackageId("foo", Ferry.Semver.Version.Parse("1.2.3"), SourceId.ForRegistry(Url.Parse("https://example.com")));
        Assert.Equal(expected, PackageIdSpec.Parse(spec).Matches(id));
    }
}
