using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Config;

/// <summary>
/// <c>ferry config get</c> against <c>cargo +nightly -Zunstable-options config get</c> on the
/// same layered setups: stdout, stderr and exit code must be byte-identical.
/// </summary>
public sealed class ConfigGetDifferentialTests
{
    private const string Everything = """
        [build]
        jobs = 2
        rustflags = ["-C", "a"]
        target-dir = "tgt"
        [alias]
        x = "build --release"
        [target.'cfg(unix)']
        runner = "r1"
        [env]
        FOO = { value = "v", relative = true }
        [registries.my-reg]
        index = "https://example.com/index"
        "quoted.key" = 1
        """;

    private static readonly Dictionary<string, string> Layers = new()
    {
        ["work/.cargo/config.toml"] = Everything,
        ["work/b/.cargo/config.toml"] = "[build]\njobs = 4\nrustflags = [\"-C\", \"b\"]\n[registries.my-reg]\ntoken = \"t\"\n",
        ["cargo-home/config.toml"] = "[build]\nrustflags = [\"home\"]\nincremental = false\n[net]\nretry = 5\n",
    };

    private const string Strings = """
        [t]
        s1 = "plain"
        s2 = 'has "dq"'
        s3 = "has 'sq'"
        s4 = "both ' and \""
        s5 = "back\\slash"
        s6 = "new\nline"
        s7 = "tab\there"
        s8 = "ctl\u0001x"
        s9 = "new\nline with \"\"\" triple"
        s10 = "new\nline with ''' triple and \\"
        s11 = ""
        s12 = "ünï"
        s13 = "del\u007f"
        s14 = "cr\r\n"
        arr = []
        arr2 = [[1, 2], ["a"]]
        arr3 = [{a = 1, b = "x"}, {}]
        tbl = {}
        neg = -5
        "a b" = 1
        "" = 2
        "k'q" = 3
        'k"q' = 4
        """;

    private const string Includes = """
        include = ["one.toml", { path = "two.toml" }, { path = "missing.toml", optional = true }]
        [build]
        jobs = 1
        rustflags = ["main"]
        """;

    private static readonly Dictionary<string, string> IncludeFiles = new()
    {
        ["work/.cargo/config.toml"] = Includes,
        ["work/.cargo/one.toml"] = "build.jobs = 10\nbuild.target = \"t1\"\nbuild.rustflags = [\"one\"]\nbuild.target-dir = \"d1\"\n",
        ["work/.cargo/two.toml"] = "build.target = \"t2\"\nbuild.rustflags = [\"two\"]\ninclude = [\"../sub/three.toml\"]\n",
        ["work/sub/three.toml"] = "build.rustflags = [\"three\"]\nbuild.target-dir = \"d3\"\n",
    };

    private static readonly Dictionary<string, string> ExtraFile = new()
    {
        ["work/.cargo/config.toml"] = "a.x = 0\na.list = [\"file\"]\n",
        ["work/extra/c.toml"] = "a.x = 1\na.list = [\"extra\"]\ninclude = [\"inc2.toml\"]\n",
        ["work/extra/inc2.toml"] = "a.y = 2\n",
    };

    public static readonly ConfigCase[] Cases =
    [
        new("all-types") { Files = new() { ["work/.cargo/config.toml"] = Everything } },
        new("layers") { Files = Layers, Cwd = "work/b/c" },
        new("layers-show-origin") { Files = Layers, Cwd = "work/b/c", Get = ["--show-origin"] },
        new("layers-json") { Files = Layers, Cwd = "work/b/c", Get = ["--format", "json"] },
        new("layers-json-value-table") { Files = Layers, Cwd = "work/b/c", Get = ["--format", "json-value", "build"] },
        new("layers-json-key") { Files = Layers, Cwd = "work/b/c", Get = ["--format", "json", "build.rustflags"] },
        new("layers-unmerged") { Files = Layers, Cwd = "work/b/c", Get = ["--merged=no", "--show-origin"] },
        new("layers-unmerged-key") { Files = Layers, Cwd = "work/b/c", Get = ["--merged=no", "build.jobs"], Env = new() { ["CARGO_BUILD_JOBS"] = "8" } },
        new("env-scalar-and-table") { Files = Layers, Cwd = "work/b", Get = ["build", "--show-origin"], Env = new() { ["CARGO_BUILD_JOBS"] = "8", ["CARGO_BUILD_RUSTFLAGS"] = "-x y" } },
        new("env-list-merged") { Files = Layers, Cwd = "work/b", Get = ["build.rustflags", "--show-origin"], Env = new() { ["CARGO_BUILD_RUSTFLAGS"] = "-x  y" } },
        new("env-only-key") { Get = ["registries.other.token"], Env = new() { ["CARGO_REGISTRIES_OTHER_TOKEN"] = "abc" } },
        new("env-values-typed") { Get = ["--format", "json"], Env = new() { ["CARGO_NET_RETRY"] = "007", ["CARGO_TERM_VERBOSE"] = "true", ["CARGO_X"] = "it's! a:b" } },
        new("env-json-note") { Files = Layers, Get = ["--format", "json", "build"], Env = new() { ["CARGO_BUILD_JOBS"] = "8" } },
        new("cli-value-over-env") { Files = Layers, Global = ["--config", "build.jobs=1", "--config", "build.rustflags=['cli']"], Get = ["build", "--show-origin"], Env = new() { ["CARGO_BUILD_JOBS"] = "8", ["CARGO_BUILD_RUSTFLAGS"] = "env" } },
        new("cli-file-and-value-order") { Files = ExtraFile, Global = ["--config", "extra/c.toml", "--config", "a.x=5", "--config", "a.list=['cli']"], Get = ["a", "--show-origin"] },
        new("cli-value-then-file") { Files = ExtraFile, Global = ["--config", "a.x=5", "--config", "extra/c.toml"], Get = ["a", "--show-origin"] },
        new("cli-unmerged") { Files = ExtraFile, Global = ["--config", "extra/c.toml", "--config", "a.z=true"], Get = ["--merged=no", "--show-origin"] },
        new("cli-quoted-key") { Global = ["--config", "target.'cfg(all(unix, not(windows)))'.runner = 'my-runner'", "--config", "a.\"b.c\" = 1"], Get = ["--format", "json"] },
        new("includes") { Files = IncludeFiles, Get = ["--show-origin"] },
        new("includes-unmerged") { Files = IncludeFiles, Get = ["--merged=no", "--show-origin"] },
        new("cli-include") { Files = ExtraFile, Global = ["--config", "include=['extra/c.toml']"], Get = ["a", "--show-origin"] },
        new("arrays-three-levels") { Files = Layers, Cwd = "work/b/c", Global = ["--config", "build.rustflags=['cli1']", "--config", "build.rustflags=['cli2']"], Get = ["build.rustflags", "--show-origin"], Env = new() { ["CARGO_BUILD_RUSTFLAGS"] = "env" } },
        new("runner-not-merged") { Files = new() { ["work/.cargo/config.toml"] = "[target.x]\nrunner = [\"outer\", \"a\"]\n", ["work/b/.cargo/config.toml"] = "[target.x]\nrunner = [\"inner\"]\n" }, Cwd = "work/b", Get = ["target", "--show-origin"] },
        new("runner-env-replaces") { Files = new() { ["work/.cargo/config.toml"] = "[target.x]\nrunner = [\"file\"]\n" }, Get = ["target.x.runner", "--show-origin"], Env = new() { ["CARGO_TARGET_X_RUNNER"] = "env-runner --flag" } },
        new("relative-paths-keep-origin") { Files = new() { ["work/.cargo/config.toml"] = "build.target-dir = \"out\"\n", ["work/p/q/settings.toml"] = "build.rustc = \"tools/rustc\"\n" }, Cwd = "work/sub", Global = ["--config", "../p/q/settings.toml"], Get = ["build", "--show-origin"] },
        new("strings-toml") { Files = new() { ["work/.cargo/config.toml"] = Strings } },
        new("strings-json") { Files = new() { ["work/.cargo/config.toml"] = Strings }, Get = ["--format", "json"] },
        new("legacy-config-alone") { Files = new() { ["work/.cargo/config"] = "a.x = 1\n" }, Get = ["a"] },
        new("legacy-and-toml") { Files = new() { ["work/.cargo/config"] = "a.x = 1\n", ["work/.cargo/config.toml"] = "a.y = 2\n" }, Get = ["a"] },
        new("legacy-symlink") { Files = new() { ["work/.cargo/config.toml"] = "a.y = 2\n" }, Links = new() { ["work/.cargo/config"] = "config.toml" }, Get = ["a"] },
        new("cargo-home-in-tree") { Files = new() { ["work/.cargo/config.toml"] = "build.rustflags = [\"once\"]\n" }, Env = new() { ["CARGO_HOME"] = "[ROOT]/work/.cargo" }, Cwd = "work/x", Get = ["--show-origin"] },
        new("toml-1.1-features") { Files = new() { ["work/.cargo/config.toml"] = "a = {\n  b = 1,\n}\nc = \"\\e\"\n" } },
        new("not-set") { Files = Layers, Get = ["nothing.here"] },
        new("through-a-scalar") { Files = Layers, Get = ["build.jobs.x"] },
        new("through-a-scalar-unmerged") { Files = Layers, Get = ["build.jobs.x", "--merged=no"] },
        new("json-show-origin") { Files = Layers, Get = ["--format", "json", "--show-origin"] },
        new("json-unmerged") { Files = Layers, Get = ["--format", "json-value", "--merged=no"] },
    ];

    public static TheoryData<string> Names() => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void MatchesNightlyCargo(string name)
    {
        var setup = Cases.Single(c => c.Name == name);
        using var sandbox = ConfigSandbox.Create(setup);
        var cargo = ConfigSandbox.Cargo(sandbox, setup);
        var ferry = ConfigSandbox.Ferry(sandbox, setup);
        var expected = cargo with { Stderr = ConfigSandbox.CargoWordsToFerry(cargo.Stderr) };
        Assert.Equal(expected, ferry);

        // The oracle really ran: it printed values or one of its own errors.
        Assert.True(cargo.ExitCode == 0 ? cargo.Stdout.Length > 0 : cargo.Stderr.StartsWith("error: ", StringComparison.Ordinal), cargo.ToString());
    }

    [Fact]
    public void ThereAreAtLeastTwentyLayeredSetups()
    {
        Assert.True(Cases.Length >= 20);
        Assert.Equal(Cases.Length, Cases.Select(c => c.Name).Distinct().Count());
    }
}
