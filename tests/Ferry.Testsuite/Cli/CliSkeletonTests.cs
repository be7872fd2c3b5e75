using System.Text.RegularExpressions;
using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Cli;

/// <summary>The command-line surface every command shares, compared with cargo where they overlap.</summary>
public sealed class CliSkeletonTests
{
    [Fact]
    public void VersionNamesTheCommit()
    {
        using var sandbox = new Sandbox();
        var result = sandbox.Ferry("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(new Regex(@"^ferry 0\.1\.0 \([0-9a-f]{9} \d{4}-\d{2}-\d{2}\)\n$"), result.Stdout);
        Assert.Equal(result.Stdout, sandbox.Ferry("-V").Stdout);
        Assert.Equal(result.Stdout, sandbox.Ferry("version").Stdout);
    }

    [Fact]
    public void UnknownCommandSuggestsTheClosestOne()
    {
        using var sandbox = new Sandbox();
        var result = sandbox.Ferry("verzion");
        Assert.Equal(
            new CommandResult(
                101,
                string.Empty,
                "error: no such command: `verzion`\n\nhelp: a command with a similar name exists: `version`\n\nhelp: view all installed commands with `ferry --list`\nhelp: find a package to install `verzion` with `ferry search cargo-verzion`\n"),
            result);
    }

    [Fact]
    public void UnknownCommandWithoutNeighbourHasNoSuggestion()
    {
        using var sandbox = new Sandbox();
        var result = sandbox.Ferry("zzzzzzzzzz");
        Assert.Equal(101, result.ExitCode);
        Assert.Equal(
            "error: no such command: `zzzzzzzzzz`\n\nhelp: view all installed commands with `ferry --list`\nhelp: find a package to install `zzzzzzzzzz` with `ferry search cargo-zzzzzzzzzz`\n",
            result.Stderr);
    }

    [Theory]
    [InlineData("version", "--foo")]
    [InlineData("version", "--verbos")]
    [InlineData("--color", "bad", "version")]
    [InlineData("-vq", "version")]
    [InlineData("version", "--color")]
    [InlineData("help", "--foo")]
    [InlineData("--unknown")]
    public void UsageErrorsMatchCargo(params string[] args)
    {
        using var sandbox = new Sandbox();
        var ferry = sandbox.Ferry(args);
        var cargo = sandbox.Cargo(args);
        Assert.Equal(cargo.ExitCode, ferry.ExitCode);
        // Ferry has no rustup toolchain selector and no -Zscript mode: the one intended difference.
        var expected = Redactions.CargoToFerry(cargo.Stderr)
            .Replace(" [+toolchain]", string.Empty, StringComparison.Ordinal)
            .Replace("\n       ferry [OPTIONS] -Zscript <MANIFEST_RS> [ARGS]...", string.Empty, StringComparison.Ordinal);
        Assert.Equal(expected, ferry.Stderr);
    }

    [Fact]
    public void ListShowsBuiltInCommands()
    {
        using var sandbox = new Sandbox();
        var result = sandbox.Ferry("--list");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Installed Commands:\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("    version              Show version information\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void UsageAfterABuiltInAliasLosesTheProgramNameLikeCargos()
    {
        // clap re-parses an alias's expansion without the binary's name: `Usage: doc [OPTIONS]`.
        using var sandbox = new Sandbox();
        var help = (Ferry: sandbox.Ferry("d", "--help"), Cargo: sandbox.Cargo("d", "--help"));
        Assert.Equal("Usage: doc [OPTIONS]", help.Cargo.Stdout.Split('\n')[2]);
        Assert.Equal(help.Cargo.Stdout.Split('\n')[2], help.Ferry.Stdout.Split('\n')[2]);
        var error = (Ferry: sandbox.Ferry("b", "--no-such-flag"), Cargo: sandbox.Cargo("b", "--no-such-flag"));
        Assert.Equal(Redactions.CargoToFerry(error.Cargo.Stderr), error.Ferry.Stderr);
        Assert.Equal(error.Cargo.ExitCode, error.Ferry.ExitCode);
    }

    [Fact]
    public void ColorAlwaysPaintsTheErrorLabelLikeCargo()
    {
        using var sandbox = new Sandbox();
        var ferry = sandbox.Ferry("--color", "always", "nosuchcommandatall");
        var cargo = sandbox.Cargo("--color", "always", "nosuchcommandatall");
        Assert.Equal(Redactions.CargoToFerry(cargo.Stderr), ferry.Stderr);
    }

    [Fact]
    public void DeletedWorkingDirectoryIsAnErrorLikeCargos()
    {
        using var sandbox = new Sandbox();
        var gone = sandbox.Path("gone");
        Directory.CreateDirectory(gone);
        var psi = new System.Diagnostics.ProcessStartInfo("/bin/sh")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add($"cd '{gone}' && rmdir '{gone}' && exec '{Tools.Ferry}' metadata");
        using var process = System.Diagnostics.Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(101, process.ExitCode);
        Assert.Equal("error: couldn't get the current directory of the process\n\nCaused by:\n  No such file or directory (os error 2)\n", stderr);
    }
}
