using Ferry.Cli.Shell;
using Ferry.Core.Configuration;

namespace Ferry.Cli.Commands;

/// <summary>What a command handler gets: the terminal, the global flags and the process state.</summary>
internal sealed record CommandContext(
    TerminalShell Shell,
    GlobalOptions Globals,
    EnvironmentSnapshot Environment,
    string WorkingDirectory,
    CommandTable Commands);
