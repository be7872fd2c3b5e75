using System.Text;
using Ferry.Toml.Formatting;

namespace Ferry.Toml.Syntax;

/// <summary>
/// A table header line and the <c>key = value</c> lines under it, in source order. The root section has no
/// header. The document is the list of its sections, so printing them in order reproduces the file; the
/// header's surrounding decor (comment lines above, comment after) lives on the table's <see cref="TomlValue.Decor"/>.
/// </summary>
internal sealed class Section
{
    public Section(TomlTable table, TomlKey[]? header, bool isArray)
    {
        Table = table;
        Header = header;
        IsArray = isArray;
    }

    public TomlTable Table { get; set; }

    /// <summary>The header's key parts (with their decor inside the brackets); null for the root section.</summary>
    public TomlKey[]? Header { get; }

    public bool IsArray { get; }

    private NewlineKind _headerNewline;

    public ReadOnlyMemory<char> HeaderNewline
    {
        get => Newlines.Text(_headerNewline);
        set => _headerNewline = Newlines.Kind(value.Span);
    }

    public List<KeyValueSyntax> Items { get; } = new();

    public void WriteTo(TomlTextBuilder sb)
    {
        if (Header is not null)
        {
            sb.Append(Table.PrefixRaw.Span);
            sb.Append(IsArray ? "[[" : "[");
            KeyValueSyntax.WritePath(sb, Header);
            sb.Append(IsArray ? "]]" : "]");
            sb.Append(Table.SuffixRaw.Span);
            sb.Append(Newlines.Text(_headerNewline).Span);
        }
        foreach (var item in Items)
        {
            item.WriteLine(sb);
        }
    }
}
