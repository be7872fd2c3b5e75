using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Config;

/// <summary>
/// Broken configuration, checked through <c>config get</c> (which loads everything) against
/// nightly Cargo: every case must fail with exit code 101, an <c>error:</c> message naming the
/// file (and line/column for syntax errors), Cargo's exact <c>Caused by:</c> chain, and never a
/// stack trace.
/// </summary>
public sealed class ConfigBadInputTests
{
    private static ConfigCase File(string name, string contents, params string[] get) =>
        new(name) { Files = new() { ["work/.cargo/config.toml"] = contents }, Get = get };

    private static ConfigCase Cli(string name, params string[] configArgs) =>
        new(name)
        {
            Files = new() { ["work/.cargo/config.toml"] = "a.x = 1\n", ["work/extra/bad.toml"] = "a = \n", ["work/extra/ok.toml"] = "b.y = 2\n" },
            Global = [.. configArgs.SelectMany(arg => new[] { "--config", arg })],
        };

    public static readonly ConfigCase[] Cases =
    [
        File("toml-syntax", "a = 1 b = 2\n"),
        File("toml-unterminated-string", "[build]\ntarget = \"x86_64\n"),
        File("toml-unclosed-array", "a = 1\nb = [1,\n"),
        File("toml-duplicate-key", "[build]\njobs = 1\njobs = 2\n"),
        File("toml-bad-escape", "[a]\nb = \"\\x\"\n"),
        File("toml-redefined-table", "a.b = 1\n[a]\nc = 2\n"),
        new("toml-syntax-in-cargo-home") { Files = new() { ["cargo-home/config.toml"] = "[net\nretry = 2\n" } },
        new("invalid-utf8") { Bytes = new() { ["work/.cargo/config.toml"] = [(byte)'a', (byte)'=', (byte)'"', 0xff, (byte)'"', (byte)'\n'] } },
        new("config-toml-is-a-directory") { Directories = ["work/.cargo/config.toml"] },
        File("float-value", "[build]\njobs = 1.5\n"),
        File("datetime-in-array", "a = [1, [2, 1979-05-27]]\n"),
        new("merge-array-vs-string")
        {
            Files = new() { ["work/.cargo/config.toml"] = "build.rustflags = \"a b\"\n", ["work/b/.cargo/config.toml"] = "build.rustflags = [\"c\"]\n" },
            Cwd = "work/b",
        },
        new("merge-table-vs-scalar")
        {
            Files = new() { ["cargo-home/config.toml"] = "build = 1\n", ["work/.cargo/config.toml"] = "[build]\njobs = 2\n" },
        },
        File("include-cycle", "include = [\"config.toml\"]\n"),
        new("include-indirect-cycle")
        {
            Files = new() { ["work/.cargo/config.toml"] = "include = [\"a.toml\"]\n", ["work/.cargo/a.toml"] = "include = [\"b.toml\"]\n", ["work/.cargo/b.toml"] = "include = [\"a.toml\"]\n" },
        },
        File("include-missing", "include = [\"missing.toml\"]\n"),
        File("include-not-toml", "include = [\"extra.conf\"]\n"),
        File("include-glob", "include = [\"*.toml\"]\n"),
        File("include-template", "include = [\"{profile}.toml\"]\n"),
        File("include-bare-string", "include = \"extra.toml\"\n"),
        File("include-table-without-path", "include = [{ optional = true }]\n"),
        File("include-optional-not-bool", "include = [{ path = \"x.toml\", optional = \"yes\" }]\n"),
        File("include-integer", "include = [1]\n"),
        new("include-with-syntax-error")
        {
            Files = new() { ["work/.cargo/config.toml"] = "include = [\"bad.toml\"]\n", ["work/.cargo/bad.toml"] = "x = = 1\n" },
        },
        Cli("cli-two-assignments", "a=1 b=2"),
        Cli("cli-no-value", "build.jobs"),
        Cli("cli-table-header", "[build]"),
        Cli("cli-inline-table", "build={jobs=1}"),
        Cli("cli-comment", "build.jobs = 1 # fast"),
        Cli("cli-array-of-tables", "[[a]]"),
        Cli("cli-empty", ""),
        Cli("cli-two-lines", "a.b=1\na.c=2"),
        Cli("cli-token", "registries.my.token=\"secret\""),
        Cli("cli-float", "build.jobs=1.5"),
        Cli("cli-directory", "extra"),
        Cli("cli-file-syntax", "extra/bad.toml"),
        Cli("cli-same-file-twice", "extra/ok.toml", "extra/ok.toml"),
        Cli("cli-type-conflict", "a.x.y=1"),
        Cli("cli-include-missing", "include=['nope.toml']"),
        File("key-through-scalar", "[build]\njobs = 1\n", "build.jobs.x"),
        File("key-not-set", "[build]\njobs = 1\n", "build.target"),
    ];

    public static TheoryData<string> Names() => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void FailsExactlyLikeCargo(string name)
    {
        var setup = Cases.Single(c => c.Name == name);
        using var sandbox = ConfigSandbox.Create(setup);
        var cargo = ConfigSandbox.Cargo(sandbox, setup);
        var ferry = ConfigSandbox.Ferry(sandbox, setup);

        Assert.Equal(101, cargo.ExitCode);
        Assert.Equal(cargo with { Stderr = ConfigSandbox.CargoWordsToFerry(cargo.Stderr) }, ferry);
        Assert.StartsWith("error: ", ferry.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", ferry.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", ferry.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SyntaxErrorsPointAtLineAndColumn()
    {
        var setup = Cases.Single(c => c.Name == "toml-unclosed-array");
        using var sandbox = ConfigSandbox.Create(setup);
        var ferry = ConfigSandbox.Ferry(sandbox, setup);
        var path = Path.Combine(sandbox.Work, ".cargo", "config.toml");
        Assert.Contains($"could not parse TOML configuration in `{path}`", ferry.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"TOML parse error at line \d+, column \d+", ferry.Stderr);
    }

    [Fact]
    public void LegacyDirectoryFailsWithTheSameError()
    {
        // Cargo prints the "deprecated" warning once per attempt to load (several on failure);
        // only the error itself is compared.
        var setup = new ConfigCase("legacy-config-is-a-directory") { Directories = ["work/.cargo/config"] };
        using var sandbox = ConfigSandbox.Create(setup);
        var cargo = ConfigSandbox.Cargo(sandbox, setup);
        var ferry = ConfigSandbox.Ferry(sandbox, setup);
        Assert.Equal(101, ferry.ExitCode);
        static string ErrorPart(string stderr) => stderr[stderr.IndexOf("error: ", StringComparison.Ordinal)..];
        Assert.Equal(ErrorPart(cargo.Stderr), ErrorPart(ferry.Stderr));
    }

    [Fact]
    public void ThereAreAtLeastTwentyFiveCases()
    {
        Assert.True(Cases.Length >= 25);
        Assert.Equal(Cases.Length, Cases.Select(c => c.Name).Distinct().Count());
    }
}
