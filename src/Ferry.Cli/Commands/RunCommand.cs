using Ferry.Build.Execution;
using Ferry.Build.Selection;
using Ferry.Cli.Args;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry run</c> (alias <c>r</c>): builds, then replaces this process with the program.</summary>
internal sealed class RunCommand : ICliCommand
{
    public CommandSpec Spec { get; } = new("run", "Run a binary or example of the local package")
    {
        Aliases = ["r"],
        Options = CommonOptions.WithGlobals(
            manifestCommand: true,
            [
                CompileArgs.MessageFormat,
                CompileArgs.Package("Package with the target to run"),
                new ArgSpec("bin", ArgKind.OptionalValue, "Name of the bin target to run") { Long = "bin", ValueName = "NAME", Multiple = true, Heading = CompileArgs.TargetHeading },
                new ArgSpec("example", ArgKind.OptionalValue, "Name of the example target to run") { Long = "example", ValueName = "NAME", Multiple = true, Heading = CompileArgs.TargetHeading },
                .. CompileArgs.Features,
                CompileArgs.Jobs,
                CompileArgs.KeepGoing,
                CompileArgs.Release("Build artifacts in release mode, with optimizations"),
                CompileArgs.Profile("Build artifacts with the specified profile"),
                CompileArgs.Target("Build for the target triple"),
                CompileArgs.TargetDir,
                CompileArgs.UnitGraph,
                CompileArgs.Timings,
                CommonOptions.ManifestPath,
                CompileArgs.IgnoreRustVersion,
            ]),
        Positionals = [new PositionalSpec("args", "ARGS", "Arguments for the binary or example to run", Multiple: true) { Trailing = true }],
        AfterHelp = "Run `ferry help run` for more detailed information.\nTo pass `--help` to the specified binary, use `-- --help`.",
    };

    public int Run(CommandContext context, ParsedArgs args)
    {
        var options = CompileArgs.Parse(context, args, UserIntent.Build, ProfileChecking.Custom, "run", hasArgs: true);
        var gctx = CompileArgs.WithTargetDir(context, args);
        var programArgs = args.Positionals("args").Concat(args.Trailing).ToList();
        var targetFlagGiven = args.Has("bin") || args.Has("example");
        ProcessCommand? command = null;
        var code = CompileArgs.WithCancellation(token =>
        {
            command = Ops.Run.PrepareAsync(gctx, ManifestCommands.Environment(context), context.Shell, options, programArgs, targetFlagGiven, CompileArgs.Started, token)
                .GetAwaiter().GetResult();
            return 0;
        });
        if (code != 0 || command is null)
        {
            return code;
        }

        context.Shell.Out(string.Empty);
        return ProcessExec.Replace(command, context.Environment.Variables);
    }
}
