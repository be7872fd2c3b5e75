using Ferry.Cli.Args;
using Ferry.Ops;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry init [PATH]</c>: makes a package of an existing directory (the current one by default).</summary>
internal sealed class InitCommand : ICliCommand
{
    public CommandSpec Spec { get; } = new("init", "Create a new cargo package in an existing directory")
    {
        Options = NewCommandOptions.Options,
        Positionals = [new PositionalSpec("path", "PATH", "[default: .]")],
        AfterHelp = "Run `ferry help init` for more detailed information.",
        PositionalsAfterDoubleDash = true,
    };

    public int Run(CommandContext context, ParsedArgs args)
    {
        var options = NewCommandOptions.Read(context, args, args.Positional("path") ?? ".");
        Init.Run(options, context.GlobalContext, context.Shell);
        return 0;
    }
}
