using Ferry.Semver;
using Version = Ferry.Semver.Version;

namespace Ferry.Tests.Semver;

/// <summary>The small cargo-specific helpers the resolver and lockfile code use.</summary>
public sealed class CargoHelperTests
{
    [Theory]
    [InlineData("1.2.3", SemverCompatibilityKind.Major, 1ul, "1")]
    [InlineData("1.9.0-rc.1+b", SemverCompatibilityKind.Major, 1ul, "1")]
    [InlineData("0.3.7", SemverCompatibilityKind.Minor, 3ul, "0.3")]
    [InlineData("0.3.0-alpha", SemverCompatibilityKind.Minor, 3ul, "0.3")]
    [InlineData("0.0.4", SemverCompatibilityKind.Patch, 4ul, "0.0.4")]
    [InlineData("0.0.0", SemverCompatibilityKind.Patch, 0ul, "0.0.0")]
    public void CompatibilityKey(string version, SemverCompatibilityKind kind, ulong value, string display)
    {
        var key = Version.Parse(version).Compatibility;
        Assert.Equal(new SemverCompatibility(kind, value), key);
        Assert.Equal(display, key.ToString());
    }

    [Fact]
    public void CompatibleVersionsShareAKeyAndIncompatibleOnesDoNot()
    {
        Assert.Equal(Version.Parse("1.0.0").Compatibility, Version.Parse("1.99.3").Compatibility);
        Assert.Equal(Version.Parse("0.4.1").Compatibility, Version.Parse("0.4.20").Compatibility);
        Assert.NotEqual(Version.Parse("0.4.1").Compatibility, Version.Parse("0.5.0").Compatibility);
        Assert.NotEqual(Version.Parse("0.0.1").Compatibility, Version.Parse("0.0.2").Compatibility);
        Assert.NotEqual(Version.Parse("1.0.0").Compatibility, Version.Parse("0.1.0").Compatibility);
    }

    [Fact]
    public void CompatibilityKeysSortLikeCargosEnum()
    {
        // Major(_) < Minor(_) < Patch(_), then by value.
        var keys = new[] { "0.0.9", "0.2.0", "3.0.0", "0.0.1", "1.0.0", "0.10.0" }
            .Select(v => Version.Parse(v).Compatibility)
            .Order()
            .Select(k => k.ToString());
        Assert.Equal(["1", "3", "0.2", "0.10", "0.0.1", "0.0.9"], keys);
    }

    [Fact]
    public void ExactRequirement()
    {
        var req = VersionReq.Exact(Version.Parse("1.2.3-rc.1+build.5"));
        Assert.Equal("=1.2.3-rc.1", req.ToString());
        Assert.True(req.IsExact);
        Assert.True(req.Matches(Version.Parse("1.2.3-rc.1")));
        Assert.True(req.Matches(Version.Parse("1.2.3-rc.1+other")));
        Assert.False(req.Matches(Version.Parse("1.2.3")));
        Assert.Equal(VersionReq.Parse("=1.2.3-rc.1"), req);
    }

    [Theory]
    [InlineData("=1.2.3", true)]
    [InlineData("= 1.2.3-alpha", true)]
    [InlineData("=1.2", false)]
    [InlineData("=1", false)]
    [InlineData("1.2.3", false)]
    [InlineData("=1.2.3, =1.2.3", false)]
    [InlineData("*", false)]
    public void IsExactFollowsCargo(string req, bool exact)
    {
        Assert.Equal(exact, VersionReq.Parse(req).IsExact);
    }

    [Theory]
    [InlineData("1.2.3", "1.2.3", true)]
    [InlineData("1.2.3", "1.9.0", true)]
    [InlineData("1.2.3", "2.0.0", false)]
    [InlineData("1.2.3", "1.2.2", false)]
    [InlineData("1.2.3", "1.3.0-beta", false)]
    [InlineData("0.3.1", "0.3.9", true)]
    [InlineData("0.3.1", "0.4.0", false)]
    [InlineData("0.0.4", "0.0.5", false)]
    [InlineData("1.0.0-rc.1", "1.0.0-rc.2", true)]
    [InlineData("1.0.0-rc.1", "1.0.0", true)]
    [InlineData("1.2.3", "1.2.4+build", true)]
    public void CaretCompatibility(string locked, string candidate, bool compatible)
    {
        var l = Version.Parse(locked);
        var c = Version.Parse(candidate);
        Assert.Equal(compatible, l.IsCaretCompatible(c));
        Assert.Equal(compatible, l.ToCaretReq().Matches(c));
        Assert.Equal("^" + l.WithoutBuild(), l.ToCaretReq().ToString());
    }

    [Fact]
    public void AnyIsStar()
    {
        Assert.Same(VersionReq.Star, VersionReq.Any);
        Assert.True(VersionReq.Any.Matches(Version.Parse("0.0.1")));
        Assert.False(VersionReq.Any.Matches(Version.Parse("1.0.0-alpha")));
        Assert.Equal(VersionReq.Star, VersionReq.Parse("  x  "));
    }

    [Fact]
    public void PrecedenceIgnoresBuildButOrderingDoesNot()
    {
        var a = Version.Parse("1.2.3+23");
        var b = Version.Parse("1.2.3+42");
        Assert.Equal(0, a.ComparePrecedence(b));
        Assert.True(a < b);
        Assert.NotEqual(a, b);
        Assert.Equal(Version.Parse("1.2.3"), a.WithoutBuild());
    }

    [Fact]
    public void ComparatorInvariantsAreEnforced()
    {
        Assert.Throws<ArgumentException>(() => new Comparator(Op.Caret, 1, null, 2, Prerelease.Empty));
        Assert.Throws<ArgumentException>(() => new Comparator(Op.Caret, 1, 2, null, Prerelease.Parse("rc")));
        var built = new VersionReq([new Comparator(Op.GreaterEq, 1, 2, null, Prerelease.Empty), new Comparator(Op.Less, 2, null, null, Prerelease.Empty)]);
        Assert.Equal(VersionReq.Parse(">=1.2, <2"), built);
        Assert.Equal(">=1.2, <2", built.ToString());
    }
}
