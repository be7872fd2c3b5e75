namespace Ferry.Build.Execution;

internal enum JobMessageKind
{
    Run,
    Stdout,
    Stderr,
    Diagnostic,
    Warning,
    RmetaReady,
    Finished,
    Token,
}
