using Ferry.Core.Configuration;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Core.Configuration;

/// <summary>
/// Typed views: values, defaults, config-relative paths, and error texts. The expected errors
/// were taken from Cargo 1.95 (<c>cargo check</c> with the same config); the testsuite
/// re-checks a set of them against the real cargo.
/// </summary>
public sealed class TypedSettingsTests : IDisposable
{
    private readonly ConfigWorld _world = new();

    public void Dispose() => _world.Dispose();

    private string Config(string contents) => _world.File("work/.cargo/config.toml", contents);

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
    public void BuildSettingsAndRelativePaths()
    {
        Config("""
            [build]
            jobs = 3
            target = ["x86_64-unknown-linux-gnu", "specs/custom.json"]
            target-dir = "out"
            rustflags = "-C  opt-level=2"
            rustc = "tools/rustc"
            rustc-wrapper = "sccache"
            incremental = false
            """);
        _world.Variables["CARGO_BUILD_RUSTDOCFLAGS"] = "--cfg docs";
        var gctx = _world.Context(Path.Combine(_world.Work, "nested"));
        var build = gctx.Build;
        Assert.Equal(3, build.Jobs!.Resolve(8));
        Assert.Equal(["x86_64-unknown-linux-gnu", Path.Combine(_world.Work, "specs/custom.json")], build.Target!.Values(gctx.Cwd).AsEnumerable());
        Assert.Equal(Path.Combine(_world.Work, "out"), build.TargetDir!.ResolvePath(gctx.Cwd));
        Assert.Equal(Path.Combine(_world.Work, "out"), gctx.TargetDir());
        Assert.Equal(["-C", "opt-level=2"], build.Rustflags!.Value.AsEnumerable());
        Assert.Equal(["--cfg", "docs"], build.Rustdocflags!.Value.AsEnumerable());
        Assert.Equal(Path.Combine(_world.Work, "tools/rustc"), build.Rustc!.ResolveProgram(gctx.Cwd));
        Assert.Equal("sccache", build.RustcWrapper!.ResolveProgram(gctx.Cwd));
        Assert.False(build.Incremental);
    }

    [Fact]
    public void EnvironmentAndCliPathsAreRelativeToTheWorkingDirectory()
    {
        _world.Variables["CARGO_BUILD_TARGET_DIR"] = "from-env";
        var cwd = Path.Combine(_world.Work, "a");
        Assert.Equal(Path.Combine(cwd, "from-env"), _world.Context(cwd).Build.TargetDir!.ResolvePath(cwd));
        _world.Variables.Remove("CARGO_BUILD_TARGET_DIR");
        Assert.Equal(Path.Combine(cwd, "from-cli"), _world.Context(cwd, "build.target-dir = 'from-cli'").Build.TargetDir!.ResolvePath(cwd));
        _world.Variables["CARGO_TARGET_DIR"] = "t";
        Assert.Equal(Path.Combine(cwd, "t"), _world.Context(cwd).TargetDir());
    }

    [Theory]
    [InlineData("-2", 6)]
    [InlineData("\"default\"", 8)]
    public void JobsResolveWithCargosRules(string value, int expected)
    {
        Config($"build.jobs = {value}");
        Assert.Equal(expected, _world.Context().Build.Jobs!.Resolve(8));
    }

    [Theory]
    [InlineData("build.jobs = 0", "jobs may not be 0")]
    [InlineData("build.jobs = \"x\"", "could not parse `x`. Number of parallel jobs should be `default` or a number.")]
    public void JobsValidation(string contents, string message)
    {
        Config(contents);
        var error = Assert.Throws<FerryException>(() => _world.Context().Build.Jobs!.Resolve(8));
        Assert.Equal(message, error.Message);
    }

    /// <summary>Texts observed from <c>cargo check</c> (Cargo 1.95) with the same file.</summary>
    [Theory]
    [InlineData("[build]\njobs = true", "error in {0}: could not load config key `build.jobs`\n--\ninvalid type: boolean `true`, expected an integer or string")]
    [InlineData("[build]\njobs = [1]", "error in {0}: could not load config key `build.jobs`\n--\ninvalid type: sequence, expected an integer or string")]
    [InlineData("[build]\ntarget-dir = 5", "error in {0}: could not load config key `build.target-dir`\n--\nerror in {0}: `build.target-dir` expected a string, but found a integer")]
    [InlineData("build = 1", "invalid configuration for key `build`\nexpected a table, but found a integer for `build` in {0}")]
    [InlineData("[build]\nincremental = \"no\"", "error in {0}: `build.incremental` expected true/false, but found a string")]
    [InlineData("[build]\nrustflags = 5", "invalid configuration for key `build.rustflags`\nexpected a string or array of strings, but found a integer for `build.rustflags` in {0}")]
    [InlineData("[build]\nrustflags = [1]", "error in {0}: `build.rustflags` expected string, but found a integer")]
    [InlineData("[build]\ntarget = 1", "error in {0}: could not load config key `build.target`\n--\nerror in {0}: could not load config key `build.target`\n--\ninvalid type: integer `1`, expected a string or array")]
    [InlineData("[build]\ntarget = [1]", "error in {0}: could not load config key `build.target`\n--\nerror in {0}: could not load config key `build.target`\n--\nerror in {0}: failed to parse config at `build.target[0]`")]
    [InlineData("[build]\nwarnings = \"bad\"", "error in {0}: could not load config key `build.warnings`\n--\nunknown variant `bad`, expected one of `warn`, `allow`, `deny`")]
    public void BuildErrorsPointAtTheDefinition(string contents, string expected)
    {
        var path = Config(contents);
        var error = Assert.ThrowsAny<FerryException>(() => _world.Context().Build);
        Assert.Equal(expected.Replace("{0}", path), Chain(error));
    }

    [Fact]
    public void TableOfWrongTypeIsNotAConfigException()
    {
        var path = Config("build = 1");
        var error = Assert.ThrowsAny<FerryException>(() => _world.Context().Build);
        Assert.Equal($"invalid configuration for key `build`\nexpected a table, but found a integer for `build` in {path}", error.Message);
    }

    [Theory]
    [InlineData("[term]\nverbose = \"yes\"", "Term", "error in {0}: `term.verbose` expected true/false, but found a string")]
    [InlineData("[term]\nprogress = { when = \"always\" }", "Term", "\"always\" progress requires a `width` key")]
    [InlineData("[term]\nprogress.when = \"sometimes\"", "Term", "error in {0}: could not load config key `term.progress.when`\n--\nunknown variant `sometimes`, expected one of `auto`, `never`, `always`")]
    [InlineData("[resolver]\nincompatible-rust-versions = \"bad\"", "Resolver", "error in {0}: could not load config key `resolver.incompatible-rust-versions`\n--\nunknown variant `bad`, expected `allow` or `fallback`")]
    [InlineData("[env]\nX = 1", "Env", "error in {0}: could not load config key `env.X`\n--\nerror in {0}: could not load config key `env.X`\n--\ninvalid type: integer `1`, expected a string or map")]
    [InlineData("[env]\nX = { force = true }", "Env", "error in {0}: could not load config key `env.X`\n--\nerror in {0}: could not load config key `env.X`\n--\nmissing field `value`")]
    [InlineData("[env]\nCARGO_HOME = \"x\"", "Env", "setting the `CARGO_HOME` environment variable is not supported in the `[env]` configuration table")]
    [InlineData("[net]\nretry = -1", "Net", "error in {0}: could not load config key `net.retry`\n--\ninvalid value: integer `-1`, expected u32")]
    [InlineData("[http]\ntimeout = \"x\"", "Http", "error in {0}: `http.timeout` expected an integer, but found a string")]
    [InlineData("[alias]\nx = 1", "Alias", "invalid configuration for key `alias.x`\nexpected a list, but found a integer for `alias.x` in {0}")]
    [InlineData("[alias]\nx = [1]", "Alias", "error in {0}: failed to parse config at `alias.x[0]`\n--\ninvalid type: integer `1`, expected a string")]
    [InlineData("[alias]\nx = \"\"", "Alias", "subcommand is required, but `alias.x` is empty")]
    [InlineData("alias = 1", "Alias", "expected table for configuration key `alias`, but found integer in {0}")]
    [InlineData("[target.x86_64-unknown-linux-gnu]\nrunner = 1", "Target", "error in {0}: could not load config key `target.x86_64-unknown-linux-gnu.runner`\n--\nerror in {0}: could not load config key `target.x86_64-unknown-linux-gnu.runner`\n--\ninvalid configuration for key `target.x86_64-unknown-linux-gnu.runner`\nexpected a string or array of strings, but found a integer for `target.x86_64-unknown-linux-gnu.runner` in {0}")]
    [InlineData("[target.x86_64-unknown-linux-gnu]\nlinker = 1", "Target", "error in {0}: could not load config key `target.x86_64-unknown-linux-gnu.linker`\n--\nerror in {0}: could not load config key `target.x86_64-unknown-linux-gnu.linker`\n--\nerror in {0}: `target.x86_64-unknown-linux-gnu.linker` expected a string, but found a integer")]
    [InlineData("[target.x86_64-unknown-linux-gnu]\nrustflags = 1", "Target", "invalid configuration for key `target.x86_64-unknown-linux-gnu.rustflags`\nexpected a string or array of strings, but found a integer for `target.x86_64-unknown-linux-gnu.rustflags` in {0}")]
    [InlineData("[target.x86_64-unknown-linux-gnu]\nrustflags = [1]", "Target", "error in {0}: `target.x86_64-unknown-linux-gnu.rustflags` expected string, but found a integer")]
    [InlineData("[target.x86_64-unknown-linux-gnu]\nfoo = 1", "Target", "expected a table, but found a integer for `target.x86_64-unknown-linux-gnu.foo` in {0}")]
    [InlineData("[target.x86_64-unknown-linux-gnu.foo]\nrustc-flags = \"-x y\"", "Target", "only `-l` and `-L` flags are allowed in target config `target.x86_64-unknown-linux-gnu.rustc-flags` (in {0}): `-x y`")]
    [InlineData("[target.x86_64-unknown-linux-gnu.foo]\nwarning = \"x\"", "Target", "`warning` is not supported in build script overrides")]
    [InlineData("[security]\nallow-build-script = [\"a\"]", "Security", "unknown config key `security.allow-build-script` in {0}")]
    [InlineData("[security]\nallow-build-scripts = \"a\"", "Security", "invalid configuration for key `security.allow-build-scripts`\nexpected a list, but found a string for `security.allow-build-scripts` in {0}")]
    public void AreaErrorsMatchCargo(string contents, string area, string expected)
    {
        var path = Config(contents);
        var gctx = _world.Context();
        Action read = area switch
        {
            "Term" => () => _ = gctx.Term,
            "Resolver" => () => _ = gctx.Resolver,
            "Env" => () => _ = gctx.Env,
            "Net" => () => _ = gctx.Net,
            "Http" => () => _ = gctx.Http,
            "Alias" => () => _ = gctx.Alias("x"),
            "Target" => () => _ = gctx.Target("x86_64-unknown-linux-gnu"),
            "Security" => () => _ = gctx.Security,
            _ => throw new ArgumentException(area),
        };
        var error = Assert.ThrowsAny<FerryException>(read);
        Assert.Equal(expected.Replace("{0}", path), Chain(error));
    }

    [Theory]
    [InlineData("CARGO_BUILD_JOBS", "abc", "Build", "could not parse `abc`. Number of parallel jobs should be `default` or a number.")]
    [InlineData("CARGO_BUILD_JOBS", "true", "Build", "error in environment variable `CARGO_BUILD_JOBS`: could not load config key `build.jobs`\n--\ninvalid type: boolean `true`, expected an integer or string")]
    [InlineData("CARGO_NET_RETRY", "abc", "Net", "error in environment variable `CARGO_NET_RETRY`: invalid digit found in string")]
    [InlineData("CARGO_NET_RETRY", "", "Net", "error in environment variable `CARGO_NET_RETRY`: cannot parse integer from empty string")]
    [InlineData("CARGO_NET_OFFLINE", "yes", "Net", "error in environment variable `CARGO_NET_OFFLINE`: provided string was not `true` or `false`")]
    [InlineData("CARGO_HTTP_TIMEOUT", "99999999999999999999", "Http", "error in environment variable `CARGO_HTTP_TIMEOUT`: number too large to fit in target type")]
    public void BadEnvironmentValuesNameTheVariable(string variable, string value, string area, string expected)
    {
        _world.Variables[variable] = value;
        var gctx = _world.Context();
        var error = Assert.ThrowsAny<FerryException>(() =>
        {
            switch (area)
            {
                case "Build":
                    _ = gctx.Build.Jobs!.Resolve(4);
                    break;
                case "Net":
                    _ = gctx.Net;
                    break;
                default:
                    _ = gctx.Http;
                    break;
            }
        });
        Assert.Equal(expected, Chain(error));
    }

    [Fact]
    public void UnknownKeysWarnOnceWithTheirFile()
    {
        var path = Config("[build]\nfoo = 1\n[term]\nbar = 2");
        var gctx = _world.Context();
        _ = gctx.Build;
        _ = gctx.Build;
        _ = gctx.Term;
        Assert.Equal([$"unused config key `build.foo` in `{path}`", $"unused config key `term.bar` in `{path}`"], _world.Shell.Warnings);
    }

    [Fact]
    public void MisspelledVariablesAreIgnoredWithAWarning()
    {
        _world.Variables["cargo_build_jobs"] = "3";
        Assert.Null(_world.Context().Build.Jobs);
        Assert.Contains("environment variables are expected to use uppercase letters and underscores, the variable `cargo_build_jobs` will be ignored and have no effect", _world.Shell.Warnings);
    }

    [Fact]
    public void TargetTablesAndCfgTables()
    {
        Config("""
            [target.x86_64-unknown-linux-gnu]
            runner = "qemu -L /x"
            linker = "bin/cc"
            [target.x86_64-unknown-linux-gnu.ssl]
            rustc-link-lib = ["ssl"]
            rustc-flags = "-L /opt -lcrypto"
            rustc-env = { A = "b" }
            root = "/opt/ssl"
            [target.'cfg(unix)']
            rustflags = ["-Cx"]
            other = 1
            """);
        _world.Variables["CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTFLAGS"] = "-Cenv";
        var gctx = _world.Context();
        var target = gctx.Target("x86_64-unknown-linux-gnu");
        Assert.Equal("qemu", target.Runner!.Val.Path.Raw);
        Assert.Equal(["-L", "/x"], target.Runner.Val.Args.AsEnumerable());
        Assert.Equal(Path.Combine(_world.Work, "bin/cc"), target.Linker!.Val.ResolveProgram(gctx.Cwd));
        Assert.Equal(["-Cenv"], target.Rustflags!.Val.AsEnumerable());
        var ssl = target.LinksOverrides["ssl"];
        Assert.Equal(["crypto", "ssl"], ssl.LibraryLinks.AsEnumerable());
        Assert.Equal(["/opt"], ssl.LibraryPaths.AsEnumerable());
        Assert.Equal([("A", "b")], ssl.Env.AsEnumerable());
        Assert.Equal([("root", "/opt/ssl")], ssl.Metadata.AsEnumerable());
        var cfg = Assert.Single(gctx.TargetCfgs);
        Assert.Equal("cfg(unix)", cfg.Key);
        Assert.Equal(["-Cx"], cfg.Rustflags!.Val.AsEnumerable());
        Assert.Equal(["unused key `other` in [target] config table `cfg(unix)`"], _world.Shell.Warnings);
    }

    [Fact]
    public void RegistriesSourcesEnvAndTheRest()
    {
        Config("""
            [registries.my-reg]
            index = "sparse+https://example.com/index/"
            credential-provider = ["cargo:token"]
            [registry]
            default = "my-reg"
            global-credential-providers = ["cargo:token", "cargo:libsecret"]
            [source.crates-io]
            replace-with = "vendored"
            [source.vendored]
            directory = "vendor"
            [env]
            PLAIN = "v"
            REL = { value = "rel/dir", relative = true, force = true }
            [cargo-new]
            vcs = "none"
            [install]
            root = "inst"
            [future-incompat-report]
            frequency = "never"
            [cache]
            auto-clean-frequency = "never"
            [resolver]
            incompatible-rust-versions = "fallback"
            [security]
            allow-build-scripts = ["openssl-sys"]
            [profile.release]
            lto = true
            [patch.crates-io]
            foo = { path = "foo" }
            [net]
            offline = true
            """);
        _world.Variables["CARGO_REGISTRIES_MY_REG_TOKEN"] = "secret";
        _world.Variables["PLAIN"] = "already";
        var gctx = _world.Context();
        var registry = gctx.Registries("my-reg");
        Assert.Equal("sparse+https://example.com/index/", registry.Index);
        Assert.Equal(new Value<string>("secret", Definition.Environment("CARGO_REGISTRIES_MY_REG_TOKEN")), registry.Token);
        Assert.Equal("cargo:token", registry.CredentialProvider!.Path.Raw);
        Assert.Equal("my-reg", gctx.Registry.Default);
        Assert.Equal(["cargo:token", "cargo:libsecret"], gctx.Registry.GlobalCredentialProviders!.Value.AsEnumerable());
        Assert.Equal("vendored", gctx.Sources["crates-io"].ReplaceWith!.Val);
        Assert.Equal(Path.Combine(_world.Work, "vendor"), gctx.Sources["vendored"].Directory!.ResolvePath(gctx.Cwd));
        Assert.False(gctx.Env["PLAIN"].AppliesTo(gctx.Environment));
        Assert.True(gctx.Env["REL"].AppliesTo(gctx.Environment));
        Assert.Equal(Path.Combine(_world.Work, "rel/dir"), gctx.Env["REL"].Resolve(gctx.Cwd));
        Assert.Equal("none", gctx.CargoNew.Vcs);
        Assert.Equal(Path.Combine(_world.Work, "inst"), gctx.Install.Root!.ResolvePath(gctx.Cwd));
        Assert.False(gctx.FutureIncompatReport.ShouldDisplayMessage);
        Assert.Equal("never", gctx.Cache.AutoCleanFrequency);
        Assert.Equal("fallback", gctx.Resolver.IncompatibleRustVersions);
        Assert.Equal(["openssl-sys"], gctx.Security.AllowBuildScripts.AsEnumerable());
        Assert.NotNull(gctx.Profiles!.Get("release"));
        Assert.NotNull(gctx.Patch!.Get("crates-io"));
        Assert.True(gctx.Offline);
        Assert.False(gctx.Locked);
    }

    [Fact]
    public void DefaultsWhenNothingIsConfigured()
    {
        var gctx = _world.Context();
        Assert.Null(gctx.Build.Jobs);
        Assert.Null(gctx.TargetDir());
        Assert.Equal(3, gctx.Net.RetryOrDefault);
        Assert.True(gctx.FutureIncompatReport.ShouldDisplayMessage);
        Assert.Empty(gctx.Security.AllowBuildScripts.AsEnumerable());
        Assert.Empty(gctx.Sources);
        Assert.Empty(gctx.Env);
        Assert.Null(gctx.Profiles);
        Assert.Equal("rustc", gctx.Tool("rustc", gctx.Build.Rustc, required: true));
        Assert.Null(gctx.Tool("rustc_wrapper", gctx.Build.RustcWrapper, required: false));
        Assert.False(gctx.Offline);
    }

    [Fact]
    public void AliasesSplitStringsTakeArraysAndIgnoreTheCommandLine()
    {
        Config("[alias]\nrr = \"run --release\"\nspace = [\"run\", \"--\", \"a b\"]");
        _world.Variables["CARGO_ALIAS_ENVY"] = "build -v";
        var gctx = _world.Context(null, "alias.cli = 'version'");
        Assert.Equal(["run", "--release"], gctx.Alias("rr")!.Value.AsEnumerable());
        Assert.Equal(["run", "--", "a b"], gctx.Alias("space")!.Value.AsEnumerable());
        Assert.Equal(["build", "-v"], gctx.Alias("envy")!.Value.AsEnumerable());
        Assert.Null(gctx.Alias("cli"));
        Assert.Contains("cli", gctx.AliasNames());
    }

    [Fact]
    public void SharedFileLayerIsReadOnce()
    {
        var path = Config("a.x = 1");
        var first = _world.Context();
        _ = first.Values;
        File.WriteAllText(path, "a.x = 2");
        var second = first.WithCliOverrides(CliOverrides.None with { ConfigArgs = ["a.y = 1"] });
        Assert.Equal(1, ((ConfigInteger)second.Get(ConfigKey.Parse("a.x"))!).Value);
        Assert.NotNull(second.Get(ConfigKey.Parse("a.y")));
    }
}
