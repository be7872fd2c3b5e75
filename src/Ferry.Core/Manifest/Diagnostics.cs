using Ferry.Core.Manifest.Schema;
using Ferry.Toml;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Manifest;

/// <summary>Turns TOML and schema errors into the located diagnostics Cargo prints for manifests.</summary>
internal static class Diagnostics
{
    /// <summary>Cargo shows the manifest path relative to the working directory in <c> --&gt; path:line:col</c>.</summary>
    public static string DisplayPath(string manifestPath, string cwd) => PathDiff.Diff(manifestPath, cwd) ?? manifestPath;

    public static DiagnosticException FromToml(TomlParseException error, string text, string manifestPath, string cwd)
    {
        var column = error.Column;
        var plain = error.Render();
        if (error.Span is { } span && span.Start == text.Length - 1 && text.EndsWith('\n') && error.Line > 0
            && error.Reason is "unclosed array, expected `]`" or "unclosed inline table, expected `}`")
        {
            // An unclosed array or inline table at the end of a file that ends with a newline: Cargo 1.95's
            // toml places the error after the newline, one column further than the toml-rs release
            // Ferry.Toml follows (other errors there agree).
            column++;
            plain = Render(error.Line, column, error.SourceLine, Math.Max(1, error.CaretLength), error.Reason);
        }

        var location = new SourceLocation(DisplayPath(manifestPath, cwd), error.Line, column, error.SourceLine, error.CaretLength);
        return new DiagnosticException(error.Reason, location, plain);
    }

    private static string Render(int line, int column, string sourceLine, int caret, string reason)
    {
        var number = line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gutter = new string(' ', number.Length + 1);
        return $"TOML parse error at line {number}, column {column}\n{gutter}|\n{number} | {sourceLine}\n{gutter}|{new string(' ', column)}{new string('^', caret)}\n{reason}\n";
    }

    public static DiagnosticException FromSchema(ManifestDecodeException error, TomlDocument document, string manifestPath, string cwd)
    {
        var span = error.Span ?? new TomlSpan(0, 0);
        var snippet = document.GetSnippet(span);
        var location = new SourceLocation(DisplayPath(manifestPath, cwd), snippet.Line, snippet.Column, snippet.LineText, snippet.CaretLength);
        return new DiagnosticException(error.Message, location, error.PlainText);
    }

    /// <summary>A diagnostic pointing at <paramref name="span"/> with <paramref name="message"/> (semantic errors Cargo locates).</summary>
    public static DiagnosticException At(string message, TomlSpan span, TomlDocument document, string manifestPath, string cwd)
    {
        var snippet = document.GetSnippet(span);
        var location = new SourceLocation(DisplayPath(manifestPath, cwd), snippet.Line, snippet.Column, snippet.LineText, snippet.CaretLength);
        return new DiagnosticException(message, location, message);
    }
}
