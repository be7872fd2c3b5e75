using Ferry.Build.Selection;
using Ferry.Cli.Args;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry build</c> (alias <c>b</c>).</summary>
internal sealed class BuildCommand : ICliCommand
{
    public CommandSpec Spec { get; } = new("build", "Compile a local package and all of its dependencies")
    {
        Aliases = ["b"],
        Options = CommonOptions.WithGlobals(
            manifestCommand: true,
            [
                CompileArgs.FutureIncompat,
                CompileArgs.MessageFormat,
                .. CompileArgs.PackageSelection("Build", "Package to build (see `ferry help pkgid`)", "build"),
                .. CompileArgs.TargetSelection("Build"),
                .. CompileArgs.Features,
                CompileArgs.Release("Build artifacts in release mode, with optimizations"),
                CompileArgs.Profile("Build artifacts with the specified profile"),
                CompileArgs.Jobs,
                CompileArgs.KeepGoing,
                CompileArgs.Target("Build for the target triple"),
                CompileArgs.TargetDir,
                CompileArgs.ArtifactDir,
                CompileArgs.UnitGraph,
                CompileArgs.Timings,
                CommonOptions.ManifestPath,
                CompileArgs.IgnoreRustVersion,
            ]),
        AfterHelp = "Run `ferry help build` for more detailed information.",
    };

    public int Run(CommandContext context, ParsedArgs args)
    {
        var options = CompileArgs.Parse(context, args, UserIntent.Build, ProfileChecking.Custom, "build");
        var gctx = CompileArgs.WithTargetDir(context, args);
        return CompileArgs.WithCancellation(token =>
        {
            Ops.Build.RunAsync(gctx, ManifestCommands.Environment(context), context.Shell, options, CompileArgs.Started, token).GetAwaiter().GetResult();
            return 0;
        });
    }
}
