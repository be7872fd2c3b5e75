using Ferry.Cli.Args;
using Ferry.Ops;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry verify</c> (Ferry's own): re-check the package cache.</summary>
internal sealed class VerifyCommand : ICliCommand
{
    public CommandSpec Spec { get; } = new("verify", "Check the package cache for tampered, partial or leftover entries")
    {
        Options = CommonOptions.WithGlobals(
            manifestCommand: true,
            new ArgSpec("repair", ArgKind.Flag, "Remove tampered archives and leftovers, re-extract modified sources") { Long = "repair" },
            CommonOptions.ManifestPath),
        AfterHelp = "Checks every cached .crate against Cargo.lock (when run in a project) or the cached index,\n"
            + "and every extracted tree against its digest and its archive. Exits with 101 while a problem\n"
            + "is not repaired.",
    };

    public int Run(CommandContext context, ParsedArgs args)
    {
        VerifyCache.RunAsync(context.GlobalContext, ManifestCommands.Environment(context), args.Value("manifest-path"), args.Flag("repair"), CancellationToken.None)
            .GetAwaiter().GetResult();
        return 0;
    }
}
