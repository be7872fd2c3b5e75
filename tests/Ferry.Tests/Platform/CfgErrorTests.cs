using Ferry.Platform;

namespace Ferry.Tests.Platform;

/// <summary>
/// Malformed <c>[target.&lt;key&gt;.dependencies]</c> keys and the error cargo 1.95.0 printed for each (the line
/// after the first "Caused by:" of <c>cargo metadata --no-deps --offline</c> on a throwaway manifest).
/// <see cref="Ferry.Platform.Platform.Parse"/> must produce the whole message word for word.
/// </summary>
public sealed class CfgErrorTests
{
    public static TheoryData<string, string> CargoErrors() => new()
    {
        { "cfg(foo", "failed to parse `cfg(foo` as a cfg expression: invalid target specifier: unexpected `(` character, cfg expressions must start with `cfg(`" },
        { "cfg()", "failed to parse `` as a cfg expression: expected start of a cfg expression, but cfg expression ended" },
        { "cfg( )", "failed to parse ` ` as a cfg expression: expected start of a cfg expression, but cfg expression ended" },
        { "cfg(foo,)", "failed to parse `foo,` as a cfg expression: unexpected content `,` found after cfg expression" },
        { "cfg(foo = \"a\\\"b\")", "failed to parse `foo = \"a\\\"b\"` as a cfg expression: unexpected content `b\"` found after cfg expression" },
        { "cfg(foo = \"bar)", "failed to parse `foo = \"bar` as a cfg expression: unterminated string in cfg" },
        { "cfg(foo bar)", "failed to parse `foo bar` as a cfg expression: unexpected content `bar` found after cfg expression" },
        { "cfg(\tfoo)", "failed to parse `\tfoo` as a cfg expression: unexpected character `\t` in cfg, expected parens, a comma, an identifier, or a string" },
        { "cfg(foo\t)", "failed to parse `foo\t` as a cfg expression: unexpected content `\t` found after cfg expression" },
        { "cfg(7)", "failed to parse `7` as a cfg expression: unexpected character `7` in cfg, expected parens, a comma, an identifier, or a string" },
        { "cfg(=)", "failed to parse `=` as a cfg expression: expected identifier, found `=`" },
        { "cfg(,)", "failed to parse `,` as a cfg expression: expected identifier, found `,`" },
        { "cfg(()", "failed to parse `(` as a cfg expression: expected identifier, found `(`" },
        { "cfg(foo ()", "failed to parse `foo (` as a cfg expression: unexpected content `(` found after cfg expression" },
        { "cfg(bar =)", "failed to parse `bar =` as a cfg expression: expected a string, but cfg expression ended" },
        { "cfg(bar = \")", "failed to parse `bar = \"` as a cfg expression: unterminated string in cfg" },
        { "cfg(foo, bar)", "failed to parse `foo, bar` as a cfg expression: unexpected content `, bar` found after cfg expression" },
        { "cfg(r#)", "failed to parse `r#` as a cfg expression: expected identifier, but cfg expression ended" },
        { "cfg(r# foo)", "failed to parse `r# foo` as a cfg expression: unexpected character ` ` in cfg, expected parens, a comma, an identifier, or a string" },
        { "cfg(r #foo)", "failed to parse `r #foo` as a cfg expression: unexpected content `#foo` found after cfg expression" },
        { "cfg(r#\"foo\")", "failed to parse `r#\"foo\"` as a cfg expression: unexpected character `\"` in cfg, expected parens, a comma, an identifier, or a string" },
        { "cfg(foo = r#\"\")", "failed to parse `foo = r#\"\"` as a cfg expression: unexpected character `\"` in cfg, expected parens, a comma, an identifier, or a string" },
        { "cfg(r#all(a))", "failed to parse `r#all(a)` as a cfg expression: unexpected content `(a)` found after cfg expression" },
        { "cfg( all)", "failed to parse ` all` as a cfg expression: expected `(`, but cfg expression ended" },
        { "cfg(all(a)", "failed to parse `all(a` as a cfg expression: expected `)`, but cfg expression ended" },
        { "cfg(all(a,,b))", "failed to parse `all(a,,b)` as a cfg expression: expected identifier, found `,`" },
        { "cfg(all(,))", "failed to parse `all(,)` as a cfg expression: expected identifier, found `,`" },
        { "cfg(not)", "failed to parse `not` as a cfg expression: expected `(`, but cfg expression ended" },
        { "cfg(not(a)", "failed to parse `not(a` as a cfg expression: expected `)`, but cfg expression ended" },
        { "cfg(not())", "failed to parse `not()` as a cfg expression: expected identifier, found `)`" },
        { "cfg(not(a, b))", "failed to parse `not(a, b)` as a cfg expression: expected `)`, found `,`" },
        { "cfg(not(a) b)", "failed to parse `not(a) b` as a cfg expression: unexpected content `b` found after cfg expression" },
        { "cfg(any(a b))", "failed to parse `any(a b)` as a cfg expression: expected `)`, found an identifier" },
        { "cfg(a = )", "failed to parse `a = ` as a cfg expression: expected a string, but cfg expression ended" },
        { "cfg(a = b)", "failed to parse `a = b` as a cfg expression: expected a string, found an identifier" },
        { "cfg(a == \"b\")", "failed to parse `a == \"b\"` as a cfg expression: expected a string, found `=`" },
        { "cfg(a = \"x\" b)", "failed to parse `a = \"x\" b` as a cfg expression: unexpected content `b` found after cfg expression" },
        { "cfg(\"a\")", "failed to parse `\"a\"` as a cfg expression: expected identifier, found a string" },
        { "cfg(all(not()))", "failed to parse `all(not())` as a cfg expression: expected identifier, found `)`" },
        { "cfg(foo(a))", "failed to parse `foo(a)` as a cfg expression: unexpected content `(a)` found after cfg expression" },
        { "cfg(é)", "failed to parse `é` as a cfg expression: unexpected character `é` in cfg, expected parens, a comma, an identifier, or a string" },
        { "cfg(🦀)", "failed to parse `🦀` as a cfg expression: unexpected character `🦀` in cfg, expected parens, a comma, an identifier, or a string" },
        { "cfg(foo\0)", "failed to parse `foo\0` as a cfg expression: unexpected content `\0` found after cfg expression" },
        { "any(cfg(unix), cfg(windows))", "failed to parse `any(cfg(unix), cfg(windows))` as a cfg expression: invalid target specifier: unexpected `(` character, cfg expressions must start with `cfg(`" },
        { "!foo", "failed to parse `!foo` as a cfg expression: invalid target specifier: unexpected character ! in target name" },
        { "x86_64 linux", "failed to parse `x86_64 linux` as a cfg expression: invalid target specifier: unexpected character   in target name" },
        { "🦀-linux", "failed to parse `🦀-linux` as a cfg expression: invalid target specifier: unexpected character 🦀 in target name" },
        { "cfg(unix)extra", "failed to parse `cfg(unix)extra` as a cfg expression: invalid target specifier: unexpected `(` character, cfg expressions must start with `cfg(`" },
        { "Cfg(unix)", "failed to parse `Cfg(unix)` as a cfg expression: invalid target specifier: unexpected `(` character, cfg expressions must start with `cfg(`" },
        { "cfg (unix)", "failed to parse `cfg (unix)` as a cfg expression: invalid target specifier: unexpected `(` character, cfg expressions must start with `cfg(`" },
        { "cfg(unix) ", "failed to parse `cfg(unix) ` as a cfg expression: invalid target specifier: unexpected `(` character, cfg expressions must start with `cfg(`" },
        { "a/b", "failed to parse `a/b` as a cfg expression: invalid target specifier: unexpected character / in target name" },
        { "cfg(unix", "failed to parse `cfg(unix` as a cfg expression: invalid target specifier: unexpected `(` character, cfg expressions must start with `cfg(`" },
        { "cfg(", "failed to parse `cfg(` as a cfg expression: invalid target specifier: unexpected `(` character, cfg expressions must start with `cfg(`" },
        { "cfg)", "failed to parse `cfg)` as a cfg expression: invalid target specifier: unexpected character ) in target name" },
    };

    [Theory]
    [MemberData(nameof(CargoErrors))]
    public void ErrorMatchesCargo(string key, string message)
    {
        var ex = Assert.Throws<CfgParseException>(() => Ferry.Platform.Platform.Parse(key));
        Assert.Equal(message, ex.Message);
        Assert.Equal(key, ex.Input);
        Assert.InRange(ex.Position, 0, key.Length);
    }

    [Theory]
    [InlineData("cfg(all(a)", 9, CfgErrorKind.IncompleteExpr)]
    [InlineData("cfg(any(a b))", 10, CfgErrorKind.UnexpectedToken)]
    [InlineData("cfg(foo = \"bar)", 10, CfgErrorKind.UnterminatedString)]
    [InlineData("cfg(foo, bar)", 7, CfgErrorKind.UnterminatedExpression)]
    [InlineData("cfg(\tfoo)", 4, CfgErrorKind.UnexpectedChar)]
    [InlineData("cfg(r# foo)", 6, CfgErrorKind.UnexpectedChar)]
    [InlineData("cfg(unix", 3, CfgErrorKind.InvalidTarget)]
    [InlineData("x86_64 linux", 6, CfgErrorKind.InvalidTarget)]
    public void ErrorPositionIsInTheWholeKey(string key, int position, CfgErrorKind kind)
    {
        var ex = Assert.Throws<CfgParseException>(() => Ferry.Platform.Platform.Parse(key));
        Assert.Equal((position, kind), (ex.Position, ex.Kind));
    }

    /// <summary>The cargo-platform crate's own cfg_syntax_bad / cfg_expr_bad cases (its tests check substrings).</summary>
    [Theory]
    [InlineData("", "failed to parse `` as a cfg expression: expected identifier, but cfg expression ended")]
    [InlineData(" ", "failed to parse ` ` as a cfg expression: expected identifier, but cfg expression ended")]
    [InlineData("\t", "failed to parse `\t` as a cfg expression: unexpected character `\t` in cfg, expected parens, a comma, an identifier, or a string")]
    [InlineData("foo (", "failed to parse `foo (` as a cfg expression: unexpected content `(` found after cfg expression")]
    [InlineData("bar =", "failed to parse `bar =` as a cfg expression: expected a string, but cfg expression ended")]
    [InlineData("foo, bar", "failed to parse `foo, bar` as a cfg expression: unexpected content `, bar` found after cfg expression")]
    public void CfgValueErrors(string text, string message)
    {
        var ex = Assert.Throws<CfgParseException>(() => Cfg.Parse(text));
        Assert.Equal(message, ex.Message);
    }

    [Theory]
    [InlineData(" ", "failed to parse ` ` as a cfg expression: expected start of a cfg expression, but cfg expression ended")]
    [InlineData(" all", "failed to parse ` all` as a cfg expression: expected `(`, but cfg expression ended")]
    [InlineData("a = ", "failed to parse `a = ` as a cfg expression: expected a string, but cfg expression ended")]
    public void CfgExprErrors(string text, string message)
    {
        var ex = Assert.Throws<CfgParseException>(() => CfgExpr.Parse(text));
        Assert.Equal(message, ex.Message);
    }
}
