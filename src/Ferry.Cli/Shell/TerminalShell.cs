using System.Text;
using Ferry.Build.Messages;
using Ferry.Util.Diagnostics;

namespace Ferry.Cli.Shell;

/// <summary>
/// The only writer to the terminal. Status and diagnostics go to stderr, data to stdout, as in
/// Cargo; colour is used on a terminal (or with <c>--color always</c>), never in pipes by default.
/// A transient progress line (builds) is erased before anything else is written to stderr.
/// </summary>
internal sealed class TerminalShell : IBuildShell
{
    private const string EraseLine = "\u001b[K";

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly object _lock = new();
    private bool _progressVisible;

    public TerminalShell(TextWriter stdout, TextWriter stderr, bool colorStderr, Verbosity verbosity, int? errWidth = null)
    {
        _stdout = stdout;
        _stderr = stderr;
        ColorStderr = colorStderr;
        Verbosity = verbosity;
        ErrWidth = errWidth;
    }

    public bool ColorStderr { get; }

    public Verbosity Verbosity { get; set; }

    /// <summary>The terminal width when stderr is a terminal; null otherwise.</summary>
    public int? ErrWidth { get; }

    public static bool ShouldColor(ColorChoice choice, bool isRedirected) => choice switch
    {
        ColorChoice.Always => true,
        ColorChoice.Never => false,
        _ => !isRedirected,
    };

    public void Status(string status, string message) => WriteStatus(status, message, Style.Good);

    public void StatusWarn(string status, string message) => WriteStatus(status, message, Style.Warn);

    public void Warn(string message)
    {
        if (Verbosity != Verbosity.Quiet)
        {
            WriteLabelled("warning", Style.Warn, message, boldMessage: false);
        }
    }

    public void Note(string message)
    {
        if (Verbosity != Verbosity.Quiet)
        {
            WriteLabelled("note", Style.Note, message, boldMessage: false);
        }
    }

    /// <summary>Errors are printed even with <c>--quiet</c>.</summary>
    public void Error(string message) => WriteLabelled("error", Style.Error, message, boldMessage: false);

    public void Out(string text)
    {
        lock (_lock)
        {
            _stdout.Write(text);
            _stdout.Flush();
        }
    }

    public void StdoutLine(string text)
    {
        lock (_lock)
        {
            _stdout.Write(text);
            _stdout.Write('\n');
            _stdout.Flush();
        }
    }

    /// <summary>Compiler output: kept as rustc rendered it when colours are on, stripped of escape codes otherwise (Cargo's <c>print_ansi_stderr</c>).</summary>
    public void StderrLine(string text) => Err((ColorStderr ? text : Ansi.Strip(text)) + "\n");

    public void Err(string text)
    {
        lock (_lock)
        {
            ClearProgress();
            _stderr.Write(text);
            _stderr.Flush();
        }
    }

    public void Progress(string status, string? line)
    {
        lock (_lock)
        {
            if (line is null)
            {
                ClearProgress();
                _stderr.Flush();
                return;
            }

            var padded = status.Length < 12 ? new string(' ', 12 - status.Length) + status : status;
            _stderr.Write(Paint(padded, Style.Help));
            _stderr.Write(' ');
            _stderr.Write(line);
            _stderr.Write('\r');
            _stderr.Flush();
            _progressVisible = true;
        }
    }

    public string Paint(string text, string style) => ColorStderr ? style + text + Style.Reset : text;

    private void ClearProgress()
    {
        if (_progressVisible)
        {
            _stderr.Write(ColorStderr ? EraseLine : "\r" + new string(' ', Math.Max(0, (ErrWidth ?? 80) - 1)) + "\r");
            _progressVisible = false;
        }
    }

    private void WriteStatus(string status, string message, string style)
    {
        if (Verbosity == Verbosity.Quiet)
        {
            return;
        }

        var line = new StringBuilder(12 + 1 + message.Length + 16);
        var padded = status.Length < 12 ? new string(' ', 12 - status.Length) + status : status;
        line.Append(Paint(padded, style)).Append(' ').Append(message).Append('\n');
        Err(line.ToString());
    }

    private void WriteLabelled(string label, string style, string message, bool boldMessage)
    {
        var text = Paint(label, style) + (boldMessage && ColorStderr ? Style.Bold + ": " + message + Style.Reset : ": " + message) + "\n";
        Err(text);
    }
}
