using Ferry.Core.Manifest.Schema;
using Ferry.Toml;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Manifest;

/// <summary>Turns TOML and schema errors into the located diagnostics Cargo prints for manifests.</summary>
internal static class Diagnostics
{
    /// <summary>Cargo shows the manifest path relative to the working directory in <c> --&gt; path:line:col</c>.</summary>
    public static string DisplayPath(string manifestPath, string cwd) => PathDiff.Diff(manifestPath, cwd) ?? manifestPath;

    public static DiagnosticException FromToml(TomlParseException error, string manifestPath, string cwd)
    {
        var location = new SourceLocation(DisplayPath(manifestPath, cwd), error.Line, error.Column, error.SourceLine, error.CaretLength);
        return new DiagnosticException(error.Reason, location, error.Render());
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
