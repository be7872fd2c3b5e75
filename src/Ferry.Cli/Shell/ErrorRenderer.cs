using System.Text;
using Ferry.Cli.Args;
using Ferry.Util.Diagnostics;

namespace Ferry.Cli.Shell;

/// <summary>
/// Formats failures exactly the way Cargo prints them: <c>error: message</c>, a source snippet
/// for located errors, one <c>Caused by:</c> block per cause (indented two spaces), then hints.
/// </summary>
internal static class ErrorRenderer
{
    public static string Render(FerryException error, TerminalShell shell)
    {
        if (FindDiagnostic(error) is { } found)
        {
            return RenderWithDiagnostic(error, found.Diagnostic, found.Depth, shell);
        }

        var text = new StringBuilder();
        text.Append(shell.Paint("error", Style.Error));
        if (error is LocatedException located)
        {
            text.Append(shell.ColorStderr ? Style.Bold + ": " + error.Message + Style.Reset : ": " + error.Message).Append('\n');
            AppendSnippet(text, located.Location, shell);
        }
        else
        {
            text.Append(": ").Append(error.Message).Append('\n');
        }

        for (var cause = error.InnerException; cause is not null; cause = cause.InnerException)
        {
            text.Append("\nCaused by:\n");
            var message = cause is LocatedException inner ? LocatedCauseText(inner) : CauseMessage(cause);

            // Rust's `lines()`, as Cargo's indented_lines uses: a trailing newline (an HTTP error's
            // body usually ends with one) adds no empty line.
            var lines = message.Split('\n');
            var count = lines.Length > 1 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
            foreach (var line in lines.AsSpan(0, count))
            {
                text.Append(line.Length == 0 ? string.Empty : "  " + line).Append('\n');
            }
        }

        foreach (var hint in error.Hints)
        {
            text.Append('\n').Append(hint).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// Cargo prints a manifest diagnostic when it happens and the errors wrapping it afterwards as a
    /// separate <c>error:</c> (without repeating the diagnostic among the causes).
    /// </summary>
    private static string RenderWithDiagnostic(FerryException error, DiagnosticException diagnostic, int depth, TerminalShell shell)
    {
        var text = new StringBuilder();
        AppendDiagnostic(text, diagnostic, shell);
        if (depth > 0)
        {
            text.Append(shell.Paint("error", Style.Error)).Append(": ").Append(error.Message).Append('\n');
            var level = 1;
            for (var cause = error.InnerException; cause is not null && level < depth; cause = cause.InnerException, level++)
            {
                text.Append("\nCaused by:\n");
                foreach (var line in CauseMessage(cause).Split('\n'))
                {
                    text.Append(line.Length == 0 ? string.Empty : "  " + line).Append('\n');
                }
            }
        }

        foreach (var hint in error.Hints)
        {
            text.Append('\n').Append(hint).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The diagnostic alone: <c>error: message</c> (continuation lines indented under it) and the snippet.</summary>
    public static void AppendDiagnostic(StringBuilder text, DiagnosticException diagnostic, TerminalShell shell)
    {
        var lines = diagnostic.Message.Split('\n');
        text.Append(shell.Paint("error", Style.Error));
        text.Append(shell.ColorStderr ? Style.Bold + ": " + lines[0] + Style.Reset : ": " + lines[0]).Append('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            text.Append("       ").Append(lines[i]).Append('\n');
        }

        AppendSnippet(text, diagnostic.Location, shell);
    }

    private static (DiagnosticException Diagnostic, int Depth)? FindDiagnostic(Exception error)
    {
        var depth = 0;
        for (Exception? e = error; e is not null; e = e.InnerException, depth++)
        {
            if (e is DiagnosticException diagnostic)
            {
                return (diagnostic, depth);
            }
        }

        return null;
    }

    public static string Render(ArgParseException error, TerminalShell shell)
    {
        var text = new StringBuilder();
        text.Append(shell.Paint("error", Style.Error)).Append(": ").Append(error.Message).Append('\n');
        if (error.Tip is not null)
        {
            text.Append("\n  ").Append(shell.Paint("tip", Style.Good)).Append(": ").Append(error.Tip).Append('\n');
        }

        if (error.Usage is not null)
        {
            text.Append('\n').Append(shell.Paint("Usage:", Style.Good)).Append(' ').Append(error.Usage).Append('\n');
        }

        text.Append("\nFor more information, try '").Append(shell.Paint("--help", Style.Good)).Append("'.\n");
        return text.ToString();
    }

    /// <summary>The snippet block under a located error (the <c> --&gt; file:line:col</c> form).</summary>
    public static void AppendSnippet(StringBuilder text, SourceLocation location, TerminalShell shell)
    {
        var number = location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gutter = new string(' ', number.Length);
        text.Append(gutter).Append(shell.Paint("--> ", Style.Line)).Append(location.Path).Append(':')
            .Append(location.Line).Append(':').Append(location.Column).Append('\n');
        text.Append(gutter).Append(' ').Append(shell.Paint("|", Style.Line)).Append('\n');
        text.Append(shell.Paint(number, Style.Line)).Append(' ').Append(shell.Paint("|", Style.Line));
        if (location.SourceLine.Length > 0)
        {
            text.Append(' ').Append(location.SourceLine);
        }

        text.Append('\n');
        // Like annotate-snippets, a position past the end of the line (an error at the end of the file) is drawn just after it.
        text.Append(gutter).Append(' ').Append(shell.Paint("|", Style.Line)).Append(' ')
            .Append(' ', Math.Max(0, Math.Min(location.Column - 1, location.SourceLine.Length)))
            .Append(shell.Paint(new string('^', Math.Max(1, location.Length)), Style.Error)).Append('\n');
    }

    /// <summary>Inside a cause chain Cargo shows the toml crate's own rendering of the position.</summary>
    private static string LocatedCauseText(LocatedException error)
    {
        var location = error.Location;
        var number = location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gutter = new string(' ', number.Length);
        var text = new StringBuilder();
        text.Append("TOML parse error at line ").Append(location.Line).Append(", column ").Append(location.Column).Append('\n');
        text.Append(gutter).Append(" |\n");
        text.Append(number).Append(" | ").Append(location.SourceLine).Append('\n');
        text.Append(gutter).Append(" | ").Append(' ', Math.Max(0, location.Column - 1)).Append('^', Math.Max(1, location.Length)).Append('\n');
        text.Append(error.Message);
        return text.ToString();
    }

    private static string CauseMessage(Exception cause) => cause switch
    {
        FileNotFoundException or DirectoryNotFoundException => "No such file or directory (os error 2)",
        UnauthorizedAccessException => "Permission denied (os error 13)",
        _ => cause.Message,
    };
}
