using Ferry.Core.Configuration;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Core.Configuration;

/// <summary>Discovery, includes, <c>--config</c> and environment precedence, on real files in a temp tree.</summary>
public sealed class ConfigLoadingTests : IDisposable
{
    private readonly ConfigWorld _world = new();

    public void Dispose() => _world.Dispose();

    private static string Chain(Exception error)
    {
        var lines = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            lines.Add(e.Message);
        }

        return string.Join("\n--\n", lines);
    }

    [Fact]
    public void FilesAreFoundInEveryAncestorAndCargoHomeLast()
    {
        _world.File("work/.cargo/config.toml", "a.v = 'work'");
        _world.File("work/sub/.cargo/config.toml", "a.v = 'sub'\na.sub = 1");
        _world.File("cargo-home/config.toml", "a.v = 'home'\na.home = 1");
        var cwd = Path.Combine(_world.Work, "sub", "deeper");
        Directory.CreateDirectory(cwd);
        var gctx = _world.Context(cwd);
        var files = gctx.LoadUnmerged().Select(t => t.Definition.ToString()).ToList();
        Assert.Equal(
            [Path.Combine(_world.Work, "sub/.cargo/config.toml"), Path.Combine(_world.Work, ".cargo/config.toml"), Path.Combine(_world.CargoHome, "config.toml")],
            files);
        Assert.Equal("sub", ((ConfigString)gctx.Get(ConfigKey.Parse("a.v"))!).Value);
        Assert.NotNull(gctx.Get(ConfigKey.Parse("a.home")));
    }

    [Fact]
    public void CargoHomeInsideTheTreeIsReadOnce()
    {
        _world.Variables["CARGO_HOME"] = Path.Combine(_world.Work, ".cargo");
        _world.File("work/.cargo/config.toml", "build.rustflags = ['x']");
        var gctx = _world.Context();
        Assert.Single(gctx.LoadUnmerged());
        Assert.Single(((ConfigList)gctx.Get(ConfigKey.Parse("build.rustflags"))!).Items);
    }

    [Fact]
    public void LegacyFileWinsWithWarningWhenBothExist()
    {
        var legacy = _world.File("work/.cargo/config", "a.x = 1");
        var modern = _world.File("work/.cargo/config.toml", "a.y = 2");
        var gctx = _world.Context();
        Assert.NotNull(gctx.Get(ConfigKey.Parse("a.x")));
        Assert.Null(gctx.Get(ConfigKey.Parse("a.y")));
        Assert.Equal([$"both `{legacy}` and `{modern}` exist. Using `{legacy}`"], _world.Shell.Warnings);
    }

    [Fact]
    public void LegacyFileAloneIsDeprecated()
    {
        var legacy = _world.File("work/.cargo/config", "a.x = 1");
        _ = _world.Context().Values;
        Assert.Equal(
            [$"`{legacy}` is deprecated in favor of `config.toml`\n  |\n  = help: if you need to support cargo 1.38 or earlier, you can symlink `config` to `config.toml`"],
            _world.Shell.Warnings);
    }

    [Fact]
    public void SymlinkedLegacyFileDoesNotWarn()
    {
        _world.File("work/.cargo/config.toml", "a.x = 1");
        File.CreateSymbolicLink(Path.Combine(_world.Work, ".cargo", "config"), "config.toml");
        Assert.NotNull(_world.Context().Get(ConfigKey.Parse("a.x")));
        Assert.Empty(_world.Shell.Warnings);
    }

    [Fact]
    public void IncludesLoadFirstAndTheIncludingFileWins()
    {
        _world.File("work/.cargo/config.toml", "include = ['one.toml', { path = 'two.toml' }, { path = 'gone.toml', optional = true }]\nbuild.jobs = 1\nbuild.rustflags = ['main']");
        _world.File("work/.cargo/one.toml", "build.jobs = 10\nbuild.target = 't1'\nbuild.rustflags = ['one']\nbuild.target-dir = 'd1'");
        _world.File("work/.cargo/two.toml", "build.target = 't2'\nbuild.rustflags = ['two']\ninclude = ['../sub/three.toml']");
        _world.File("work/sub/three.toml", "build.rustflags = ['three']\nbuild.target-dir = 'd3'");
        var gctx = _world.Context();
        var build = (ConfigTable)gctx.Get(ConfigKey.Parse("build"))!;
        Assert.Equal(1, ((ConfigInteger)build.Entries["jobs"]).Value);
        Assert.Equal("t2", ((ConfigString)build.Entries["target"]).Value);
        Assert.Equal("d3", ((ConfigString)build.Entries["target-dir"]).Value);
        Assert.Equal(["one", "three", "two", "main"], ((ConfigList)build.Entries["rustflags"]).Items.Select(i => ((ConfigString)i).Value));
        Assert.Equal(Definition.File(Path.Combine(_world.Work, "sub/three.toml")), build.Entries["target-dir"].Definition);
        Assert.Null(gctx.Get(ConfigKey.Parse("include")));
    }

    [Fact]
    public void IncludeCycleIsReported()
    {
        var path = _world.File("work/.cargo/config.toml", "include = ['config.toml']");
        var error = Assert.Throws<FerryException>(() => _world.Context().Values);
        Assert.Equal(
            $"could not load Cargo configuration\n--\nfailed to load config include `config.toml` from `{path}`\n--\nconfig `include` cycle detected with path `{path}`",
            Chain(error));
    }

    [Fact]
    public void MissingIncludeSaysWhichFileWasRead()
    {
        var path = _world.File("work/.cargo/config.toml", "include = ['a.toml']");
        var error = Assert.Throws<FerryException>(() => _world.Context().Values);
        Assert.Equal(
            $"could not load Cargo configuration\n--\nfailed to load config include `a.toml` from `{path}`\n--\nfailed to read configuration file `{Path.Combine(_world.Work, ".cargo/a.toml")}`\n--\nNo such file or directory (os error 2)",
            Chain(error));
    }

    [Theory]
    [InlineData("include = 'x.toml'", "expected a list of strings or a list of tables, but found string at `include` in `{0}")]
    [InlineData("include = ['a.json']", "expected a config include path ending with `.toml`, but found `a.json` from `{0}`")]
    [InlineData("include = ['*.toml']", "expected a config include path without glob patterns, but found `*.toml` from `{0}`")]
    [InlineData("include = ['{x}.toml']", "expected a config include path without template braces, but found `{{x}}.toml` from `{0}`")]
    [InlineData("include = [1]", "expected a string or table, but found integer at `include[0]` in {0}")]
    [InlineData("include = [{ optional = true }]", "missing field `path` at `include[0]` in `{0}`")]
    [InlineData("include = [{ path = 1 }]", "expected a string, but found integer at `include[0].path` in `{0}`")]
    [InlineData("include = [{ path = 'x.toml', optional = 'yes' }]", "expected a boolean, but found string at `include[0].optional` in `{0}`")]
    public void BadIncludeValuesUseCargosWords(string contents, string expected)
    {
        var path = _world.File("work/.cargo/config.toml", contents);
        var error = Assert.Throws<FerryException>(() => _world.Context().Values);
        Assert.Equal("could not load Cargo configuration\n--\n" + string.Format(expected, path), Chain(error));
    }

    [Fact]
    public void SyntaxErrorsKeepTheTomlSnippet()
    {
        var path = _world.File("work/.cargo/config.toml", "a = 1 b = 2");
        var error = Assert.Throws<FerryException>(() => _world.Context().Values);
        Assert.Equal(
            $"could not load Cargo configuration\n--\ncould not parse TOML configuration in `{path}`\n--\nTOML parse error at line 1, column 9\n  |\n1 | a = 1 b = 2\n  |         ^\nunexpected key or value, expected newline, `#`",
            Chain(error));
    }

    [Theory]
    [InlineData("[t]\nf = 1.5", "t.f", "float")]
    [InlineData("a = [1, [2, 1979-05-27]]", "a[1][1]", "datetime")]
    [InlineData("[[a]]\nb = 1\n[[a]]\nc.d = 2.0", "a[1].c.d", "float")]
    [InlineData("'x.y' = 1.0", "\"x.y\"", "float")]
    public void UnsupportedTypesNameTheirKey(string contents, string key, string type)
    {
        var path = _world.File("work/.cargo/config.toml", contents);
        var error = Assert.Throws<FerryException>(() => _world.Context().Values);
        Assert.Equal(
            $"could not load Cargo configuration\n--\nfailed to load TOML configuration from `{path}`\n--\nfailed to parse config at `{key}`\n--\nunsupported TOML configuration type `{type}`",
            Chain(error));
    }

    [Fact]
    public void CliArgumentsWinInOrderAndFilesKeepTheirPath()
    {
        _world.File("work/.cargo/config.toml", "a.x = 1\na.list = ['file']");
        _world.File("work/extra/c.toml", "a.x = 2\na.list = ['extra']\ninclude = ['inc.toml']");
        _world.File("work/extra/inc.toml", "a.y = 3");
        var gctx = _world.Context(null, "extra/c.toml", "a.x = 5", "a.list = ['cli']");
        var a = (ConfigTable)gctx.Get(ConfigKey.Parse("a"))!;
        Assert.Equal(new ConfigInteger(5, Definition.CliArgument), a.Entries["x"]);
        Assert.Equal(Definition.CliFile(Path.Combine(_world.Work, "extra/inc.toml")), a.Entries["y"].Definition);
        Assert.Equal(["file", "extra", "cli"], ((ConfigList)a.Entries["list"]).Items.Select(i => ((ConfigString)i).Value));
        Assert.Equal(Path.Combine(_world.Work, "extra/c.toml"), a.Entries["list"] is ConfigList l ? l.Items[1].Definition.ToString() : null);
        Assert.Equal(Definition.File(Path.Combine(_world.Work, ".cargo/config.toml")), gctx.GetFromFiles(ConfigKey.Parse("a.x"))!.Definition);
    }

    [Theory]
    [InlineData("a=1 b=2", "failed to parse value from --config argument `a=1 b=2` as a dotted key expression\n--\nTOML parse error at line 1, column 6\n  |\n1 | a=1 b=2\n  |      ^\nunexpected key or value, expected newline, `#`")]
    [InlineData("[a]", "--config argument `[a]` was not a TOML dotted key expression (such as `build.jobs = 2`)")]
    [InlineData("a={b=1}", "--config argument `a={b=1}` sets a value to an inline table, which is not accepted")]
    [InlineData("a = 1 # c", "--config argument `a = 1 # c` includes non-whitespace decoration")]
    [InlineData("# c\na = 1", "--config argument `# c\na = 1` includes non-whitespace decoration")]
    [InlineData("[[a]]", "--config argument `[[a]]` sets a value to an array of tables, which is not accepted")]
    [InlineData("", "--config argument `` was not a TOML dotted key expression (such as `build.jobs = 2`)")]
    [InlineData("a.b = 1\na.c = 2", "--config argument `a.b = 1\na.c = 2` was not a TOML dotted key expression (such as `build.jobs = 2`)")]
    [InlineData("registry.token = 'x'", "registry.token cannot be set through --config for security reasons")]
    [InlineData("registries.foo.token = 'x'", "registries.foo.token cannot be set through --config for security reasons")]
    [InlineData("registries.foo.secret-key = 'x'", "registries.foo.secret-key cannot be set through --config for security reasons")]
    [InlineData("a = 1.5", "failed to convert --config argument `a = 1.5`\n--\nfailed to parse config at `a`\n--\nunsupported TOML configuration type `float`")]
    [InlineData("include = ['nope.toml']", "failed to load --config include\n--\nfailed to load config include `nope.toml` from `--config cli option`\n--\nfailed to read configuration file `{0}/nope.toml`\n--\nNo such file or directory (os error 2)")]
    public void BadCliArgumentsUseCargosWords(string argument, string expected)
    {
        var error = Assert.Throws<FerryException>(() => _world.Context(null, argument).Values);
        Assert.Equal(expected.Replace("{0}", _world.Work), Chain(error));
    }

    [Fact]
    public void CliArgumentDecorationsThatCargoAllows()
    {
        var gctx = _world.Context(null, " a . b = 1 ", "c = [1, # c\n 2]", "d = 1\n# trailing");
        Assert.NotNull(gctx.Get(ConfigKey.Parse("a.b")));
        Assert.Equal(2, ((ConfigList)gctx.Get(ConfigKey.Parse("c"))!).Items.Length);
        Assert.NotNull(gctx.Get(ConfigKey.Parse("d")));
    }

    [Fact]
    public void EnvironmentOverridesFilesButNotTheCommandLine()
    {
        _world.File("work/.cargo/config.toml", "build.jobs = 4\nbuild.rustflags = ['f']\ntarget.x.runner = ['r', 'a']");
        _world.Variables["CARGO_BUILD_JOBS"] = "8";
        _world.Variables["CARGO_BUILD_RUSTFLAGS"] = "e1  e2";
        _world.Variables["CARGO_TARGET_X_RUNNER"] = "er ea";
        var gctx = _world.Context();
        Assert.Equal(new ConfigInteger(8, Definition.Environment("CARGO_BUILD_JOBS")), gctx.GetWithEnv(ConfigKey.Parse("build.jobs")));
        Assert.Equal(["f", "e1", "e2"], ((ConfigList)gctx.GetWithEnv(ConfigKey.Parse("build.rustflags"))!).Items.Select(i => ((ConfigString)i).Value));
        Assert.Equal(["er", "ea"], ((ConfigList)gctx.GetWithEnv(ConfigKey.Parse("target.x.runner"))!).Items.Select(i => ((ConfigString)i).Value));

        var cli = _world.Context(null, "build.jobs = 2", "target.x.runner = ['c']");
        Assert.Equal(new ConfigInteger(2, Definition.CliArgument), cli.GetWithEnv(ConfigKey.Parse("build.jobs")));
        Assert.Equal(["c"], ((ConfigList)cli.GetWithEnv(ConfigKey.Parse("target.x.runner"))!).Items.Select(i => ((ConfigString)i).Value));
    }

    [Theory]
    [InlineData("true", "boolean")]
    [InlineData("-5", "integer")]
    [InlineData("+5", "integer")]
    [InlineData("007", "integer")]
    [InlineData(" 5", "string")]
    [InlineData("1_000", "string")]
    [InlineData("9223372036854775808", "string")]
    public void EnvironmentValuesAreTypedLikeCargo(string text, string type)
    {
        _world.Variables["CARGO_NET_RETRY"] = text;
        Assert.Equal(type, _world.Context().GetWithEnv(ConfigKey.Parse("net.retry"))!.Description);
    }

    [Fact]
    public void NumericEnvironmentValueReplacesAList()
    {
        _world.File("work/.cargo/config.toml", "build.rustflags = ['f']");
        _world.Variables["CARGO_BUILD_RUSTFLAGS"] = "5";
        Assert.Equal(new ConfigInteger(5, Definition.Environment("CARGO_BUILD_RUSTFLAGS")), _world.Context().GetWithEnv(ConfigKey.Parse("build.rustflags")));
    }

    [Fact]
    public void LookingThroughAScalarIsAnError()
    {
        var path = _world.File("work/.cargo/config.toml", "build.jobs = 1");
        var error = Assert.Throws<FerryException>(() => _world.Context().Get(ConfigKey.Parse("build.jobs.x")));
        Assert.Equal($"expected table for configuration key `build.jobs`, but found integer in {path}", error.Message);
    }

    [Fact]
    public void CargoHomeDefaultsToHomeDotCargoAndRelativeIsFromCwd()
    {
        _world.Variables.Remove("CARGO_HOME");
        Assert.Equal(Path.Combine(_world.Home, ".cargo"), _world.Context().CargoHome);
        _world.Variables["CARGO_HOME"] = "";
        Assert.Equal(Path.Combine(_world.Home, ".cargo"), _world.Context().CargoHome);
        _world.Variables["CARGO_HOME"] = "../x/./y";
        Assert.Equal(Path.Combine(_world.Root, "x/y"), _world.Context().CargoHome);
    }
}
