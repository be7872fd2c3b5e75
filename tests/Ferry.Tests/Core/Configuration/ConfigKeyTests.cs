using Ferry.Core.Configuration;

namespace Ferry.Tests.Core.Configuration;

public sealed class ConfigKeyTests
{
    [Theory]
    [InlineData("build.target-dir", "CARGO_BUILD_TARGET_DIR")]
    [InlineData("registries.my-reg.token", "CARGO_REGISTRIES_MY_REG_TOKEN")]
    [InlineData("target.x86_64-unknown-linux-gnu.linker", "CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER")]
    [InlineData("alias.b2", "CARGO_ALIAS_B2")]
    [InlineData("net.git-fetch-with-cli", "CARGO_NET_GIT_FETCH_WITH_CLI")]
    public void KeysMapToCargosEnvironmentVariables(string key, string variable)
    {
        Assert.Equal(variable, ConfigKey.Parse(key).EnvKey);
    }

    [Fact]
    public void RootKeyIsCargo()
    {
        Assert.Equal("CARGO", ConfigKey.Root.EnvKey);
        Assert.True(ConfigKey.Root.IsRoot);
        Assert.Equal(string.Empty, ConfigKey.Root.ToString());
    }

    [Fact]
    public void SensitivePartsKeepTheirSpelling()
    {
        Assert.Equal("CARGO_ENV_my-Var", ConfigKey.Parse("env").PushSensitive("my-Var").EnvKey);
        Assert.Equal("CARGO_SOURCE_vendored_DIRECTORY", ConfigKey.Parse("source").PushSensitive("vendored").Push("directory").EnvKey);
    }

    [Theory]
    [InlineData(new[] { "registries", "my-reg", "quoted.key" }, "registries.my-reg.\"quoted.key\"")]
    [InlineData(new[] { "target", "cfg(unix)", "runner" }, "target.\"cfg(unix)\".runner")]
    [InlineData(new[] { "t", "" }, "t.")]
    [InlineData(new[] { "t", "k\"q" }, "t.'k\"q'")]
    [InlineData(new[] { "t", "a b" }, "t.\"a b\"")]
    public void DisplayQuotesPartsLikeCargo(string[] parts, string display)
    {
        var key = ConfigKey.Root;
        foreach (var part in parts)
        {
            key = key.Push(part);
        }

        Assert.Equal(display, key.ToString());
    }

    [Theory]
    [InlineData("target.x86_64-unknown-linux-gnu.runner", "target.*.runner", true)]
    [InlineData("target.runner", "target.*.runner", false)]
    [InlineData("registries.a.credential-provider", "registries.*.credential-provider", true)]
    [InlineData("doc.browser", "doc.browser", true)]
    [InlineData("doc.browser.x", "doc.browser", false)]
    public void PatternsMatchWholeParts(string key, string pattern, bool matches)
    {
        Assert.Equal(matches, ConfigKey.Parse(key).Matches(pattern));
    }

    [Fact]
    public void TakeAndEqualityWorkOnParts()
    {
        var key = ConfigKey.Parse("a.b.c");
        Assert.Equal(ConfigKey.Parse("a.b"), key.Take(2));
        Assert.Equal("CARGO_A_B", key.Take(2).EnvKey);
        Assert.NotEqual(ConfigKey.Parse("a.b"), key);
    }
}
