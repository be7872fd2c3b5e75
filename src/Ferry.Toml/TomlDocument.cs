using System.Text;
using Ferry.Toml.Formatting;
using Ferry.Toml.Parsing;
using Ferry.Toml.Syntax;

namespace Ferry.Toml;

/// <summary>
/// A parsed TOML file: the <see cref="Root"/> table with every key and value, their positions, and every byte of
/// formatting, so that <see cref="ToString"/> returns the input unchanged until it is edited (toml_edit's
/// <c>DocumentMut</c>). Parse with <see cref="Parse(string, TomlParseOptions?)"/> (or from UTF-8 bytes, which are
/// validated strictly); bad input throws <see cref="TomlParseException"/> and nothing else.
/// </summary>
/// <remarks>
/// The document is deliberately mutable (an editor needs that); spans always refer to the originally parsed
/// <see cref="Source"/>, so after an edit they still locate the untouched nodes in the old text.
/// </remarks>
public sealed class TomlDocument
{
    private readonly int _bomLength;
    private int[]? _lineStarts;

    internal TomlDocument(string source, int bomLength)
    {
        Source = source;
        _bomLength = bomLength;
        Root = TomlTable.NewSectionTable(this);
        Root.Attached = true;
        Root.SetSource(source, 0, source.Length);
        var rootSection = new Section(Root, null, isArray: false);
        Root.Section = rootSection;
        Sections = new List<Section> { rootSection };
        NewLine = DetectNewLine(source);
    }

    /// <summary>An empty document (for <c>ferry init</c>-style generation).</summary>
    public static TomlDocument CreateEmpty() => new("", 0);

    /// <summary>Parses TOML text. Throws <see cref="TomlParseException"/> (only) when the text is not valid TOML.</summary>
    public static TomlDocument Parse(string text, TomlParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TomlParser.Parse(text, options ?? TomlParseOptions.Default);
    }

    /// <summary>
    /// Parses a TOML file's bytes. They must be UTF-8 (a byte order mark is allowed and kept); anything else is
    /// rejected with the same message Rust's <c>str::from_utf8</c> gives.
    /// </summary>
    public static TomlDocument Parse(ReadOnlySpan<byte> utf8, TomlParseOptions? options = null)
        => Parse(Utf8Validator.Decode(utf8), options);

    /// <inheritdoc cref="Parse(ReadOnlySpan{byte}, TomlParseOptions?)"/>
    public static TomlDocument Parse(byte[] utf8, TomlParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        return Parse(utf8.AsSpan(), options);
    }

    /// <summary>The text this document was parsed from (spans index into it).</summary>
    public string Source { get; }

    public TomlTable Root { get; }

    /// <summary>The line ending used for new lines: the document's first one, or <c>\n</c>.</summary>
    public string NewLine { get; set; }

    /// <summary>Whitespace and comments after the last key or header.</summary>
    public string Trailing
    {
        get => TrailingRaw.ToString();
        set => TrailingRaw = (value ?? "").AsMemory();
    }

    internal ReadOnlyMemory<char> TrailingRaw;

    internal List<Section> Sections { get; }

    /// <summary>The document as TOML text: exactly the parsed text if nothing was edited.</summary>
    public override string ToString()
    {
        var sb = new TomlTextBuilder(Source.Length + 64);
        sb.Append(Source.AsSpan(0, _bomLength));
        foreach (var section in Sections)
        {
            section.WriteTo(sb);
        }
        sb.Append(TrailingRaw.Span);
        return sb.ToString();
    }

    /// <summary>1-based line and column of a source offset (columns count Unicode scalar values).</summary>
    public TomlPosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Source.Length);
        var starts = LineStarts();
        int line = System.Array.BinarySearch(starts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }
        int lineStart = starts[line];
        int column = 1;
        var span = Source.AsSpan(lineStart, offset - lineStart);
        for (int i = 0; i < span.Length; i++)
        {
            if (!(char.IsLowSurrogate(span[i]) && i > 0 && char.IsHighSurrogate(span[i - 1])))
            {
                column++;
            }
        }
        return new TomlPosition(line + 1, column);
    }

    /// <summary>
    /// What cargo needs to show a span: <c>--&gt; Cargo.toml:{Line}:{Column}</c>, the line's text, and
    /// <see cref="TomlSnippet.CaretLength"/> carets under it (clipped to the line).
    /// </summary>
    public TomlSnippet GetSnippet(TomlSpan span)
    {
        var position = GetPosition(span.Start);
        var starts = LineStarts();
        int lineStart = starts[position.Line - 1];
        int lineEnd = position.Line < starts.Length ? starts[position.Line] : Source.Length;
        var line = Source.AsSpan(lineStart, lineEnd - lineStart).TrimEnd("\r\n");
        int available = Math.Max(0, lineStart + line.Length - span.Start);
        int caret = Math.Max(1, Math.Min(span.Length, available));
        return new TomlSnippet(position.Line, position.Column, line.ToString(), caret);
    }

    private int[] LineStarts()
    {
        if (_lineStarts is { } cached)
        {
            return cached;
        }
        var starts = new List<int> { 0 };
        var text = Source.AsSpan();
        int pos = 0;
        while (true)
        {
            int nl = text[pos..].IndexOf('\n');
            if (nl < 0)
            {
                break;
            }
            pos += nl + 1;
            starts.Add(pos);
        }
        _lineStarts = starts.ToArray();
        return _lineStarts;
    }

    private static string DetectNewLine(string source)
    {
        int nl = source.IndexOf('\n');
        return nl > 0 && source[nl - 1] == '\r' ? "\r\n" : "\n";
    }

    // ---------------------------------------------------------------- structural edits used by TomlTable

    /// <summary>Inserts a new header section, giving it toml_edit's default layout (a blank line before it).</summary>
    internal void InsertSection(int position, Section section)
    {
        EnsureLineEndAt(position);
        bool atStart = position <= 1 && Sections[0].Items.Count == 0;
        section.Table.DefaultDecor(atStart ? "" : NewLine, "");
        section.HeaderNewline = NewLine.AsMemory();
        Sections.Insert(position, section);
    }

    internal void RemoveSectionAt(int index) => Sections.RemoveAt(index);

    internal void RemoveStatement(KeyValueSyntax statement)
    {
        foreach (var section in Sections)
        {
            if (section.Items.Remove(statement))
            {
                return;
            }
        }
    }

    /// <summary>Makes sure the line just before a new line at <paramref name="at"/> in <paramref name="section"/> is terminated.</summary>
    internal void EnsureLineEndBefore(Section section, int at)
    {
        if (at > 0)
        {
            var previous = section.Items[at - 1];
            if (!previous.HasNewline)
            {
                previous.Newline = NewLine.AsMemory();
            }
        }
        else if (section.Header is not null && section.HeaderNewline.IsEmpty)
        {
            section.HeaderNewline = NewLine.AsMemory();
        }
    }

    /// <summary>Makes sure the text before a new section at <paramref name="position"/> ends with a line break.</summary>
    private void EnsureLineEndAt(int position)
    {
        for (int i = position - 1; i >= 0; i--)
        {
            var section = Sections[i];
            if (section.Items.Count > 0)
            {
                EnsureLineEndBefore(section, section.Items.Count);
                return;
            }
            if (section.Header is not null)
            {
                EnsureLineEndBefore(section, 0);
                return;
            }
        }
    }
}
