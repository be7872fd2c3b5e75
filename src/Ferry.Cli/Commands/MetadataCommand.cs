using Ferry.Cli.Args;
using Ferry.Ops;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry metadata</c>.</summary>
internal sealed class MetadataCommand : ICliCommand
{
    public CommandSpec Spec { get; } = new(
        "metadata",
        "Output the resolved dependencies of a package, the concrete used versions including overrides, in\nmachine-readable format")
    {
        ListDescription = "Output the resolved dependencies of a package, the concrete used versions including overrides, in machine-readable format",
        Options = CommonOptions.WithGlobals(
            manifestCommand: true,
            new ArgSpec("filter-platform", ArgKind.Value, "Only include resolve dependencies matching the given target-triple")
            {
                Long = "filter-platform",
                ValueName = "TRIPLE",
                Multiple = true,
            },
            new ArgSpec("no-deps", ArgKind.Flag, "Output information only about the workspace members and don't fetch dependencies") { Long = "no-deps" },
            new ArgSpec("format-version", ArgKind.Value, "Format version") { Long = "format-version", ValueName = "VERSION", PossibleValues = ["1"] },
            ManifestCommands.Features,
            ManifestCommands.AllFeatures,
            ManifestCommands.NoDefaultFeatures,
            CommonOptions.ManifestPath),
        AfterHelp = "Run `ferry help metadata` for more detailed information.",
    };

    public int Run(CommandContext context, ParsedArgs args)
    {
        var options = new MetadataOptions
        {
            ManifestPath = args.Value("manifest-path"),
            NoDeps = args.Flag("no-deps"),
            FormatVersion = args.Value("format-version"),
            Features = args.Values("features"),
            AllFeatures = args.Flag("all-features"),
            NoDefaultFeatures = args.Flag("no-default-features"),
            FilterPlatforms = args.Values("filter-platform"),
        };
        var write = Metadata.RunAsync(context.GlobalContext, options, ManifestCommands.Environment(context), CancellationToken.None).GetAwaiter().GetResult();
        context.Shell.OutBytes(write);
        return 0;
    }
}
