using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Config;

/// <summary>
/// <c>[alias]</c> expansion, <c>[term]</c> handling and third-party subcommands, compared with
/// stable Cargo on commands both have (<c>version</c>) — only the program name may differ.
/// </summary>
public sealed class AliasAndExternalTests
{
    private static Sandbox WithConfig(string contents)
    {
        var sandbox = new Sandbox();
        sandbox.File(".cargo/config.toml", contents);
        return sandbox;
    }

    /// <summary>What cargo prints, with the program name and version line swapped for ferry's.</summary>
    private static CommandResult AsFerry(CommandResult cargo, CommandResult ferry) =>
        cargo with
        {
            Stderr = ConfigSandbox.CargoWordsToFerry(cargo.Stderr),
            // The version line itself names the program; everything else must match.
            Stdout = cargo.Stdout.StartsWith("cargo ", StringComparison.Ordinal) ? ferry.Stdout : cargo.Stdout,
        };

    [Theory]
    [InlineData("[alias]\nv2 = \"version\"", "v2")]
    [InlineData("[alias]\nversion = \"help\"", "version")]
    [InlineData("[alias]\nb = \"version\"", "b")]
    [InlineData("[alias]\nv2 = [\"version\"]\nv3 = \"v2\"", "v3")]
    [InlineData("[alias]\na = \"b\"\nb = \"a\"", "a")]
    [InlineData("[alias]\na = \"b\"\nb = \"c\"\nc = \"b\"", "a")]
    [InlineData("[alias]\na = \"a\"", "a")]
    [InlineData("[alias]\nx = \"\"", "x")]
    [InlineData("[alias]\nx = []", "x")]
    [InlineData("[alias]\nx = \"--version\"", "x")]
    [InlineData("[alias]\nx = \"-v\"", "x")]
    [InlineData("[alias]\nx = 1", "x")]
    [InlineData("[alias]\nx = [1]", "x")]
    [InlineData("alias = 1", "x")]
    [InlineData("alias = 1", "version")]
    [InlineData("[alias]\nx = \"nosuch arg1\"", "x")]
    [InlineData("[alias]\nverzion = \"version\"", "verzio")]
    [InlineData("a = 1 b", "version")]
    [InlineData("a = 1 b", "nosuch")]
    [InlineData("[term]\ncolor = \"purple\"", "version")]
    [InlineData("[term]\nverbose = true\nquiet = true", "version")]
    [InlineData("[term]\nverbose = \"yes\"", "version")]
    [InlineData("", "version", "--config", "a")]
    [InlineData("a = 1 b", "version", "--config", "x=1")]
    [InlineData("", "--config", "alias.zz='version'", "zz")]
    public void BehavesLikeCargo(string config, params string[] args)
    {
        using var sandbox = WithConfig(config);
        var cargo = sandbox.Cargo(args);
        var ferry = sandbox.Ferry(args);
        Assert.Equal(AsFerry(cargo, ferry), ferry);
        Assert.DoesNotContain("   at ", ferry.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigTakesOneValueTheNextWordIsTheCommand()
    {
        // `--config 'a=1' 'b=2'`: the second word is not a config value but the subcommand.
        using var sandbox = new Sandbox();
        var cargo = sandbox.Cargo("--config", "a=1", "b=2", "version");
        var ferry = sandbox.Ferry("--config", "a=1", "b=2", "version");
        Assert.Equal(101, ferry.ExitCode);
        Assert.Equal(cargo.ExitCode, ferry.ExitCode);
        Assert.StartsWith("error: no such command: `b=2`\n", ferry.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("error: no such command: `b=2`\n", cargo.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpShowsWhatAnAliasExpandsTo()
    {
        using var sandbox = WithConfig("[alias]\nrr = \"run --release\"\nv = \"version\"");
        Assert.Equal(sandbox.Cargo("help", "rr"), sandbox.Ferry("help", "rr"));
        Assert.Equal(sandbox.Ferry("help", "version"), sandbox.Ferry("help", "v"));
    }

    [Fact]
    public void AliasFromTheEnvironment()
    {
        using var sandbox = new Sandbox();
        sandbox.ExtraEnvironment["CARGO_ALIAS_V9"] = "version";
        sandbox.ExtraEnvironment["CARGO_ALIAS_EMPTY"] = "";
        Assert.Equal(sandbox.Ferry("version"), sandbox.Ferry("v9"));
        var cargo = sandbox.Cargo("empty");
        Assert.Equal(AsFerry(cargo, sandbox.Ferry("empty")), sandbox.Ferry("empty"));
    }

    private static void MakeExecutable(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static string FakeCommand(Sandbox sandbox, string name, int exitCode)
    {
        var bin = Path.Combine(sandbox.RootDirectory, "bin");
        Directory.CreateDirectory(bin);
        var path = Path.Combine(bin, name);
        File.WriteAllText(path, $"#!/bin/sh\nprintf 'argv:'\nfor a in \"$@\"; do printf ' [%s]' \"$a\"; done\nprintf '\\nCARGO=%s\\n' \"$CARGO\"\nexit {exitCode}\n");
        MakeExecutable(path);
        sandbox.ExtraEnvironment["PATH"] = bin + ":" + sandbox.Environment()["PATH"];
        return path;
    }

    [Fact]
    public void ExternalSubcommandGetsItsNameArgumentsAndCargoVariable()
    {
        using var sandbox = new Sandbox();
        FakeCommand(sandbox, "cargo-xt", 7);
        var ferry = sandbox.Ferry("-q", "xt", "a", "--", "--b", "-v", "c d");
        Assert.Equal(new CommandResult(7, $"argv: [xt] [a] [--] [--b] [-v] [c d]\nCARGO={Tools.Ferry}\n", string.Empty), ferry);

        // Cargo passes the same arguments (and points CARGO at itself).
        var cargo = sandbox.Cargo("-q", "xt", "a", "--", "--b", "-v", "c d");
        Assert.Equal(7, cargo.ExitCode);
        Assert.StartsWith("argv: [xt] [a] [--] [--b] [-v] [c d]\nCARGO=", cargo.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void FerryPrefixedProgramsWorkToo()
    {
        using var sandbox = new Sandbox();
        FakeCommand(sandbox, "ferry-only", 0);
        Assert.Equal(new CommandResult(0, $"argv: [only] [x]\nCARGO={Tools.Ferry}\n", string.Empty), sandbox.Ferry("only", "x"));
    }

    [Fact]
    public void ProgramsInCargoHomeBinAreFound()
    {
        using var sandbox = new Sandbox();
        var bin = Path.Combine(sandbox.CargoHome, "bin");
        Directory.CreateDirectory(bin);
        var path = Path.Combine(bin, "cargo-homecmd");
        File.WriteAllText(path, "#!/bin/sh\necho home \"$1\"\n");
        MakeExecutable(path);
        Assert.Equal(new CommandResult(0, "home homecmd\n", string.Empty), sandbox.Ferry("homecmd"));
    }

    [Fact]
    public void AliasShadowingAnExternalCommandWarnsLikeCargo()
    {
        using var sandbox = WithConfig("[alias]\nxt = \"version\"");
        var program = FakeCommand(sandbox, "cargo-xt", 0);

        var cargo = sandbox.Cargo("xt");
        var ferry = sandbox.Ferry("xt");
        Assert.Equal(
            $"warning: user-defined alias `xt` is shadowing an external subcommand found at `{program}`\n  |\n  = note: this was previously accepted but will become a hard error in the future; see <https://github.com/rust-lang/cargo/issues/10049>\n",
            ferry.Stderr);
        Assert.Equal(cargo.Stderr, ferry.Stderr);
    }

    [Fact]
    public void AliasExpandingToAnExternalCommandPassesArguments()
    {
        using var sandbox = WithConfig("[alias]\nxu = \"xt 1\"");
        FakeCommand(sandbox, "cargo-xt", 3);
        Assert.Equal(new CommandResult(3, $"argv: [xt] [1] [2]\nCARGO={Tools.Ferry}\n", string.Empty), sandbox.Ferry("xu", "2"));
    }

    [Fact]
    public void NoSuchCommandSuggestsAliasesAndExternalCommands()
    {
        using var sandbox = WithConfig("[alias]\nmyalias = \"version\"");
        FakeCommand(sandbox, "cargo-extcmd", 0);
        foreach (var typo in new[] { "myaliax", "extcmx" })
        {
            var cargo = sandbox.Cargo(typo);
            var ferry = sandbox.Ferry(typo);
            Assert.Equal(AsFerry(cargo, ferry), ferry);
            Assert.Contains("help: a command with a similar name exists:", ferry.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ListShowsAliasesAndExternalCommands()
    {
        using var sandbox = WithConfig("[alias]\nrr = \"run --release\"");
        FakeCommand(sandbox, "cargo-extcmd", 0);
        var list = sandbox.Ferry("--list");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("    extcmd\n", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("    rr                   alias: run --release\n", list.Stdout, StringComparison.Ordinal);
    }
}
