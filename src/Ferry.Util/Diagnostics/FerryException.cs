namespace Ferry.Util.Diagnostics;

/// <summary>
/// A failure to report to the user: rendered as <c>error: {Message}</c>, followed by one
/// <c>Caused by:</c> entry per inner exception and the hints, and exit code 101 — the way
/// Cargo reports errors. Anything else that escapes to the CLI is a bug in Ferry.
/// </summary>
public class FerryException : Exception
{
    public FerryException(string message)
        : base(message)
    {
        Hints = [];
    }

    public FerryException(string message, Exception? cause)
        : base(message, cause)
    {
        Hints = [];
    }

    public FerryException(string message, Exception? cause, IReadOnlyList<string> hints)
        : base(message, cause)
    {
        Hints = hints;
    }

    /// <summary>Lines printed after the message as <c>help: ...</c> (actionable suggestions).</summary>
    public IReadOnlyList<string> Hints { get; }

    /// <summary>The process exit code; Cargo uses 101 for every operational failure.</summary>
    public virtual int ExitCode => 101;
}
