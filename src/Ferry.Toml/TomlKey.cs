using System.Text;
using Ferry.Toml.Formatting;

namespace Ferry.Toml;

/// <summary>
/// One key (or one part of a dotted key / table header) as written in the document: its decoded
/// <see cref="Name"/>, its spelling (<see cref="Raw"/>, e.g. <c>"quoted key"</c>), its <see cref="Span"/> and its
/// <see cref="Decor"/>. For the first key of a <c>key = value</c> line the decor prefix holds the comment and
/// blank lines above it plus the indentation; the suffix holds the whitespace before <c>.</c> or <c>=</c>.
/// </summary>
public sealed class TomlKey
{
    internal ReadOnlyMemory<char> RawText;
    internal ReadOnlyMemory<char> PrefixRaw;
    internal ReadOnlyMemory<char> SuffixRaw;
    internal bool HasPrefix;
    internal bool HasSuffix;
    internal int SpanStart = -1;
    internal int SpanLength;

    /// <summary>A new key, written bare when possible and as a basic string otherwise.</summary>
    public TomlKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        RawText = TomlFormatter.FormatKey(name).AsMemory();
    }

    internal TomlKey(string name, ReadOnlyMemory<char> raw, int spanStart, int spanLength)
    {
        Name = name;
        RawText = raw;
        SpanStart = spanStart;
        SpanLength = spanLength;
    }

    public string Name { get; }

    /// <summary>The key as written (bare, or with its quotes).</summary>
    public string Raw => RawText.ToString();

    /// <summary>Where the key is in the parsed source; <c>null</c> for keys created by an edit.</summary>
    public TomlSpan? Span => SpanStart < 0 ? null : new TomlSpan(SpanStart, SpanLength);

    public TomlDecor Decor
    {
        get => new(HasPrefix ? PrefixRaw.ToString() : null, HasSuffix ? SuffixRaw.ToString() : null);
        set
        {
            HasPrefix = value.Prefix is not null;
            PrefixRaw = (value.Prefix ?? "").AsMemory();
            HasSuffix = value.Suffix is not null;
            SuffixRaw = (value.Suffix ?? "").AsMemory();
        }
    }

    public override string ToString() => Raw;

    internal void SetDecor(ReadOnlyMemory<char> prefix, ReadOnlyMemory<char> suffix)
    {
        PrefixRaw = prefix;
        SuffixRaw = suffix;
        HasPrefix = true;
        HasSuffix = true;
    }

    internal void DefaultDecor(string prefix, string suffix)
    {
        if (!HasPrefix)
        {
            PrefixRaw = prefix.AsMemory();
            HasPrefix = true;
        }
        if (!HasSuffix)
        {
            SuffixRaw = suffix.AsMemory();
            HasSuffix = true;
        }
    }

    internal void WriteTo(StringBuilder sb)
    {
        sb.Append(PrefixRaw.Span);
        sb.Append(RawText.Span);
        sb.Append(SuffixRaw.Span);
    }

    /// <summary>A copy with the same spelling and no decor (for building headers of new tables).</summary>
    internal TomlKey CloneBare() => new(Name, RawText, -1, 0);
}
