using Ferry.Cli.Args;

namespace Ferry.Cli.Commands;

/// <summary>A subcommand: its argument declaration and a thin handler that calls one Ops function.</summary>
internal interface ICliCommand
{
    CommandSpec Spec { get; }

    int Run(CommandContext context, ParsedArgs args);
}
