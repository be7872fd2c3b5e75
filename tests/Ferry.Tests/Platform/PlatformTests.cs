using Ferry.Platform;
using PlatformKey = Ferry.Platform.Platform;

namespace Ferry.Tests.Platform;

public sealed class PlatformTests
{
    private static Cfg N(string name) => Cfg.OfName(name);

    private static Cfg KV(string key, string value) => Cfg.OfKeyPair(key, value);

    [Theory]
    [InlineData("foo", "foo")]
    [InlineData("_bar", "_bar")]
    [InlineData(" foo  ", "foo")]
    [InlineData("r#foo", "r#foo")]
    [InlineData(" foo  = \"bar\"", "foo = \"bar\"")]
    [InlineData("foo=\"\"", "foo = \"\"")]
    [InlineData("r#foo=\"\"", "r#foo = \"\"")]
    [InlineData(" foo=\"3\"      ", "foo = \"3\"")]
    [InlineData("foo = \"3 e\"", "foo = \"3 e\"")]
    [InlineData("a=\"\\\"", "a = \"\\\"")]
    [InlineData("target_feature=\"sse2\"", "target_feature = \"sse2\"")]
    public void CfgValuesParseAndDisplay(string text, string display)
    {
        var cfg = Cfg.Parse(text);
        Assert.Equal(display, cfg.ToString());
        Assert.Equal(cfg, Cfg.Parse(cfg.ToString()));
    }

    [Theory]
    [InlineData("true", "true")]
    [InlineData("r#true", "true")]
    [InlineData("false", "false")]
    [InlineData("all()", "all()")]
    [InlineData("all(a)", "all(a)")]
    [InlineData("all(a, b)", "all(a, b)")]
    [InlineData("all(a, )", "all(a)")]
    [InlineData("any(a,b,)", "any(a, b)")]
    [InlineData("not(a = \"b\")", "not(a = \"b\")")]
    [InlineData("not(all(a))", "not(all(a))")]
    [InlineData("  any (  unix ,windows  )  ", "any(unix, windows)")]
    [InlineData("any(r#true, r#false)", "any(true, false)")]
    [InlineData("r#any", "r#any")]
    public void ExpressionsParseAndDisplay(string text, string display)
    {
        var expr = CfgExpr.Parse(text);
        Assert.Equal(display, expr.ToString());
        Assert.Equal(expr, CfgExpr.Parse(expr.ToString()));
    }

    [Fact]
    public void ParsedTreeHasTheExpectedShape()
    {
        var expected = CfgExpr.Any(
            CfgExpr.Not(CfgExpr.Of(N("foo"))),
            CfgExpr.All(CfgExpr.Of(KV("target_os", "linux")), CfgExpr.True));
        Assert.Equal(expected, CfgExpr.Parse("any(not(foo), all(target_os = \"linux\", true))"));
        Assert.Equal(expected.GetHashCode(), CfgExpr.Parse("any(not(foo),all(target_os=\"linux\",true),)").GetHashCode());
    }

    [Theory]
    [InlineData("x86_64-apple-darwin")]
    [InlineData("foo")]
    [InlineData("thumbv7em-none-eabihf")]
    [InlineData("x86_64-unknown-linux-gnu.json")]
    [InlineData("aé-b")]
    [InlineData("")]
    [InlineData("cfg(windows)")]
    [InlineData("cfg(target_os = \"windows\")")]
    [InlineData("cfg(any(all(any(target_os = \"android\", target_os = \"linux\"), any(target_arch = \"aarch64\", target_arch = \"arm\", target_arch = \"powerpc64\", target_arch = \"x86\", target_arch = \"x86_64\")), all(target_os = \"freebsd\", target_arch = \"x86_64\")))")]
    public void PlatformsRoundTrip(string key)
    {
        var p = PlatformKey.Parse(key);
        Assert.Equal(key, p.ToString());
        Assert.Equal(p, PlatformKey.Parse(p.ToString()));
    }

    [Fact]
    public void NamedPlatformMatchesOnlyItsTarget()
    {
        var p = PlatformKey.Parse("x86_64-unknown-linux-gnu");
        Assert.Equal("x86_64-unknown-linux-gnu", p.TargetName);
        Assert.Null(p.Cfg);
        Assert.True(p.Matches("x86_64-unknown-linux-gnu", []));
        Assert.False(p.Matches("aarch64-unknown-linux-gnu", [N("unix")]));
    }

    [Fact]
    public void CfgMatchingFollowsCargoPlatform()
    {
        // cargo-platform's cfg_matches test.
        Cfg[] barFooBaz = [N("bar"), N("foo"), N("baz")];
        Assert.True(CfgExpr.Parse("foo").Matches(barFooBaz));
        Assert.True(CfgExpr.Parse("any(foo)").Matches(barFooBaz));
        Assert.True(CfgExpr.Parse("any(foo, bar)").Matches([N("bar")]));
        Assert.True(CfgExpr.Parse("any(foo, bar)").Matches([N("foo")]));
        Assert.True(CfgExpr.Parse("all(foo, bar)").Matches([N("foo"), N("bar")]));
        Assert.True(CfgExpr.Parse("not(foo)").Matches([N("bar")]));
        Assert.True(CfgExpr.Parse("not(foo)").Matches([]));
        Assert.True(CfgExpr.Parse("any(not(foo), all(foo, bar))").Matches([N("bar")]));
        Assert.True(CfgExpr.Parse("any(not(foo), all(foo, bar))").Matches([N("foo"), N("bar")]));
        Assert.False(CfgExpr.Parse("any(not(foo), all(foo, bar))").Matches([N("foo")]));
        Assert.True(CfgExpr.Parse("foo").Matches([Cfg.OfName("foo", raw: true)]));
        Assert.True(CfgExpr.Parse("r#foo").Matches([N("foo")]));
        Assert.True(CfgExpr.Parse("all()").Matches([]));
        Assert.True(CfgExpr.Parse("true").Matches([]));

        Assert.False(CfgExpr.Parse("foo").Matches([]));
        Assert.False(CfgExpr.Parse("foo").Matches([N("bar")]));
        Assert.False(CfgExpr.Parse("foo").Matches([N("fo")]));
        Assert.False(CfgExpr.Parse("any(foo)").Matches([N("bar"), N("baz")]));
        Assert.False(CfgExpr.Parse("all(foo, bar)").Matches([N("bar")]));
        Assert.False(CfgExpr.Parse("not(bar)").Matches([N("baz"), N("bar")]));
        Assert.False(CfgExpr.Parse("any()").Matches([N("foo")]));
        Assert.False(CfgExpr.Parse("false").Matches([N("false")]));
        Assert.False(CfgExpr.Parse("target_os = \"linux\"").Matches([N("target_os"), KV("target_os", "macos")]));
        Assert.True(PlatformKey.Parse("cfg(target_os = \"linux\")").Matches("anything", [KV("target_os", "linux")]));
    }

    [Fact]
    public void OrderingFollowsCargoPlatform()
    {
        var sorted = new[] { "cfg(unix)", "x86_64-pc-windows-msvc", "cfg(not(unix))", "aarch64-apple-darwin", "cfg(all(unix))", "cfg(a = \"b\")" }
            .Select(PlatformKey.Parse).Order().Select(p => p.ToString());
        Assert.Equal(["aarch64-apple-darwin", "x86_64-pc-windows-msvc", "cfg(not(unix))", "cfg(all(unix))", "cfg(unix)", "cfg(a = \"b\")"], sorted);
    }

    private const string NotSupportedUrl = "https://doc.rust-lang.org/cargo/reference/specifying-dependencies.html#platform-specific-dependencies";

    private static string ValueWarning(string name) =>
        $"Found `{name}` in `target.'cfg(...)'.dependencies`. This value is not supported for selecting dependencies and will not work as expected. To learn more visit {NotSupportedUrl}";

    private const string FeatureWarning =
        "Found `feature = ...` in `target.'cfg(...)'.dependencies`. This key is not supported for selecting dependencies and will not work as expected. Use the [features] section instead: https://doc.rust-lang.org/cargo/reference/features.html";

    /// <summary>What cargo 1.95.0 printed (after "warning: ") for `cargo check` with these target keys.</summary>
    public static TheoryData<string, string[]> CargoWarnings() => new()
    {
        { "cfg(unix)", [] },
        { "cfg(windows)", [] },
        { "cfg(any(not(unix), windows))", [] },
        { "cfg(true)", [] },
        { "cfg(doc)", [] },
        { "cfg(miri)", [] },
        { "cfg(target_feature = \"sse2\")", [] },
        { "x86_64-unknown-linux-gnu", [] },
        { "cfg(debug_assertions)", [ValueWarning("debug_assertions")] },
        { "cfg(test)", [ValueWarning("test")] },
        { "cfg(proc_macro)", [ValueWarning("proc_macro")] },
        { "cfg(r#test)", [ValueWarning("r#test")] },
        { "cfg(feature = \"x\")", [FeatureWarning] },
        { "cfg(r#feature = \"a\")", [FeatureWarning] },
        { "cfg(any(not(feature = \"windows\"), proc_macro))", [FeatureWarning, ValueWarning("proc_macro")] },
        { "cfg(all(test, true))", [ValueWarning("test")] },
        { "cfg(all(not(debug_assertions), any(windows, proc_macro)))", [ValueWarning("debug_assertions"), ValueWarning("proc_macro")] },
        { "cfg(any(test, test))", [ValueWarning("test"), ValueWarning("test")] },
    };

    [Theory]
    [MemberData(nameof(CargoWarnings))]
    public void UnsupportedCfgWarningsMatchCargo(string key, string[] warnings)
    {
        Assert.Equal(warnings, PlatformKey.Parse(key).CheckCfgAttributes().ToArray());
    }

    [Fact]
    public void KeywordWarningsMatchCargo()
    {
        // cargo 1.95 `cargo check`: [target.'cfg(true = "x")'.dependencies] and cfg(all(false, r#false, false = "1")).
        const string path = "/tmp/p/Cargo.toml";
        Assert.Equal(
            [
                "[/tmp/p/Cargo.toml] future-incompatibility: `cfg(true = \"x\")` is deprecated as `true` is a keyword and not an identifier and should not have have been accepted in this position.\n"
                + " | this was previously accepted by Cargo but is being phased out; it will become a hard error in a future release!\n"
                + " |\n"
                + " | help: use raw-idents instead: `cfg(r#true)`",
            ],
            PlatformKey.Parse("cfg(true = \"x\")").CheckCfgKeywords(path).ToArray());
        var mixed = PlatformKey.Parse("cfg(all(false, r#false, false = \"1\"))").CheckCfgKeywords(path);
        Assert.Single(mixed);
        Assert.StartsWith("[/tmp/p/Cargo.toml] future-incompatibility: `cfg(false = \"1\")` is deprecated as `false`", mixed[0], StringComparison.Ordinal);
        Assert.Empty(PlatformKey.Parse("cfg(any(r#true, true, unix))").CheckCfgKeywords(path));
        Assert.Empty(PlatformKey.Parse("x86_64-unknown-linux-gnu").CheckCfgKeywords(path));
    }
}
