using System.Collections.Immutable;
using Ferry.Cli.Args;
using Ferry.Util.Diagnostics;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry help [COMMAND]</c>: the command's help, or the overview.</summary>
internal sealed class HelpCommand : ICliCommand
{
    public CommandSpec Spec { get; } = new("help", "Displays help for a cargo command")
    {
        Options = CommonOptions.WithGlobals(manifestCommand: false),
        Positionals = [new PositionalSpec("command", "COMMAND", "If specified, the subcommand for which help is to be printed")],
    };

    public int Run(CommandContext context, ParsedArgs args)
    {
        var name = args.Positional("command");
        if (name is null)
        {
            context.Shell.Out(RootCommand.Help(context.Commands));
            return 0;
        }

        // As in Cargo: a user alias that is more than a command name is shown, otherwise followed.
        ImmutableArray<string>? alias;
        try
        {
            alias = context.Commands.FindBuiltIn(name) is null ? context.GlobalContext.Alias(name) : null;
        }
        catch (FerryException)
        {
            alias = null;
        }

        if (alias is { Length: > 1 } expansion)
        {
            context.Shell.Out($"`{name}` is aliased to `{string.Join(' ', expansion)}`\n");
            return 0;
        }

        if (alias is { Length: 1 } single)
        {
            name = single[0];
        }

        var command = context.Commands.Find(name)
            ?? throw new FerryException($"no such command: `{name}`");
        context.Shell.Out(HelpRenderer.Render(command.Spec, "ferry"));
        return 0;
    }
}
