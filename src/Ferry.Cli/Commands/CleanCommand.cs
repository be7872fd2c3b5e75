using Ferry.Cli.Args;
using Ferry.Ops;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry clean</c>.</summary>
internal sealed class CleanCommand : ICliCommand
{
    public CommandSpec Spec { get; } = new("clean", "Remove artifacts that ferry has generated in the past")
    {
        Options = CommonOptions.WithGlobals(
            manifestCommand: true,
            [
                new ArgSpec("doc", ArgKind.Flag, "Whether or not to clean just the documentation directory") { Long = "doc" },
                new ArgSpec("dry-run", ArgKind.Flag, "Display what would be deleted without deleting anything") { Long = "dry-run", Short = 'n' },
                CompileArgs.Package("Package to clean artifacts for"),
                new ArgSpec("workspace", ArgKind.Flag, "Clean artifacts of the workspace members") { Long = "workspace", Heading = CompileArgs.PackageHeading },
                CompileArgs.Release("Whether or not to clean release artifacts"),
                CompileArgs.Profile("Clean artifacts of the specified profile"),
                CompileArgs.Target("Target triple to clean output for"),
                CompileArgs.TargetDir,
                CommonOptions.ManifestPath,
            ]),
        AfterHelp = "Run `ferry help clean` for more detailed information.",
    };

    public int Run(CommandContext context, ParsedArgs args)
    {
        var profile = CompileArgs.ProfileName(args, "clean", ProfileChecking.Custom);
        var options = new CleanOptions
        {
            ManifestPath = args.Value("manifest-path"),
            Packages = [.. args.Values("package")],
            Workspace = args.Flag("workspace"),
            Targets = [.. args.Values("target")],
            ProfileSpecified = args.Has("profile") || args.Flag("release"),
            Profile = profile,
            Doc = args.Flag("doc"),
            DryRun = args.Flag("dry-run"),
            ExplicitTargetDir = args.Has("target-dir"),
        };
        var gctx = CompileArgs.WithTargetDir(context, args);
        Clean.RunAsync(gctx, ManifestCommands.Environment(context), context.Shell, options, CancellationToken.None).GetAwaiter().GetResult();
        return 0;
    }
}
