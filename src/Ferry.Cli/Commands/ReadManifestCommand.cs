using Ferry.Cli.Args;
using Ferry.Ops;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry read-manifest</c>: deprecated and hidden, as in Cargo.</summary>
internal sealed class ReadManifestCommand : ICliCommand
{
    public CommandSpec Spec { get; } = new(
        "read-manifest",
        "DEPRECATED: Print a JSON representation of a Cargo.toml manifest.\n\nUse `ferry metadata --no-deps` instead.")
    {
        Hidden = true,
        ListDescription = "DEPRECATED: Print a JSON representation of a Cargo.toml manifest.",
        Options = CommonOptions.WithGlobals(manifestCommand: true, CommonOptions.ManifestPath),
    };

    public int Run(CommandContext context, ParsedArgs args)
    {
        context.Shell.Out(ReadManifest.Run(args.Value("manifest-path"), ManifestCommands.Environment(context)));
        return 0;
    }
}
