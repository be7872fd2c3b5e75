using Ferry.Cli.Args;
using Ferry.Cli.Commands;
using Ferry.Cli.Shell;
using Ferry.Core.Configuration;
using Ferry.Util.Diagnostics;
using Ferry.Util.Text;

namespace Ferry.Cli;

/// <summary>
/// Turns argv into one command invocation: global options, the subcommand and its arguments,
/// then maps every failure to Cargo's output and exit codes (1 for usage errors as clap does,
/// 101 for operational errors). Nothing thrown below reaches the user as a stack trace.
/// </summary>
internal sealed class CliApp
{
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly EnvironmentSnapshot _environment;
    private readonly string _workingDirectory;
    private readonly bool _stderrIsTerminal;
    private readonly CommandTable _commands;

    public CliApp(TextWriter stdout, TextWriter stderr, EnvironmentSnapshot environment, string workingDirectory, bool stderrIsTerminal)
    {
        _stdout = stdout;
        _stderr = stderr;
        _environment = environment;
        _workingDirectory = workingDirectory;
        _stderrIsTerminal = stderrIsTerminal;
        _commands = CommandTable.CreateDefault();
    }

    public int Run(IReadOnlyList<string> argv)
    {
        var shell = new TerminalShell(_stdout, _stderr, TerminalShell.ShouldColor(PeekColor(argv), !_stderrIsTerminal), Verbosity.Normal);
        try
        {
            return RunCore(argv, ref shell);
        }
        catch (ArgParseException error)
        {
            shell.Err(ErrorRenderer.Render(error, shell));
            return 1;
        }
        catch (FerryException error)
        {
            shell.Err(ErrorRenderer.Render(error, shell));
            return error.ExitCode;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // A bug in Ferry: say so plainly rather than dumping a stack trace on the user.
            var detail = shell.Verbosity >= Verbosity.VeryVerbose ? "\n" + error : string.Empty;
            shell.Err(ErrorRenderer.Render(
                new FerryException(
                    $"internal error: {error.GetType().Name}: {error.Message}{detail}",
                    null,
                    ["note: this is a bug in Ferry; run with -vv for details and please report it"]),
                shell));
            return 101;
        }
    }

    private int RunCore(IReadOnlyList<string> argv, ref TerminalShell shell)
    {
        var root = new ArgParser(RootCommand.Spec, "ferry").Parse(argv);
        if (root.Flag("help"))
        {
            shell.Out(RootCommand.Help(_commands));
            return 0;
        }

        var rest = root.Positionals("command");
        if (root.Flag("version") && rest.Count == 0)
        {
            shell.Out(root.Count("verbose") > 0 ? FerryVersion.Verbose() : FerryVersion.Short() + "\n");
            return 0;
        }

        if (root.Flag("list"))
        {
            shell.Out(RootCommand.List(_commands));
            return 0;
        }

        if (rest.Count == 0)
        {
            shell.Out(RootCommand.Help(_commands));
            return 0;
        }

        var name = rest[0];
        var command = _commands.Find(name) ?? throw NoSuchCommand(name);
        var args = new ArgParser(command.Spec, "ferry").Parse(rest.Skip(1).ToList());
        if (args.Flag("help"))
        {
            shell.Out(HelpRenderer.Render(command.Spec, "ferry"));
            return 0;
        }

        var globals = MergeGlobals(root, args);
        if (globals.Verbose > 0 && globals.Quiet)
        {
            throw new FerryException("cannot set both --verbose and --quiet");
        }

        shell = new TerminalShell(
            _stdout,
            _stderr,
            TerminalShell.ShouldColor(globals.Color ?? ColorChoice.Auto, !_stderrIsTerminal),
            globals.Quiet ? Verbosity.Quiet : globals.Verbose switch { 0 => Verbosity.Normal, 1 => Verbosity.Verbose, _ => Verbosity.VeryVerbose });
        var context = new CommandContext(shell, globals, _environment, _workingDirectory, _commands);
        return command.Run(context, args);
    }

    private FerryException NoSuchCommand(string name)
    {
        var hints = new List<string>();
        if (EditDistance.Closest(name, _commands.Names) is { } similar)
        {
            hints.Add($"help: a command with a similar name exists: `{similar}`");
        }

        hints.Add($"help: view all installed commands with `ferry --list`\nhelp: find a package to install `{name}` with `ferry search cargo-{name}`");
        return new FerryException($"no such command: `{name}`", null, hints);
    }

    private static GlobalOptions MergeGlobals(ParsedArgs root, ParsedArgs command)
    {
        var config = new List<string>(root.Values("config"));
        config.AddRange(command.Values("config"));
        var unstable = new List<string>(root.Values("unstable"));
        unstable.AddRange(command.Values("unstable"));
        var color = command.Value("color") ?? root.Value("color");
        return new GlobalOptions(
            root.Count("verbose") + command.Count("verbose"),
            root.Flag("quiet") || command.Flag("quiet"),
            color is null ? null : ParseColor(color),
            root.Flag("locked") || command.Flag("locked") || root.Flag("frozen") || command.Flag("frozen"),
            root.Flag("offline") || command.Flag("offline") || root.Flag("frozen") || command.Flag("frozen"),
            root.Flag("frozen") || command.Flag("frozen"),
            config,
            unstable);
    }

    private static ColorChoice ParseColor(string value) => value switch
    {
        "always" => ColorChoice.Always,
        "never" => ColorChoice.Never,
        _ => ColorChoice.Auto,
    };

    /// <summary>Finds <c>--color</c> before parsing, so even argument errors honour it.</summary>
    private static ColorChoice PeekColor(IReadOnlyList<string> argv)
    {
        for (var i = 0; i < argv.Count; i++)
        {
            if (argv[i] == "--")
            {
                break;
            }

            if (argv[i] == "--color" && i + 1 < argv.Count)
            {
                return ParseColor(argv[i + 1]);
            }

            if (argv[i].StartsWith("--color=", StringComparison.Ordinal))
            {
                return ParseColor(argv[i]["--color=".Length..]);
            }
        }

        return ColorChoice.Auto;
    }
}
