using System.Collections.Immutable;
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
        catch (AlreadyReportedException error)
        {
            return error.ExitCode;
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

        var forwarding = new ForwardingShell(shell);
        var gctx = GlobalContext.Create(_environment, _workingDirectory, CliOverrides.None, forwarding);
        if (root.Flag("list"))
        {
            shell.Out(RootCommand.List(_commands, UserAliasTargets(gctx), ExternalCommand.All(gctx).Keys));
            return 0;
        }

        if (rest.Count == 0)
        {
            shell.Out(RootCommand.Help(_commands));
            return 0;
        }

        var roots = new List<ParsedArgs> { root };
        rest = ExpandAliases(gctx, rest, roots, shell);
        var name = rest[0];
        var command = _commands.Find(name);
        if (command is null)
        {
            // An external subcommand: its arguments are its own, only the options before it count.
            var externalGlobals = MergeGlobals(roots, null);
            gctx = gctx.WithCliOverrides(ToOverrides(externalGlobals));
            Configure(gctx, externalGlobals, forwarding, ref shell);
            var program = ExternalCommand.Find(gctx, name) ?? throw NoSuchCommand(name, gctx);
            _stdout.Flush();
            return ExternalCommand.Run(program, name, rest.Skip(1).ToList(), gctx);
        }

        // After an alias expansion clap has lost the binary's name: Cargo's usage lines then read `Usage: build ...`.
        var programName = roots.Count > 1 ? string.Empty : "ferry";
        var args = new ArgParser(command.Spec, programName).Parse(rest.Skip(1).ToList());
        if (args.Flag("help"))
        {
            shell.Out(HelpRenderer.Render(command.Spec, programName));
            return 0;
        }

        var nested = (command as ISubcommandHost)?.SubcommandArgs(args);
        var globals = MergeGlobals(roots, nested is null ? [args] : [args, nested]);

        gctx = gctx.WithCliOverrides(ToOverrides(globals));
        Configure(gctx, globals, forwarding, ref shell);
        var context = new CommandContext(shell, globals, _environment, _workingDirectory, _commands, gctx);
        return command.Run(context, args);
    }

    /// <summary>
    /// Cargo's <c>expand_aliases</c>: replaces a user alias (or a built-in one such as <c>b</c>)
    /// by its expansion, recursively, and re-reads the global options the expansion starts with.
    /// A user alias named like a built-in command is ignored with a warning; alias errors only
    /// matter when the command is not built in.
    /// </summary>
    private List<string> ExpandAliases(GlobalContext gctx, IReadOnlyList<string> rest, List<ParsedArgs> roots, TerminalShell shell)
    {
        var expanded = new List<string>();
        var current = rest.ToList();
        while (true)
        {
            var name = current[0];
            if (_commands.FindBuiltIn(name) is not null)
            {
                ImmutableArray<string>? shadowed;
                try
                {
                    shadowed = gctx.Alias(name);
                }
                catch (FerryException)
                {
                    shadowed = null;
                }

                if (shadowed is not null)
                {
                    shell.Warn($"user-defined alias `{name}` is ignored, because it is shadowed by a built-in command");
                }

                return current;
            }

            var builtInTarget = _commands.BuiltInAliasTarget(name);
            var alias = gctx.Alias(name) ?? (builtInTarget is null ? null : [builtInTarget]);
            if (alias is not { } tokens)
            {
                return current;
            }

            if (builtInTarget is null && ExternalCommand.Find(gctx, name) is { } external)
            {
                shell.Warn($"user-defined alias `{name}` is shadowing an external subcommand found at `{external}`\n  |\n  = note: this was previously accepted but will become a hard error in the future; see <https://github.com/rust-lang/cargo/issues/10049>");
            }

            var parsed = new ArgParser(RootCommand.Spec, "ferry").Parse([.. tokens, .. current.Skip(1)]);
            var next = parsed.Positionals("command");
            if (next.Count == 0)
            {
                throw new FerryException($"subcommand is required, add a subcommand to the command alias `alias.{name}`");
            }

            roots.Add(parsed);
            expanded.Add(name);
            if (expanded.Contains(next[0]))
            {
                throw new FerryException($"alias {expanded[0]} has unresolvable recursive definition: {string.Join(" -> ", expanded)} -> {next[0]}");
            }

            current = next.ToList();
        }
    }

    /// <summary>
    /// Cargo's <c>configure</c>: a broken <c>--config</c> argument fails every command, <c>[term]</c>
    /// supplies verbosity and colour the command line did not give (other errors in it are
    /// ignored here, as Cargo does), and an unknown colour name is an error.
    /// </summary>
    private void Configure(GlobalContext gctx, GlobalOptions globals, ForwardingShell forwarding, ref TerminalShell shell)
    {
        if (globals.Verbose > 0 && globals.Quiet)
        {
            throw new FerryException("cannot set both --verbose and --quiet");
        }

        if (!gctx.Cli.ConfigArgs.IsEmpty)
        {
            _ = gctx.Values;
        }

        TermConfig term;
        try
        {
            term = gctx.Term;
        }
        catch (FerryException)
        {
            term = new TermConfig();
        }

        var verbosity = (globals.Verbose > 0, globals.Quiet) switch
        {
            (true, _) => globals.Verbose > 1 ? Verbosity.VeryVerbose : Verbosity.Verbose,
            (false, true) => Verbosity.Quiet,
            _ => (term.Verbose, term.Quiet) switch
            {
                (true, true) => throw new FerryException("cannot set both `term.verbose` and `term.quiet`"),
                (true, _) => Verbosity.Verbose,
                (_, true) => Verbosity.Quiet,
                _ => Verbosity.Normal,
            },
        };
        var color = globals.Color ?? term.Color switch
        {
            null => ColorChoice.Auto,
            "auto" => ColorChoice.Auto,
            "always" => ColorChoice.Always,
            "never" => ColorChoice.Never,
            var other => throw new FerryException($"argument for --color must be auto, always, or never, but found `{other}`"),
        };
        shell = new TerminalShell(_stdout, _stderr, TerminalShell.ShouldColor(color, !_stderrIsTerminal), verbosity, ErrWidth);
        forwarding.Target = shell;
    }

    /// <summary>The width of the terminal stderr is on (Cargo's <c>err_width</c>), null when it is not one.</summary>
    private int? ErrWidth()
    {
        if (_environment.Get("__CARGO_TEST_TTY_WIDTH_DO_NOT_USE_THIS") is { } forced && int.TryParse(forced, out var width))
        {
            return width;
        }

        if (!_stderrIsTerminal)
        {
            return null;
        }

        try
        {
            return Console.WindowWidth is > 0 and var columns ? columns : 80;
        }
        catch (Exception error) when (error is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return 80;
        }
    }

    private static CliOverrides ToOverrides(GlobalOptions globals) => new()
    {
        ConfigArgs = [.. globals.ConfigArgs],
        Unstable = [.. globals.Unstable],
        Locked = globals.Locked,
        Offline = globals.Offline,
        Frozen = globals.Frozen,
        Verbose = globals.Verbose,
        Quiet = globals.Quiet,
        Color = globals.Color switch
        {
            ColorChoice.Always => "always",
            ColorChoice.Never => "never",
            ColorChoice.Auto => "auto",
            _ => null,
        },
    };

    private static Dictionary<string, string> UserAliasTargets(GlobalContext gctx)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in gctx.AliasNames())
        {
            try
            {
                if (gctx.Alias(name) is { } alias)
                {
                    targets[name] = string.Join(' ', alias);
                }
            }
            catch (FerryException)
            {
            }
        }

        return targets;
    }

    private FerryException NoSuchCommand(string name, GlobalContext gctx)
    {
        var candidates = new SortedSet<string>(_commands.Names, StringComparer.Ordinal);
        candidates.UnionWith(gctx.AliasNames());
        candidates.UnionWith(ExternalCommand.All(gctx).Keys);
        var hints = new List<string>();
        if (EditDistance.Closest(name, candidates) is { } similar)
        {
            hints.Add($"help: a command with a similar name exists: `{similar}`");
        }

        hints.Add($"help: view all installed commands with `ferry --list`\nhelp: find a package to install `{name}` with `ferry search cargo-{name}`");
        return new FerryException($"no such command: `{name}`", null, hints);
    }

    private static GlobalOptions MergeGlobals(IReadOnlyList<ParsedArgs> roots, IReadOnlyList<ParsedArgs>? commands)
    {
        var all = new List<ParsedArgs>(roots);
        all.AddRange(commands ?? []);
        var config = new List<string>();
        var unstable = new List<string>();
        var verbose = 0;
        string? color = null;
        bool quiet = false, locked = false, offline = false, frozen = false;
        foreach (var args in all)
        {
            config.AddRange(args.Values("config"));
            unstable.AddRange(args.Values("unstable"));
            verbose += args.Count("verbose");
            color = args.Value("color") ?? color;
            quiet |= args.Flag("quiet");
            locked |= args.Flag("locked");
            offline |= args.Flag("offline");
            frozen |= args.Flag("frozen");
        }

        return new GlobalOptions(
            verbose,
            quiet,
            color is null ? null : ParseColor(color),
            locked || frozen,
            offline || frozen,
            frozen,
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
