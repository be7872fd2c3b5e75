namespace Ferry.Util.Diagnostics;

public enum Verbosity
{
    Quiet,
    Normal,
    Verbose,
    VeryVerbose,
}
