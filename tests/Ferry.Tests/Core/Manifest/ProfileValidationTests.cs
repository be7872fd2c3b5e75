using Ferry.Core.Manifest;
using Ferry.Core.Manifest.Schema;
using Ferry.Toml;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Core.Manifest;

/// <summary>
/// The profile checks Cargo makes only when a build sets up profiles (<c>cargo metadata</c> accepts
/// these manifests). Expected texts are what <c>cargo check</c> 1.95 prints for the same tables.
/// </summary>
public sealed class ProfileValidationTests
{
    [Theory]
    [InlineData("[profile.a]\ninherits = \"b\"\n[profile.b]\ninherits = \"a\"\n", "profile inheritance loop detected with profile `b` inheriting `a`")]
    [InlineData("[profile.foo]\nopt-level = 1\n", "profile `foo` is missing an `inherits` directive (`inherits` is required for all profiles except `dev` or `release`)")]
    [InlineData("[profile.foo]\ninherits = \"bar\"\n", "profile `foo` inherits from `bar`, but that profile is not defined")]
    [InlineData("[profile.dev]\ninherits = \"release\"\n", "`inherits` must not be specified in root profile `dev`")]
    [InlineData("[profile.c]\ninherits = \"c\"\n", "profile inheritance loop detected with profile `c` inheriting `c`")]
    [InlineData("[profile.test]\ninherits = \"x\"\n[profile.x]\ninherits = \"test\"\n", "profile inheritance loop detected with profile `x` inheriting `test`")]
    [InlineData("[profile.a]\ninherits = \"b\"\n[profile.b]\ninherits = \"c\"\n[profile.c]\ninherits = \"b\"\n", "profile inheritance loop detected with profile `c` inheriting `b`")]
    public void InvalidChainsFailLikeCargoCheck(string toml, string expected)
    {
        var error = Assert.ThrowsAny<FerryException>(() => ProfileValidation.ValidateForBuild(Profiles(toml), "dev"));
        Assert.Equal(expected, error.Message);
    }

    [Theory]
    [InlineData("", "dev")]
    [InlineData("", "release")]
    [InlineData("", "test")]
    [InlineData("", "bench")]
    [InlineData("[profile.ci]\ninherits = \"release\"\n[profile.ci-fast]\ninherits = \"ci\"\n", "ci-fast")]
    [InlineData("[profile.test]\nopt-level = 1\n[profile.bench]\ndebug = true\n", "test")]
    public void ValidChains(string toml, string requested) =>
        ProfileValidation.ValidateForBuild(toml.Length == 0 ? null : Profiles(toml), requested);

    [Fact]
    public void RequestedProfileMustExist()
    {
        var error = Assert.ThrowsAny<FerryException>(() => ProfileValidation.ValidateForBuild(null, "nope"));
        Assert.Equal("profile `nope` is not defined", error.Message);
    }

    private static TomlProfiles? Profiles(string toml) =>
        ManifestDecoder.Decode(TomlDocument.Parse("[package]\nname = \"a\"\n" + toml)).Profile;
}
