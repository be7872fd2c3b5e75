using System.Text;
using Ferry.Toml.Formatting;
using Ferry.Toml.Syntax;

namespace Ferry.Toml;

/// <summary>
/// One key (or one part of a dotted key / table header) as written in the document: its decoded
/// <see cref="Name"/>, its spelling (<see cref="Raw"/>, e.g. <c>"quoted key"</c>), its <see cref="Span"/> and its
/// <see cref="Decor"/>. For the first key of a <c>key = value</c> line the decor prefix holds the comment and
/// blank lines above it plus the indentation; the suffix holds the whitespace before <c>.</c> or <c>=</c>.
/// </summary>
/// <remarks>
/// Keys are made by the parser and by edits only. Internally, the last key of a <c>key = value</c> line also
/// carries that line (see <c>KeyValueSyntax</c>), which saves an object per line.
/// </remarks>
public class TomlKey
{
    // Spelling, span and decor as offsets into the source (see NodeText).
    internal NodeText Node;

    internal ReadOnlyMemory<char> PrefixRaw
    {
        get => Node.Prefix;
        set => Node.Prefix = value;
    }

    internal ReadOnlyMemory<char> SuffixRaw
    {
        get => Node.Suffix;
        set => Node.Suffix = value;
    }

    internal int SpanStart => Node.IsSpanned ? Node.Start : -1;

    internal int SpanLength => Node.Length;

    /// <summary>A new key, written bare when possible and as a basic string otherwise.</summary>
    internal TomlKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Node.SetOwn(TomlFormatter.FormatKey(name));
    }

    /// <summary>A parsed key: <c>source[start..start+length]</c> is its spelling.</summary>
    internal TomlKey(string name, string source, int start, int length)
    {
        Name = name;
        Node.SetSource(source, start, length);
    }


    public string Name { get; }

    /// <summary>The key as written (bare, or with its quotes).</summary>
    public string Raw => Node.Raw.ToString();

    /// <summary>Where the key is in the parsed source; <c>null</c> for keys created by an edit.</summary>
    public TomlSpan? Span => Node.IsSpanned ? new TomlSpan(Node.Start, Node.Length) : null;

    public TomlDecor Decor
    {
        get => new(Node.HasPrefix ? Node.Prefix.ToString() : null, Node.HasSuffix ? Node.Suffix.ToString() : null);
        set
        {
            if (value.Prefix is null)
            {
                Node.ClearPrefix();
            }
            else
            {
                Node.Prefix = value.Prefix.AsMemory();
            }
            if (value.Suffix is null)
            {
                Node.ClearSuffix();
            }
            else
            {
                Node.Suffix = value.Suffix.AsMemory();
            }
        }
    }

    public override string ToString() => Raw;

    internal void SetDecor(ReadOnlyMemory<char> prefix, ReadOnlyMemory<char> suffix)
    {
        Node.Prefix = prefix;
        Node.Suffix = suffix;
    }

    internal void DefaultDecor(string prefix, string suffix)
    {
        if (!Node.HasPrefix)
        {
            Node.Prefix = prefix.AsMemory();
        }
        if (!Node.HasSuffix)
        {
            Node.Suffix = suffix.AsMemory();
        }
    }

    /// <summary>A detached copy (same spelling and decor, no span).</summary>
    internal TomlKey CloneDetached() => new(Name) { Node = Node.CloneDetached() };

    internal void WriteTo(TomlTextBuilder sb)
    {
        if (Node.TryGetSourceWithDecor(out var whole))
        {
            sb.Append(whole);
            return;
        }
        sb.Append(Node.Prefix.Span);
        sb.Append(Node.Raw);
        sb.Append(Node.Suffix.Span);
    }
}
