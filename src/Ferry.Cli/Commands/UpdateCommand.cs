using Ferry.Cli.Args;
using Ferry.Ops;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry update</c>.</summary>
internal sealed class UpdateCommand : ICliCommand
{
    public CommandSpec Spec { get; } = new("update", "Update dependencies as recorded in the local lock file")
    {
        Options = CommonOptions.WithGlobals(
            manifestCommand: true,
            new ArgSpec("dry-run", ArgKind.Flag, "Don't actually write the lockfile") { Long = "dry-run", Short = 'n' },
            new ArgSpec("recursive", ArgKind.Flag, "Force updating all dependencies of [SPEC]... as well") { Long = "recursive" },
            new ArgSpec("precise", ArgKind.Value, "Update [SPEC] to exactly PRECISE") { Long = "precise", ValueName = "PRECISE" },
            new ArgSpec("breaking", ArgKind.Flag, "Update [SPEC] to latest SemVer-breaking version (unstable)") { Long = "breaking", Short = 'b', Hidden = true },
            new ArgSpec("package", ArgKind.Value, "Package to update") { Long = "package", Short = 'p', ValueName = "SPEC", Multiple = true, Heading = "Package Selection", Hidden = true },
            new ArgSpec("workspace", ArgKind.Flag, "Only update the workspace packages") { Long = "workspace", Short = 'w', Heading = "Package Selection" },
            CommonOptions.ManifestPath),
        Positionals = [new PositionalSpec("spec", "SPEC", "Package to update", Multiple: true)],
        AfterHelp = "Run `ferry help update` for more detailed information.",
    };

    public int Run(CommandContext context, ParsedArgs args)
    {
        var specs = new List<string>(args.Positionals("spec"));
        specs.AddRange(args.Values("package"));
        var options = new UpdateOptions
        {
            ManifestPath = args.Value("manifest-path"),
            ToUpdate = specs,
            Precise = args.Value("precise"),
            Recursive = args.Flag("recursive"),
            DryRun = args.Flag("dry-run"),
            Workspace = args.Flag("workspace"),
        };
        Update.RunAsync(context.GlobalContext, ManifestCommands.Environment(context), options, CancellationToken.None).GetAwaiter().GetResult();
        return 0;
    }
}
