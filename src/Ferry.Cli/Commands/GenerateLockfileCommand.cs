using Ferry.Cli.Args;
using Ferry.Ops;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry generate-lockfile</c>.</summary>
internal sealed class GenerateLockfileCommand : ICliCommand
{
    public CommandSpec Spec { get; } = new("generate-lockfile", "Generate the lockfile for a package")
    {
        Options = CommonOptions.WithGlobals(manifestCommand: true, CommonOptions.ManifestPath),
        AfterHelp = "Run `ferry help generate-lockfile` for more detailed information.",
    };

    public int Run(CommandContext context, ParsedArgs args)
    {
        GenerateLockfile.RunAsync(context.GlobalContext, ManifestCommands.Environment(context), args.Value("manifest-path"), CancellationToken.None)
            .GetAwaiter().GetResult();
        return 0;
    }
}
