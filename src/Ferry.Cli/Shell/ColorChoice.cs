namespace Ferry.Cli.Shell;

internal enum ColorChoice
{
    Auto,
    Always,
    Never,
}
