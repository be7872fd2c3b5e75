using Ferry.Cli.Args;

namespace Ferry.Cli.Commands;

/// <summary>Option declarations shared by the commands that read a workspace.</summary>
internal static class ManifestCommands
{
    public const string FeatureHeading = "Feature Selection";

    public static ArgSpec Features => new("features", ArgKind.Value, "Space or comma separated list of features to activate")
    {
        Long = "features",
        Short = 'F',
        ValueName = "FEATURES",
        Multiple = true,
        Heading = FeatureHeading,
    };

    public static ArgSpec AllFeatures => new("all-features", ArgKind.Flag, "Activate all available features") { Long = "all-features", Heading = FeatureHeading };

    public static ArgSpec NoDefaultFeatures => new("no-default-features", ArgKind.Flag, "Do not activate the `default` feature")
    {
        Long = "no-default-features",
        Heading = FeatureHeading,
    };

    public static Core.Configuration.ManifestEnvironment Environment(CommandContext context) => new(context.GlobalContext);
}
