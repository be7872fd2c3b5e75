using Ferry.Cli.Args;
using Ferry.Ops;
using Ferry.Util.Diagnostics;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry fetch</c>.</summary>
internal sealed class FetchCommand : ICliCommand
{
    public CommandSpec Spec { get; } = new("fetch", "Fetch dependencies of a package from the network")
    {
        Options = CommonOptions.WithGlobals(
            manifestCommand: true,
            new ArgSpec("target", ArgKind.OptionalValue, "Fetch dependencies for the target triple")
            {
                Long = "target",
                ValueName = "TRIPLE",
                Multiple = true,
                Heading = "Compilation Options",
            },
            CommonOptions.ManifestPath),
        AfterHelp = "Run `ferry help fetch` for more detailed information.",
    };

    public int Run(CommandContext context, ParsedArgs args)
    {
        var targets = args.Values("target");
        if (args.Has("target") && targets.Count == 0)
        {
            throw new FerryException("\"--target\" takes a target architecture as an argument.\n\nRun `rustup target list` to see possible targets.");
        }

        var options = new FetchOptions { ManifestPath = args.Value("manifest-path"), Targets = targets };
        Fetch.RunAsync(context.GlobalContext, ManifestCommands.Environment(context), options, CancellationToken.None).GetAwaiter().GetResult();
        return 0;
    }
}
