using System.Diagnostics.CodeAnalysis;
using System.Text;
using Ferry.Toml.Syntax;
using Ferry.Toml.Formatting;

namespace Ferry.Toml;

/// <summary>
/// A TOML value in a <see cref="TomlDocument"/>: one of <see cref="TomlString"/>, <see cref="TomlInteger"/>,
/// <see cref="TomlFloat"/>, <see cref="TomlBoolean"/>, <see cref="TomlDateTime"/>, <see cref="TomlArray"/>,
/// <see cref="TomlTable"/> or <see cref="TomlArrayOfTables"/>.
/// Every parsed value knows its <see cref="Span"/> in the source and its <see cref="Decor"/> (the whitespace
/// and comments around it), which is what makes the document lossless.
/// Scalars are immutable; arrays and tables are edited in place through their methods.
/// </summary>
public abstract class TomlValue
{
    // The raw text, span and decor, as offsets into the source (see NodeText).
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

    internal bool HasPrefix => Node.HasPrefix;

    internal bool HasSuffix => Node.HasSuffix;

    internal int SpanStart => Node.IsSpanned ? Node.Start : -1;

    internal int SpanLength => Node.Length;

    /// <summary>Set once the value is placed in a document, table or array; a value can only live in one place.</summary>
    internal bool Attached
    {
        get => Node.Attached;
        set => Node.Attached = value;
    }

    private protected TomlValue()
    {
    }

    public abstract TomlValueKind Kind { get; }

    /// <summary>Where the value is in the parsed source; <c>null</c> for values created or re-created by an edit.</summary>
    public TomlSpan? Span => Node.IsSpanned ? new TomlSpan(Node.Start, Node.Length) : null;

    /// <summary>Whitespace and comments before and after the value (see <see cref="TomlDecor"/>).</summary>
    public TomlDecor Decor
    {
        get => new(HasPrefix ? PrefixRaw.ToString() : null, HasSuffix ? SuffixRaw.ToString() : null);
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

    /// <summary>The TOML type name used in messages: string, integer, float, boolean, datetime, array, table.</summary>
    public string TypeName => Kind switch
    {
        TomlValueKind.String => "string",
        TomlValueKind.Integer => "integer",
        TomlValueKind.Float => "float",
        TomlValueKind.Boolean => "boolean",
        TomlValueKind.DateTime => "datetime",
        TomlValueKind.Array => "array",
        TomlValueKind.ArrayOfTables => "array",
        _ => "table",
    };

    /// <summary>The value as written in TOML, without its decor (for scalars: exactly the source text).</summary>
    public string ToTomlString()
    {
        var sb = new TomlTextBuilder(64);
        WriteTo(sb);
        return sb.ToString();
    }

    public override string ToString() => ToTomlString();

    public bool TryGetString([NotNullWhen(true)] out string? value)
    {
        value = (this as TomlString)?.Value;
        return value is not null;
    }

    public bool TryGetInteger(out long value)
    {
        if (this is TomlInteger i)
        {
            value = i.Value;
            return true;
        }
        value = 0;
        return false;
    }

    public bool TryGetBoolean(out bool value)
    {
        if (this is TomlBoolean b)
        {
            value = b.Value;
            return true;
        }
        value = false;
        return false;
    }

    /// <summary>Writes the value's TOML text (no decor).</summary>
    /// <summary>
    /// A deep copy, not placed anywhere (so it can be set into this or another document), with the same spelling
    /// and decor and no <see cref="Span"/>. Arrays of tables and <c>[header]</c> tables cannot be cloned.
    /// </summary>
    public abstract TomlValue Clone();

    internal abstract void WriteTo(TomlTextBuilder sb);

    internal void WriteWithDecor(TomlTextBuilder sb)
    {
        if (IsScalar && Node.TryGetSourceWithDecor(out var whole))
        {
            // Untouched parsed scalar: its decor and spelling are one contiguous slice of the source.
            sb.Append(whole);
            return;
        }
        sb.Append(PrefixRaw.Span);
        WriteTo(sb);
        sb.Append(SuffixRaw.Span);
    }

    private bool IsScalar => Kind is not (TomlValueKind.Array or TomlValueKind.Table or TomlValueKind.ArrayOfTables);

    internal void SetSource(string text, int start, int length) => Node.SetSource(text, start, length);

    internal void SetDecor(ReadOnlyMemory<char> prefix, ReadOnlyMemory<char> suffix)
    {
        Node.Prefix = prefix;
        Node.Suffix = suffix;
    }

    /// <summary>Gives unset decor a default (used when an edit places a value).</summary>
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

    internal void MarkAttached()
    {
        if (Attached)
        {
            throw new InvalidOperationException("This TOML value is already part of a document; create a new value instead.");
        }
        Attached = true;
    }
}
