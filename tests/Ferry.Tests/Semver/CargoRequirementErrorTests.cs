using Ferry.Semver;

namespace Ferry.Tests.Semver;

/// <summary>
/// What cargo 1.95.0 printed for <c>foo = "&lt;req&gt;"</c> in <c>[dependencies]</c> of a throwaway project
/// (<c>cargo metadata --no-deps --offline</c> with a temporary CARGO_HOME). The second "Caused by:" line is
/// the semver error, which must come out of <see cref="VersionReq.Parse"/> word for word; the first is
/// <see cref="CargoSemverMessages.FailedToParseDependencyReq"/>.
/// </summary>
public sealed class CargoRequirementErrorTests
{
    public static TheoryData<string, string> RejectedByCargo() => new()
    {
        // Ranges, alternatives and other npm/ruby-style syntax cargo does not support.
        { "1.0.0 - 2.0", "expected comma after patch version number, found '-'" },
        { "=1.0.0 || 1.2", "expected comma after patch version number, found '|'" },
        { "~>1.0", "unexpected character '>' while parsing major version number" },
        { "1 2", "expected comma after major version number, found '2'" },
        // Malformed versions.
        { "1.2.3.4", "expected comma after patch version number, found '.'" },
        { "v1.2.3", "unexpected character 'v' while parsing major version number" },
        { "01.0", "invalid leading zero in major version number" },
        { "99999999999999999999", "value of major version number exceeds u64::MAX" },
        { "^1.2.3-01", "invalid leading zero in pre-release identifier" },
        { "1.0.0-", "empty identifier segment in pre-release identifier" },
        { "1.0.0-α", "empty identifier segment in pre-release identifier" },
        { "1.0.0+", "empty identifier segment in build metadata" },
        // Whitespace other than spaces, and empty input.
        { "\t1.0", "unexpected character '\\t' while parsing major version number" },
        { "", "unexpected end of input while parsing major version number" },
        // Commas and wildcards.
        { "1,", "unexpected end of input while parsing major version number" },
        { "1.0,,", "unexpected character ',' while parsing major version number" },
        { "*, 1.0", "wildcard req (*) must be the only comparator in the version req" },
        { "1.0, *", "wildcard req (*) must be the only comparator in the version req" },
        { "1.*.1", "unexpected character after wildcard in version req" },
        // Non-ASCII and control characters are quoted the way Rust's char Debug does.
        { "1.0.0é", "expected comma after patch version number, found 'é'" },
        { "> 1.0.0\u0001", "expected comma after patch version number, found '\\u{1}'" },
    };

    [Theory]
    [MemberData(nameof(RejectedByCargo))]
    public void RequirementErrorMatchesCargo(string requirement, string cargoCause)
    {
        var ex = Assert.Throws<SemverParseException>(() => VersionReq.Parse(requirement));
        Assert.Equal(cargoCause, ex.Message);
        Assert.Equal(requirement, ex.Input);
    }

    [Theory]
    [InlineData(" 1.2.3 ", "^1.2.3")]
    [InlineData("1.0 ", "^1.0")]
    [InlineData(" 1.0", "^1.0")]
    [InlineData(">= 1.0 , < 2", ">=1.0, <2")]
    [InlineData("1.2.3+meta", "^1.2.3")]
    public void AcceptedByCargo(string requirement, string canonical)
    {
        Assert.Equal(canonical, VersionReq.Parse(requirement).ToString());
    }

    [Fact]
    public void ContextLineMatchesCargo()
    {
        Assert.Equal(
            "failed to parse the version requirement `1.0.0 - 2.0` for dependency `foo`",
            CargoSemverMessages.FailedToParseDependencyReq("1.0.0 - 2.0", "foo"));
    }

    [Fact]
    public void BuildMetadataWarningMatchesCargo()
    {
        // cargo 1.95: `cargo check` on `foo = "1.2.3+meta"` prints this (after "warning: ") and carries on.
        Assert.True(CargoSemverMessages.HasBuildMetadata("1.2.3+meta"));
        Assert.False(CargoSemverMessages.HasBuildMetadata("1.2.3-pre"));
        Assert.Equal(
            "version requirement `1.2.3+meta` for dependency `foo` includes semver metadata which will be ignored, "
            + "removing the metadata is recommended to avoid confusion",
            CargoSemverMessages.BuildMetadataIgnoredWarning("1.2.3+meta", "foo"));
    }

    [Theory]
    [InlineData("1.0", "unexpected end of input while parsing minor version number")]
    [InlineData("v1.0.0", "unexpected character 'v' while parsing major version number")]
    [InlineData("1.0.0-01", "invalid leading zero in pre-release identifier")]
    public void PackageVersionErrorMatchesCargo(string version, string cargoError)
    {
        // cargo 1.95 prints `error: <message>` under the TOML span of `package.version`.
        var ex = Assert.Throws<SemverParseException>(() => Ferry.Semver.Version.Parse(version));
        Assert.Equal(cargoError, ex.Message);
    }
}
