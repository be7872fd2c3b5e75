using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Sources.Support;

/// <summary>
/// Renders an exception chain the way Cargo prints an error: <c>error: MESSAGE</c>, then
/// <c>Caused by:</c> and each cause indented by two spaces (Rust's <c>lines()</c>: a trailing
/// newline adds no empty line).
/// </summary>
internal static class ErrorText
{
    public static string Render(Exception error)
    {
        var text = new System.Text.StringBuilder();
        text.Append("error: ").Append(error.Message).Append('\n');
        for (var cause = error.InnerException; cause is not null; cause = cause.InnerException)
        {
            text.Append("\nCaused by:\n");
            foreach (var line in Lines(cause.Message))
            {
                text.Append(line.Length == 0 ? "\n" : "  " + line + "\n");
            }
        }

        if (error is FerryException ferry)
        {
            foreach (var hint in ferry.Hints)
            {
                text.Append('\n').Append(hint).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>Rust's <c>str::lines</c>: split on <c>\n</c>, no final empty line.</summary>
    public static IEnumerable<string> Lines(string text)
    {
        var lines = text.Split('\n');
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        return lines.Take(count).Select(line => line.TrimEnd('\r'));
    }
}
