using System.Text;
using Ferry.Build.Messages;
using Ferry.Util.Diagnostics;
using Ferry.Util.Text;

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
    private readonly Func<int?> _progressWidth;

    // A transient (progress) line is on screen: the next output erases it first, as in Cargo.
    private bool _needsClear;

    public TerminalShell(TextWriter stdout, TextWriter stderr, bool colorStderr, Verbosity verbosity, Func<int?>? progressWidth = null)
    {
        _stdout = stdout;
        _stderr = stderr;
        ColorStderr = colorStderr;
        Verbosity = verbosity;
        _progressWidth = progressWidth ?? (static () => null);
    }

    public bool ColorStderr { get; }

    /// <summary>The terminal's width when stderr is one (asked each time: the window may be resized).</summary>
    public int? ProgressWidth => _progressWidth();

    public Verbosity Verbosity { get; set; }

    /// <summary>The terminal width when stderr is a terminal; null otherwise.</summary>
    public int? ErrWidth => _progressWidth();

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

    /// <summary>
    /// Lets <paramref name="write"/> put UTF-8 bytes on stdout directly (large JSON documents), without
    /// building the whole text first.
    /// </summary>
    public void OutBytes(Action<Stream> write)
    {
        lock (_lock)
        {
            _stdout.Flush();
            if (_stdout is StreamWriter { BaseStream: { } stream })
            {
                // Not disposed: that would close stdout itself.
                var buffered = new BufferedStream(stream, 1 << 16);
                write(buffered);
                buffered.Flush();
                return;
            }

            using var memory = new MemoryStream();
            write(memory);
            _stdout.Write(Encoding.UTF8.GetString(memory.GetBuffer(), 0, (int)memory.Length));
            _stdout.Flush();
        }
    }

    public void Error(FerryException error) => Err(ErrorRenderer.Render(error, this));

    /// <summary>Cargo's report layout: bold title, a gutter, then <c>= note:</c> lines.</summary>
    public void WarnReport(string title, IReadOnlyList<string> notes)
    {
        if (Verbosity == Verbosity.Quiet)
        {
            return;
        }

        var text = new StringBuilder();
        text.Append(Paint("warning", Style.Warn)).Append(ColorStderr ? Style.Bold + ": " + title + Style.Reset : ": " + title).Append('\n');
        text.Append("  ").Append(Paint("|", Style.Line)).Append('\n');
        foreach (var note in notes)
        {
            text.Append("  ").Append(Paint("= ", Style.Line)).Append(ColorStderr ? Style.Bold + "note" + Style.Reset : "note").Append(": ").Append(note).Append('\n');
        }

        Err(text.ToString());
    }

    public void Out(string text)
    {
        lock (_lock)
        {
            EraseTransient();
            _stdout.Write(text);
            _stdout.Flush();
        }
    }

    public void Raw(string text) => Err(text);

    public void StdoutLine(string text)
    {
        lock (_lock)
        {
            EraseTransient();
            _stdout.Write(text);
            _stdout.Write('\n');
            _stdout.Flush();
        }
    }

    /// <summary>Compiler output: kept as rustc rendered it when colours are on, stripped of escape codes otherwise (Cargo's <c>print_ansi_stderr</c>).</summary>
    public void StderrLine(string text) => Err((ColorStderr ? text : Ansi.Strip(text)) + "\n");

    public void Err(string text)
    {
        // Like Cargo's output stream: without colour, escape sequences and other control
        // characters that came from data (file contents, rustc output) are dropped.
        if (!ColorStderr)
        {
            text = TerminalText.Strip(text);
        }

        lock (_lock)
        {
            EraseTransient();
            _stderr.Write(text);
            _stderr.Flush();
        }
    }

    public void Transient(string status, string text)
    {
        lock (_lock)
        {
            EraseTransient();
            var padded = status.Length < 12 ? new string(' ', 12 - status.Length) + status : status;
            _stderr.Write(Paint(padded, Style.Help) + " " + text + "\r");
            _stderr.Flush();
            _needsClear = true;
        }
    }

    public void ClearTransient()
    {
        lock (_lock)
        {
            EraseTransient();
        }
    }

    /// <summary>The build's progress bar: a transient line, or none (erased) when <paramref name="line"/> is null.</summary>
    public void Progress(string status, string? line)
    {
        if (line is null)
        {
            ClearTransient();
        }
        else
        {
            Transient(status, line);
        }
    }

    public string Paint(string text, string style) => ColorStderr ? style + text + Style.Reset : text;

    // Cargo erases with "ESC [K" only where it uses colour (a terminal); elsewhere the carriage
    // return alone lets the next line overwrite the transient one.
    private void EraseTransient()
    {
        if (_needsClear)
        {
            if (ColorStderr)
            {
                _stderr.Write(EraseLine);
            }

            _needsClear = false;
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
