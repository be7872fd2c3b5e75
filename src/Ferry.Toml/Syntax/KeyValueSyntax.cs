using Ferry.Toml.Formatting;

namespace Ferry.Toml.Syntax;

/// <summary>
/// One <c>key = value</c>: a line of a table section, or one entry of an inline table. It is the line's last key
/// (a <see cref="TomlKey"/>, which is what the table entry holds) plus the dotted parts before it, the value and,
/// for a line, its line ending (none on a last line without one). Being the key rather than holding one saves an
/// object per line, which counts in a lockfile of thousands of lines. The key parts and the value carry their
/// own decor.
/// </summary>
internal sealed class KeyValueSyntax : TomlKey
{
    private NewlineKind _newline;

    /// <summary>A parsed key that ends a line; the parser fills in the rest.</summary>
    public KeyValueSyntax(string name, string source, int start, int length)
        : base(name, source, start, length)
    {
    }

    /// <summary>A new line or entry made by an edit.</summary>
    public KeyValueSyntax(string name, TomlKey[]? dottedPrefix, TomlValue value, NewlineKind newline)
        : base(name)
    {
        DottedPrefix = dottedPrefix;
        Value = value;
        _newline = newline;
    }

    /// <summary>The parts of a dotted key before this one (<c>a</c> and <c>b</c> of <c>a.b.c = 1</c>), or null.</summary>
    public TomlKey[]? DottedPrefix { get; set; }

    public TomlValue Value { get; set; } = null!;

    public KeyPath Path => new(DottedPrefix, this);

    public ReadOnlyMemory<char> Newline
    {
        get => Newlines.Text(_newline);
        set => _newline = Newlines.Kind(value.Span);
    }

    public bool HasNewline => _newline != NewlineKind.None;

    public void WriteLine(TomlTextBuilder sb)
    {
        WritePath(sb, Path);
        sb.Append('=');
        Value.WriteWithDecor(sb);
        sb.Append(Newlines.Text(_newline).Span);
    }

    public static void WritePath(TomlTextBuilder sb, KeyPath path)
    {
        if (path.Prefix is { } prefix)
        {
            foreach (var key in prefix)
            {
                key.WriteTo(sb);
                sb.Append('.');
            }
        }
        path.Leaf.WriteTo(sb);
    }

    public static void WritePath(TomlTextBuilder sb, TomlKey[] path)
    {
        for (int i = 0; i < path.Length; i++)
        {
            if (i > 0)
            {
                sb.Append('.');
            }
            path[i].WriteTo(sb);
        }
    }

    /// <summary>True when this entry's path starts with <paramref name="prefix"/> (compared by name).</summary>
    public bool StartsWith(IReadOnlyList<string> prefix)
    {
        var path = Path;
        if (path.Count <= prefix.Count)
        {
            return false;
        }
        for (int i = 0; i < prefix.Count; i++)
        {
            if (!string.Equals(path[i].Name, prefix[i], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }
}
