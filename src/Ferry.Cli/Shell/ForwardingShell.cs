using Ferry.Util.Diagnostics;

namespace Ferry.Cli.Shell;

/// <summary>
/// The shell handed to the configuration layer. Configuration is read before the final
/// verbosity and colour are known (they can come from <c>[term]</c>), so warnings go to
/// whichever terminal shell is current when they are printed.
/// </summary>
internal sealed class ForwardingShell : IBuildShell
{
    public ForwardingShell(TerminalShell target)
    {
        Target = target;
    }

    public TerminalShell Target { get; set; }

    public Verbosity Verbosity => Target.Verbosity;

    public bool ColorStderr => Target.ColorStderr;

    public int? ErrWidth => Target.ErrWidth;

    public void Status(string status, string message) => Target.Status(status, message);

    public void StatusWarn(string status, string message) => Target.StatusWarn(status, message);

    public void Warn(string message) => Target.Warn(message);

    public void Note(string message) => Target.Note(message);

    public void Out(string text) => Target.Out(text);

    public int? ProgressWidth => Target.ProgressWidth;

    public void Transient(string status, string text) => Target.Transient(status, text);

    public void ClearTransient() => Target.ClearTransient();

    public void Raw(string text) => Target.Raw(text);

    public void WarnReport(string title, IReadOnlyList<string> notes) => Target.WarnReport(title, notes);

    public void Error(FerryException error) => Target.Error(error);

    public void Error(string message) => Target.Error(message);

    public void StderrLine(string text) => Target.StderrLine(text);

    public void StdoutLine(string text) => Target.StdoutLine(text);

    public void Progress(string status, string? line) => Target.Progress(status, line);
}
