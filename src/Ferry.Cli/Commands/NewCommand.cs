using Ferry.Cli.Args;
using Ferry.Ops;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry new &lt;PATH&gt;</c>: a new package in a new directory.</summary>
internal sealed class NewCommand : ICliCommand
{
    public CommandSpec Spec { get; } = new("new", "Create a new cargo package at <path>")
    {
        Options = NewCommandOptions.Options,
        Positionals = [new PositionalSpec("path", "PATH", string.Empty, Required: true)],
        AfterHelp = "Run `ferry help new` for more detailed information.",
        PositionalsAfterDoubleDash = true,
    };

    public int Run(CommandContext context, ParsedArgs args)
    {
        var options = NewCommandOptions.Read(context, args, args.Positional("path")!);
        New.Run(options, context.GlobalContext, context.Shell);
        return 0;
    }
}
