namespace Ferry.Util.Diagnostics;

/// <summary>
/// Where operations report progress and warnings. Only Ferry.Cli implements it (it owns the
/// terminal); operations and tests receive it, so nothing below the CLI writes to the console.
/// </summary>
public interface IShell
{
    Verbosity Verbosity { get; }

    /// <summary>A right-aligned, coloured status line such as <c>   Compiling foo v0.1.0</c>.</summary>
    void Status(string status, string message);

    /// <summary>A status in the warning colour (e.g. <c>Blocking</c> waiting for a lock).</summary>
    void StatusWarn(string status, string message);

    void Warn(string message);

    void Note(string message);

    /// <summary>Machine-readable or primary output (JSON, tree text): goes to stdout.</summary>
    void Out(string text);
}
