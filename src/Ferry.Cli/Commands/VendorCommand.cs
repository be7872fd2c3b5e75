using Ferry.Cli.Args;
using Ferry.Ops;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry vendor</c>.</summary>
internal sealed class VendorCommand : ICliCommand
{
    public CommandSpec Spec { get; } = new("vendor", "Vendor all dependencies for a project locally")
    {
        Options = CommonOptions.WithGlobals(
            manifestCommand: true,
            new ArgSpec("no-delete", ArgKind.Flag, "Don't delete older crates in the vendor directory") { Long = "no-delete" },
            new ArgSpec("sync", ArgKind.Value, "Additional `Cargo.toml` to sync and vendor") { Long = "sync", Short = 's', ValueName = "TOML", Multiple = true },
            new ArgSpec("respect-source-config", ArgKind.Flag, "Respect `[source]` config in `.cargo/config`") { Long = "respect-source-config" },
            new ArgSpec("versioned-dirs", ArgKind.Flag, "Always include version in subdir name") { Long = "versioned-dirs" },
            CommonOptions.ManifestPath),
        Positionals = [new PositionalSpec("path", "path", "Where to vendor crates (`vendor` by default)")],
        AfterHelp = "Run `ferry help vendor` for more detailed information.",
    };

    public int Run(CommandContext context, ParsedArgs args)
    {
        var options = new VendorOptions
        {
            ManifestPath = args.Value("manifest-path"),
            Destination = args.Positional("path") ?? "vendor",
            NoDelete = args.Flag("no-delete"),
            VersionedDirs = args.Flag("versioned-dirs"),
            Sync = args.Values("sync"),
            RespectSourceConfig = args.Flag("respect-source-config"),
        };
        Vendor.RunAsync(context.GlobalContext, ManifestCommands.Environment(context), options, CancellationToken.None).GetAwaiter().GetResult();
        return 0;
    }
}
