using Ferry.Cli.Args;
using Ferry.Ops;

namespace Ferry.Cli.Commands;

/// <summary>
/// <c>ferry config get [KEY]</c>: shows configuration values. Cargo only has this on nightly
/// (behind <c>-Zunstable-options</c>); Ferry has it on its stable channel and accepts the flag
/// for compatibility.
/// </summary>
internal sealed class ConfigCommand : ICliCommand, ISubcommandHost
{
    private static readonly IReadOnlyList<string> Formats = ["toml", "json", "json-value"];

    public static CommandSpec GetSpec { get; } = new("config get", "Display a configuration value")
    {
        Options = CommonOptions.WithGlobals(
            manifestCommand: true,
            new ArgSpec("format", ArgKind.Value, "Display format [default: toml]") { Long = "format", ValueName = "format", PossibleValues = Formats },
            new ArgSpec("show-origin", ArgKind.Flag, "Display where the config value is defined") { Long = "show-origin" },
            new ArgSpec("merged", ArgKind.Value, "Whether or not to merge config values [default: yes]") { Long = "merged", ValueName = "merged", PossibleValues = ["yes", "no"] }),
        Positionals = [new PositionalSpec("key", "key", "The config key to display")],
    };

    public CommandSpec Spec { get; } = new("config", "Inspect configuration values")
    {
        Options = CommonOptions.WithGlobals(manifestCommand: true),
        Positionals = [new PositionalSpec("command", "COMMAND", "The config subcommand (`get`)") { Trailing = true }],
        ListDescription = "Inspect configuration values",
    };

    /// <summary>
    /// Splits <c>config</c>'s arguments: global options before the subcommand, then <c>get</c>
    /// and its own arguments. Returns null (with the help printed) when no subcommand was given.
    /// </summary>
    public static (string Subcommand, ParsedArgs Args)? ParseSubcommand(ParsedArgs args)
    {
        var rest = args.Positionals("command");
        if (rest.Count == 0)
        {
            return null;
        }

        if (rest[0] != "get")
        {
            throw new ArgParseException(
                $"unrecognized subcommand '{rest[0]}'",
                "ferry config [OPTIONS] <COMMAND>",
                Util.Text.EditDistance.Closest(rest[0], ["get"]) is { } similar ? $"a similar subcommand exists: '{similar}'" : null);
        }

        return ("get", new ArgParser(GetSpec, "ferry").Parse(rest.Skip(1).ToList()));
    }

    public ParsedArgs? SubcommandArgs(ParsedArgs args) => ParseSubcommand(args)?.Args;

    public int Run(CommandContext context, ParsedArgs args)
    {
        var parsed = ParseSubcommand(args);
        if (parsed is not { } sub)
        {
            context.Shell.Err(HelpRenderer.Render(Spec, "ferry"));
            return 1;
        }

        if (sub.Args.Flag("help"))
        {
            context.Shell.Out(HelpRenderer.Render(GetSpec, "ferry"));
            return 0;
        }

        var options = new ConfigGetOptions(
            sub.Args.Positional("key"),
            sub.Args.Value("format") switch
            {
                "json" => ConfigFormat.Json,
                "json-value" => ConfigFormat.JsonValue,
                _ => ConfigFormat.Toml,
            },
            sub.Args.Flag("show-origin"),
            sub.Args.Value("merged") != "no");
        var output = ConfigGet.Run(context.GlobalContext, options);
        context.Shell.Out(output.Stdout);
        if (output.Stderr.Length > 0)
        {
            context.Shell.Err(output.Stderr);
        }

        return 0;
    }
}
