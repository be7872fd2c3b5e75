using Ferry.Build.Selection;
using Ferry.Cli.Args;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry check</c> (alias <c>c</c>).</summary>
internal sealed class CheckCommand : ICliCommand
{
    public CommandSpec Spec { get; } = new("check", "Check a local package and all of its dependencies for errors")
    {
        Aliases = ["c"],
        Options = CommonOptions.WithGlobals(
            manifestCommand: true,
            [
                CompileArgs.FutureIncompat,
                CompileArgs.MessageFormat,
                .. CompileArgs.PackageSelection("Check", "Package(s) to check", "check"),
                .. CompileArgs.TargetSelection("Check"),
                .. CompileArgs.Features,
                CompileArgs.Jobs,
                CompileArgs.KeepGoing,
                CompileArgs.Release("Check artifacts in release mode, with optimizations"),
                CompileArgs.Profile("Check artifacts with the specified profile"),
                CompileArgs.Target("Check for the target triple"),
                CompileArgs.TargetDir,
                CompileArgs.UnitGraph,
                CompileArgs.Timings,
                CommonOptions.ManifestPath,
                CompileArgs.IgnoreRustVersion,
            ]),
        AfterHelp = "Run `ferry help check` for more detailed information.",
    };

    public int Run(CommandContext context, ParsedArgs args)
    {
        var options = CompileArgs.Parse(context, args, UserIntent.Check, ProfileChecking.LegacyTestOnly, "check");
        var gctx = CompileArgs.WithTargetDir(context, args);
        return CompileArgs.WithCancellation(token =>
        {
            Ops.Check.RunAsync(gctx, ManifestCommands.Environment(context), context.Shell, options, CompileArgs.Started, token).GetAwaiter().GetResult();
            return 0;
        });
    }
}
