using Ferry.Cli.Args;

namespace Ferry.Tests.Cli.Args;

public sealed class ArgParserTests
{
    private static readonly CommandSpec Build = new("build", "Compile")
    {
        Options =
        [
            new ArgSpec("release", ArgKind.Flag, "Release") { Long = "release", Short = 'r' },
            new ArgSpec("verbose", ArgKind.Count, "Verbose") { Long = "verbose", Short = 'v' },
            new ArgSpec("jobs", ArgKind.Value, "Jobs") { Long = "jobs", Short = 'j', ValueName = "N" },
            new ArgSpec("package", ArgKind.Value, "Package") { Long = "package", Short = 'p', ValueName = "SPEC", Multiple = true },
            new ArgSpec("bin", ArgKind.OptionalValue, "Bin") { Long = "bin", ValueName = "NAME", Multiple = true },
            new ArgSpec("color", ArgKind.Value, "Color") { Long = "color", ValueName = "WHEN", PossibleValues = ["auto", "always", "never"] },
            new ArgSpec("workspace", ArgKind.Flag, "Workspace") { Long = "workspace", Aliases = ["all"] },
        ],
        Positionals = [new PositionalSpec("name", "TESTNAME", "Filter")],
    };

    private static ParsedArgs Parse(params string[] args) => new ArgParser(Build, "ferry").Parse(args);

    [Fact]
    public void ValuesInEveryClapSpelling()
    {
        Assert.Equal("4", Parse("--jobs", "4").Value("jobs"));
        Assert.Equal("4", Parse("--jobs=4").Value("jobs"));
        Assert.Equal("4", Parse("-j4").Value("jobs"));
        Assert.Equal("4", Parse("-j", "4").Value("jobs"));
        Assert.Equal("4", Parse("-j=4").Value("jobs"));
    }

    [Fact]
    public void ClusteredFlagsAreCounted()
    {
        var args = Parse("-vvr");
        Assert.Equal(2, args.Count("verbose"));
        Assert.True(args.Flag("release"));
    }

    [Fact]
    public void RepeatableValuesAccumulateInOrder()
    {
        Assert.Equal(["a", "b", "c"], Parse("-p", "a", "--package=b", "-pc").Values("package"));
    }

    [Fact]
    public void OptionalValueMayBeOmitted()
    {
        var bare = Parse("--bin");
        Assert.True(bare.Has("bin"));
        Assert.Empty(bare.Values("bin"));
        Assert.Equal(["x"], Parse("--bin", "x").Values("bin"));
        Assert.Empty(Parse("--bin", "--release").Values("bin"));
    }

    private static readonly CommandSpec Test = new("test", "Test")
    {
        Options = [new ArgSpec("no-run", ArgKind.Flag, "No run") { Long = "no-run" }],
        Positionals =
        [
            new PositionalSpec("testname", "TESTNAME", "Filter"),
            new PositionalSpec("args", "ARGS", "Harness arguments", Multiple: true) { Last = true },
        ],
    };

    [Fact]
    public void LastPositionalTakesOnlyWhatFollowsDoubleDash()
    {
        var args = new ArgParser(Test, "ferry").Parse(["filter", "--no-run", "--", "--exact", "x"]);
        Assert.Equal(["filter"], args.Positionals("testname"));
        Assert.Empty(args.Positionals("args"));
        Assert.Equal(["--exact", "x"], args.Trailing);
        var error = Assert.Throws<ArgParseException>(() => new ArgParser(Test, "ferry").Parse(["a", "b"]));
        Assert.Equal("unexpected argument 'b' found", error.Message);
        Assert.Equal("ferry test [OPTIONS] [TESTNAME] [-- [ARGS]...]", error.Usage);
    }

    [Fact]
    public void DoubleDashEndsOptions()
    {
        var args = Parse("filter", "--", "--nocapture", "-q");
        Assert.Equal("filter", args.Positional("name"));
        Assert.Equal(["--nocapture", "-q"], args.Trailing);
    }

    [Fact]
    public void AliasSpellingMapsToTheSameOption()
    {
        Assert.True(Parse("--all").Flag("workspace"));
    }

    [Theory]
    [InlineData("the argument '--release' cannot be used multiple times", "--release", "--release")]
    [InlineData("a value is required for '--jobs <N>' but none was supplied", "--jobs")]
    [InlineData("unexpected argument '--relese' found", "--relese")]
    [InlineData("unexpected argument 'extra' found", "a", "extra")]
    [InlineData("invalid value 'x' for '--color <WHEN>'\n  [possible values: auto, always, never]", "--color", "x")]
    [InlineData("unexpected value 'x' for '--release' found; no more were expected", "--release=x")]
    public void UsageErrorsUseClapWording(string message, params string[] args)
    {
        var error = Assert.Throws<ArgParseException>(() => Parse(args));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void SimilarOptionIsSuggested()
    {
        var error = Assert.Throws<ArgParseException>(() => Parse("--relese"));
        Assert.Equal("a similar argument exists: '--release'", error.Tip);
        Assert.Equal("ferry build --release [TESTNAME]", error.Usage);
    }

    [Fact]
    public void RequiredPositionalIsReported()
    {
        var spec = new CommandSpec("new", "New") { Positionals = [new PositionalSpec("path", "PATH", "Path", Required: true)] };
        var error = Assert.Throws<ArgParseException>(() => new ArgParser(spec, "ferry").Parse([]));
        Assert.Equal("the following required arguments were not provided:\n  <PATH>", error.Message);
        Assert.Equal("ferry new <PATH>", error.Usage);
    }

    private static readonly CommandSpec New = new("new", "New")
    {
        Options =
        [
            new ArgSpec("vcs", ArgKind.Value, "Vcs") { Long = "vcs", ValueName = "VCS", PossibleValues = ["git", "hg", "none"] },
            new ArgSpec("edition", ArgKind.Value, "Edition") { Long = "edition", ValueName = "YEAR", PossibleValues = ["2015", "2018", "2021", "2024"] },
            new ArgSpec("lib", ArgKind.Flag, "Lib") { Long = "lib" },
            new ArgSpec("verbose", ArgKind.Count, "Verbose") { Long = "verbose", Short = 'v' },
            new ArgSpec("help", ArgKind.Flag, "Help") { Long = "help", Short = 'h' },
            new ArgSpec("silent", ArgKind.Flag, string.Empty) { Long = "silent", Short = 's', Hidden = true, SuggestInstead = "--quiet" },
        ],
        Positionals = [new PositionalSpec("path", "PATH", string.Empty, Required: true)],
        PositionalsAfterDoubleDash = true,
    };

    private static ArgParseException NewError(params string[] args) => Assert.Throws<ArgParseException>(() => new ArgParser(New, "ferry").Parse(args));

    [Fact]
    public void SimilarPossibleValueIsSuggested()
    {
        var error = NewError("x", "--edition", "2019");
        Assert.Equal("invalid value '2019' for '--edition <YEAR>'\n  [possible values: 2015, 2018, 2021, 2024]", error.Message);
        Assert.Equal("a similar value exists: '2021'", error.Tip);
        Assert.Null(error.Usage);
    }

    [Fact]
    public void ASeparateValueIsCheckedAfterTheNextArgument()
    {
        Assert.Equal("unexpected argument '--flag' found", NewError("x", "--vcs", "svn", "--flag").Message);
        Assert.StartsWith("invalid value 'svn'", NewError("x", "--vcs=svn", "--flag").Message, StringComparison.Ordinal);
        Assert.StartsWith("invalid value 'svn'", NewError("x", "--vcs", "svn", "--lib", "--lib").Message, StringComparison.Ordinal);
        Assert.StartsWith("invalid value 'svn'", NewError("x", "--vcs", "svn").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ferry new <PATH>", "x", "--flag")]
    [InlineData("ferry new [OPTIONS] <PATH>", "--flag", "x")]
    [InlineData("ferry new --vcs <VCS> --lib <PATH>", "x", "--vcs", "none", "--lib", "--flag")]
    [InlineData("ferry new --verbose... <PATH>", "-v", "-v", "--flag")]
    [InlineData("ferry new --verbose... <PATH>", "--verbos")]
    [InlineData("ferry new --lib <PATH>", "--lib=1")]
    [InlineData("ferry new [OPTIONS] <PATH>", "x", "-x")]
    public void UsageShowsTheArgumentsGivenSoFar(string usage, params string[] args) => Assert.Equal(usage, NewError(args).Usage);

    [Fact]
    public void MissingRequiredArgumentUsesTheGivenOptions()
    {
        Assert.Equal("ferry new <PATH>", NewError().Usage);
        Assert.Equal("ferry new --lib <PATH>", NewError("--lib").Usage);
    }

    [Fact]
    public void HelpNeedsNoRequiredArgument() => Assert.True(new ArgParser(New, "ferry").Parse(["--help"]).Flag("help"));

    [Fact]
    public void ArgumentsAfterDoubleDashArePositionals()
    {
        Assert.Equal("-a", new ArgParser(New, "ferry").Parse(["--", "-a"]).Positional("path"));
        Assert.Equal("unexpected argument 'b' found", NewError("--", "a", "b").Message);
    }

    [Theory]
    [InlineData("-s")]
    [InlineData("--silent")]
    public void SilentPointsToQuiet(string flag)
    {
        var error = NewError(flag, "x");
        Assert.Equal("unexpected argument '--silent' found", error.Message);
        Assert.Equal("a similar argument exists: '--quiet'", error.Tip);
        Assert.Equal("ferry new [OPTIONS] <PATH>", error.Usage);
    }
}
