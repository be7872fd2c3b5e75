using System.Text;
using Ferry.Toml.Formatting;

namespace Ferry.Toml.Syntax;

/// <summary>
/// One <c>key = value</c>: a line of a table section, or one entry of an inline table. The key parts and the
/// value carry their own decor; a line also owns its line ending (none on a last line without one).
/// </summary>
internal sealed class KeyValueSyntax
{
    private NewlineKind _newline;

    public KeyValueSyntax(KeyPath path, TomlValue value, NewlineKind newline)
    {
        Path = path;
        Value = value;
        _newline = newline;
    }

    public KeyPath Path { get; }

    public TomlValue Value { get; set; }

    public ReadOnlyMemory<char> Newline
    {
        get => Newlines.Text(_newline);
        set => _newline = Newlines.Kind(value.Span);
    }

    public bool HasNewline => _newline != NewlineKind.None;

    public void WriteTo(TomlTextBuilder sb)
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
        if (Path.Count <= prefix.Count)
        {
            return false;
        }
        for (int i = 0; i < prefix.Count; i++)
        {
            if (!string.Equals(Path[i].Name, prefix[i], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }
}
