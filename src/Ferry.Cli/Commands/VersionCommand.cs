using Ferry.Cli.Args;

namespace Ferry.Cli.Commands;

internal sealed class VersionCommand : ICliCommand
{
    public CommandSpec Spec { get; } = new("version", "Show version information")
    {
        Options = CommonOptions.WithGlobals(manifestCommand: false),
    };

    public int Run(CommandContext context, ParsedArgs args)
    {
        context.Shell.Out(context.Globals.Verbose > 0 ? FerryVersion.Verbose() : FerryVersion.Short() + "\n");
        return 0;
    }
}
