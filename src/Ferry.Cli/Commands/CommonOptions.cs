using Ferry.Cli.Args;

namespace Ferry.Cli.Commands;

/// <summary>Option declarations shared by many commands, spelled and described as in Cargo.</summary>
internal static class CommonOptions
{
    public const string ManifestHeading = "Manifest Options";

    public static readonly IReadOnlyList<string> Colors = ["auto", "always", "never"];

    public static ArgSpec Verbose => new("verbose", ArgKind.Count, "Use verbose output (-vv very verbose/build.rs output)") { Long = "verbose", Short = 'v' };

    public static ArgSpec Quiet => new("quiet", ArgKind.Flag, "Do not print cargo log messages") { Long = "quiet", Short = 'q' };

    public static ArgSpec Color => new("color", ArgKind.Value, "Coloring") { Long = "color", ValueName = "WHEN", PossibleValues = Colors };

    public static ArgSpec Config => new("config", ArgKind.Value, "Override a configuration value") { Long = "config", ValueName = "KEY=VALUE|PATH", Multiple = true };

    public static ArgSpec Unstable => new("unstable", ArgKind.Value, "Unstable (nightly-only) flags to Cargo, see 'cargo -Z help' for details") { Short = 'Z', ValueName = "FLAG", Multiple = true };

    public static ArgSpec Help => new("help", ArgKind.Flag, "Print help") { Long = "help", Short = 'h' };

    public static ArgSpec Locked(string? heading) => new("locked", ArgKind.Flag, "Assert that `Cargo.lock` will remain unchanged") { Long = "locked", Heading = heading };

    public static ArgSpec Offline(string? heading) => new("offline", ArgKind.Flag, "Run without accessing the network") { Long = "offline", Heading = heading };

    public static ArgSpec Frozen(string? heading) => new("frozen", ArgKind.Flag, "Equivalent to specifying both --locked and --offline") { Long = "frozen", Heading = heading };

    public static ArgSpec ManifestPath => new("manifest-path", ArgKind.Value, "Path to Cargo.toml") { Long = "manifest-path", ValueName = "PATH", Heading = ManifestHeading };

    /// <summary>
    /// Appends the global options every subcommand accepts. Commands that read a manifest show
    /// <c>--locked</c>/<c>--offline</c>/<c>--frozen</c> under "Manifest Options", as Cargo does.
    /// </summary>
    public static IReadOnlyList<ArgSpec> WithGlobals(bool manifestCommand, params ArgSpec[] own)
    {
        var heading = manifestCommand ? ManifestHeading : null;
        var list = new List<ArgSpec>(own.Length + 9);
        list.AddRange(own);
        list.Add(Verbose);
        list.Add(Quiet);
        list.Add(Color);
        list.Add(Config);
        list.Add(Unstable);
        list.Add(Help);
        var hideNetwork = !manifestCommand;
        list.Add(Locked(heading) with { Hidden = hideNetwork });
        list.Add(Offline(heading) with { Hidden = hideNetwork });
        list.Add(Frozen(heading) with { Hidden = hideNetwork });
        return list;
    }
}
