using Ferry.Cli.Shell;
using Ferry.Core.Configuration;

namespace Ferry.Cli.Commands;

/// <summary>
/// What a command handler gets: the terminal, the global flags, the process state, and the
/// <see cref="Core.Configuration.GlobalContext"/> (merged configuration and typed settings) for this run.
/// </summary>
internal sealed record CommandContext(
    TerminalShell Shell,
    GlobalOptions Globals,
    EnvironmentSnapshot Environment,
    string WorkingDirectory,
    CommandTable Commands,
    GlobalContext GlobalContext);
