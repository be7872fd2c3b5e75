using Ferry.Semver;
using Version = Ferry.Semver.Version;

namespace Ferry.Tests.Semver;

/// <summary><see cref="SemverParseException.Position"/> points at the character a manifest loader should underline.</summary>
public sealed class ParseErrorPositionTests
{
    [Theory]
    [InlineData("", 0, SemverErrorKind.Empty)]
    [InlineData("1", 1, SemverErrorKind.UnexpectedEnd)]
    [InlineData("1.2.3 abc", 5, SemverErrorKind.UnexpectedCharAfter)]
    [InlineData("1.x.3", 2, SemverErrorKind.UnexpectedChar)]
    [InlineData("1.02.3", 2, SemverErrorKind.LeadingZero)]
    [InlineData("1.2.99999999999999999999", 4, SemverErrorKind.Overflow)]
    [InlineData("1.2.3-a..b", 8, SemverErrorKind.EmptySegment)]
    [InlineData("1.2.3-a.01", 8, SemverErrorKind.LeadingZero)]
    [InlineData("1.2.3+", 6, SemverErrorKind.EmptySegment)]
    public void VersionErrorPositions(string input, int position, SemverErrorKind kind)
    {
        var ex = Assert.Throws<SemverParseException>(() => Version.Parse(input));
        Assert.Equal((position, kind), (ex.Position, ex.Kind));
    }

    [Theory]
    [InlineData("1.0.0 - 2.0", 6, SemverErrorKind.ExpectedCommaFound)]
    [InlineData(">=1.0, <2.0 || 3", 12, SemverErrorKind.ExpectedCommaFound)]
    [InlineData("  v1", 2, SemverErrorKind.UnexpectedChar)]
    [InlineData("1.0, >=", 7, SemverErrorKind.UnexpectedEnd)]
    [InlineData("1.0, *", 5, SemverErrorKind.WildcardNotTheOnlyComparator)]
    [InlineData("*, 1.0", 0, SemverErrorKind.WildcardNotTheOnlyComparator)]
    [InlineData("*.1", 1, SemverErrorKind.UnexpectedAfterWildcard)]
    [InlineData("1.*.1", 4, SemverErrorKind.UnexpectedAfterWildcard)]
    public void RequirementErrorPositions(string input, int position, SemverErrorKind kind)
    {
        var ex = Assert.Throws<SemverParseException>(() => VersionReq.Parse(input));
        Assert.Equal((position, kind), (ex.Position, ex.Kind));
    }

    [Fact]
    public void ThirtyThirdComparatorIsReportedWhereItStarts()
    {
        var input = string.Join(", ", Enumerable.Range(1, 33).Select(i => ">" + i));
        var ex = Assert.Throws<SemverParseException>(() => VersionReq.Parse(input));
        Assert.Equal("excessive number of version comparators", ex.Message);
        Assert.Equal(input.LastIndexOf(">33", StringComparison.Ordinal), ex.Position);

        // 32 is still fine.
        Assert.Equal(32, VersionReq.Parse(string.Join(", ", Enumerable.Range(1, 32).Select(i => ">" + i))).Comparators.Length);
    }

    [Fact]
    public void AstralCharacterIsQuotedWhole()
    {
        var ex = Assert.Throws<SemverParseException>(() => VersionReq.Parse("1.0.0🦀"));
        Assert.Equal("expected comma after patch version number, found '🦀'", ex.Message);
        Assert.Equal(5, ex.Position);
    }

    [Fact]
    public void TryParseDoesNotThrow()
    {
        Assert.False(Version.TryParse("1.0", out var v));
        Assert.Null(v);
        Assert.False(VersionReq.TryParse("1.0 - 2.0", out var r));
        Assert.Null(r);
        Assert.False(Comparator.TryParse("1.0, 2.0", out var c));
        Assert.Null(c);
        Assert.True(Version.TryParse("1.0.0-rc.1+b", out v));
        Assert.Equal("1.0.0-rc.1+b", v.ToString());
    }
}
