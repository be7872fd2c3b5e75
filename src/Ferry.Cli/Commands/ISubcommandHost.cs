using Ferry.Cli.Args;

namespace Ferry.Cli.Commands;

/// <summary>
/// A command with its own subcommands (<c>config get</c>). The CLI asks for the nested
/// arguments before running it, so global options written after the nested subcommand
/// (<c>ferry config get --config k=v</c>) take part in building the configuration.
/// </summary>
internal interface ISubcommandHost
{
    ParsedArgs? SubcommandArgs(ParsedArgs args);
}
