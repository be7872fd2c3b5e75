using System.Text;

namespace Ferry.Toml;

/// <summary>
/// The only exception the TOML parser throws on bad input. It carries the short <see cref="Reason"/>
/// (toml-rs wording, e.g. <c>duplicate key</c> or <c>unexpected key or value, expected newline, `#`</c>),
/// the 1-based <see cref="Line"/>/<see cref="Column"/>, the offending <see cref="Span"/> and the pieces cargo
/// needs to draw its <c>--&gt; Cargo.toml:4:9</c> snippet (<see cref="SourceLine"/>, <see cref="CaretLength"/>).
/// <see cref="Exception.Message"/> is the exact text toml-rs prints (see <see cref="Render"/>).
/// </summary>
/// <remarks>
/// Line and column follow toml-rs byte for byte, so they match what cargo reports: the column counts Unicode
/// scalar values, except in the one case where toml-rs falls back to counting UTF-8 bytes (an error located
/// on a non-ASCII character); an error at the very end of the input is placed after the last character.
/// </remarks>
public sealed class TomlParseException : Exception
{
    private readonly string _rawLine;
    private readonly bool _hasSnippet;

    internal TomlParseException(string reason, TomlSpan? span, string source)
        : base(reason)
    {
        Reason = reason;
        Span = span;
        if (span is { } s)
        {
            var (line, column, rawLine, caret) = ErrorLocation.Translate(source, s.Start, s.Length);
            Line = line + 1;
            Column = column + 1;
            _rawLine = rawLine;
            // toml-rs always draws at least one caret, even for an empty span (a position between characters).
            CaretLength = Math.Max(1, caret);
            _hasSnippet = true;
        }
        else
        {
            Line = 0;
            Column = 0;
            _rawLine = "";
            CaretLength = 0;
        }
    }

    /// <summary>For input that is not UTF-8: toml-rs reports only the decoder message, without a snippet.</summary>
    internal TomlParseException(string reason, int line, int column)
        : base(reason)
    {
        Reason = reason;
        Line = line;
        Column = column;
        _rawLine = "";
        CaretLength = 0;
    }

    /// <summary>The message without position, as cargo prints it after <c>error: </c>.</summary>
    public string Reason { get; }

    /// <summary>1-based line, or 0 when the error has no position (e.g. "recursion limit").</summary>
    public int Line { get; }

    /// <summary>1-based column (see the remarks on the class), or 0 when the error has no position.</summary>
    public int Column { get; }

    /// <summary>The offending range of the source text (UTF-16 offsets), if any.</summary>
    public TomlSpan? Span { get; }

    /// <summary>The source line the error is on, without its line ending.</summary>
    public string SourceLine => _rawLine.EndsWith('\r') ? _rawLine[..^1] : _rawLine;

    /// <summary>How many <c>^</c> to draw under <see cref="SourceLine"/> starting at <see cref="Column"/>.</summary>
    public int CaretLength { get; }

    public override string Message => Render();

    /// <summary>
    /// The diagnostic exactly as toml-rs's <c>Display</c> writes it:
    /// <code>
    /// TOML parse error at line 1, column 9
    ///   |
    /// 1 | a = 1 b = 2
    ///   |         ^
    /// unexpected key or value, expected newline, `#`
    /// </code>
    /// (with a final newline). Errors without a position render as the reason alone.
    /// </summary>
    public string Render()
    {
        var sb = new StringBuilder();
        if (_hasSnippet)
        {
            string lineNumber = Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var gutter = new string(' ', lineNumber.Length + 1);
            sb.Append("TOML parse error at line ").Append(lineNumber).Append(", column ")
                .Append(Column.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
            sb.Append(gutter).Append("|\n");
            sb.Append(lineNumber).Append(" | ").Append(_rawLine).Append('\n');
            sb.Append(gutter).Append('|').Append(' ', Column).Append('^', CaretLength).Append('\n');
        }
        sb.Append(Reason).Append('\n');
        return sb.ToString();
    }
}
