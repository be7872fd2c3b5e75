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

    /// <summary>
    /// Text written to stderr as it is, even with <c>--quiet</c> (Cargo's direct <c>shell.err()</c>
    /// writes, such as the error under "compiling this new package may not work"). Shells that
    /// only record diagnostics may ignore it.
    /// </summary>
    void Raw(string text)
    {
    }

    /// <summary>
    /// A warning with notes under it, drawn like Cargo's diagnostic reports:
    /// <code>
    /// warning: title
    ///   |
    ///   = note: first note
    /// </code>
    /// </summary>
    void WarnReport(string title, IReadOnlyList<string> notes)
    {
        var text = new System.Text.StringBuilder(title).Append("\n  |");
        foreach (var note in notes)
        {
            text.Append("\n  = note: ").Append(note);
        }

        Warn(text.ToString());
    }

    /// <summary>An error printed while the operation goes on (Cargo's <c>shell.error</c>), drawn as the CLI draws failures; shown even with <c>--quiet</c>.</summary>
    void Error(FerryException error)
    {
        Raw("error: " + error.Message + "\n");
    }
}
