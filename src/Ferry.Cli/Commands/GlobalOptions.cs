using Ferry.Cli.Shell;

namespace Ferry.Cli.Commands;

/// <summary>The options Cargo accepts before or after any subcommand.</summary>
internal sealed record GlobalOptions(
    int Verbose,
    bool Quiet,
    ColorChoice? Color,
    bool Locked,
    bool Offline,
    bool Frozen,
    IReadOnlyList<string> ConfigArgs,
    IReadOnlyList<string> Unstable);
