using Ferry.Cli.Args;
using Ferry.Ops;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry locate-project</c>.</summary>
internal sealed class LocateProjectCommand : ICliCommand
{
    public CommandSpec Spec { get; } = new("locate-project", "Print a JSON representation of a Cargo.toml file's location")
    {
        Options = CommonOptions.WithGlobals(
            manifestCommand: true,
            new ArgSpec("workspace", ArgKind.Flag, "Locate Cargo.toml of the workspace root") { Long = "workspace" },
            new ArgSpec("message-format", ArgKind.Value, "Output representation")
            {
                Long = "message-format",
                ValueName = "FMT",
                PossibleValues = ["json", "plain"],
                IgnoreCase = true,
            },
            CommonOptions.ManifestPath),
        AfterHelp = "Run `ferry help locate-project` for more detailed information.",
    };

    public int Run(CommandContext context, ParsedArgs args)
    {
        context.Shell.Out(LocateProject.Run(
            args.Value("manifest-path"), args.Flag("workspace"), args.Value("message-format"), ManifestCommands.Environment(context)));
        return 0;
    }
}
