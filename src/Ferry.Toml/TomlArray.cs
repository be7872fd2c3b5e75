using System.Collections;
using System.Text;
using Ferry.Toml.Formatting;

namespace Ferry.Toml;

/// <summary>
/// A TOML array value <c>[ ... ]</c>. Each element keeps its decor (whitespace, newlines and comments before
/// and after it, up to its comma), plus the array's <see cref="Trailing"/> text and trailing comma, so multi-line
/// arrays with comments survive edits.
/// </summary>
public sealed class TomlArray : TomlValue, IReadOnlyList<TomlValue>
{
    // An array plus a count rather than a List<T>: one object fewer per array, and the parser hands over an
    // array of exactly the right size.
    private TomlValue[] _items;
    private int _count;

    public TomlArray()
    {
        _items = [];
    }

    public TomlArray(IEnumerable<TomlValue> values)
        : this()
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            Add(value);
        }
    }

    internal TomlArray(TomlValue[] items, ReadOnlyMemory<char> trailing, bool trailingComma)
    {
        _items = items;
        _count = items.Length;
        TrailingRaw = trailing;
        HasTrailingComma = trailingComma;
    }

    internal ReadOnlyMemory<char> TrailingRaw;

    public override TomlValueKind Kind => TomlValueKind.Array;

    public int Count => _count;

    /// <summary>Gets an element, or replaces it keeping the old element's decor.</summary>
    public TomlValue this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
            return _items[index];
        }
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
            var old = _items[index];
            value.MarkAttached();
            if (!value.HasPrefix)
            {
                value.PrefixRaw = old.PrefixRaw;
            }
            if (!value.HasSuffix)
            {
                value.SuffixRaw = old.SuffixRaw;
            }
            old.Attached = false;
            _items[index] = value;
        }
    }

    /// <summary>Whitespace, newlines and comments after the last element (after its comma, if any) before <c>]</c>.</summary>
    public string Trailing
    {
        get => TrailingRaw.ToString();
        set => TrailingRaw = (value ?? "").AsMemory();
    }

    public bool HasTrailingComma { get; set; }

    public IEnumerator<TomlValue> GetEnumerator()
    {
        for (int i = 0; i < _count; i++)
        {
            yield return _items[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Add(string value) => Add(new TomlString(value));

    public void Add(long value) => Add(new TomlInteger(value));

    public void Add(bool value) => Add(new TomlBoolean(value));

    /// <summary>
    /// Appends an element laid out like its neighbours: <c>[1, 2]</c> becomes <c>[1, 2, 3]</c>; in a
    /// one-element-per-line array the new element gets its own line, and a comment that followed the old last
    /// element stays with it.
    /// </summary>
    public void Add(TomlValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        value.MarkAttached();
        if (_count == 0)
        {
            value.DefaultDecor("", "");
            Append(value);
            return;
        }
        var last = _items[_count - 1];
        string lineStart = LineStart(last.PrefixRaw.Span);
        if (HasTrailingComma)
        {
            // `[\n  1,\n  2, # two\n]`: the new element goes after the comma, on its own line.
            var (comment, rest) = SplitAtLastNewline(TrailingRaw.Span);
            if (lineStart.Length > 0 && rest is not null)
            {
                value.DefaultDecor(comment + lineStart, "");
                TrailingRaw = rest.AsMemory();
            }
            else
            {
                value.DefaultDecor(" ", "");
            }
        }
        else
        {
            var (comment, rest) = SplitAtLastNewline(last.SuffixRaw.Span);
            if (lineStart.Length > 0 && rest is not null)
            {
                value.DefaultDecor(comment + lineStart, rest);
            }
            else
            {
                value.DefaultDecor(" ", last.SuffixRaw.ToString());
            }
            last.SuffixRaw = ReadOnlyMemory<char>.Empty;
        }
        Append(value);
    }

    private void Append(TomlValue value) => InsertAt(_count, value);

    private void InsertAt(int index, TomlValue value)
    {
        if (_count == _items.Length)
        {
            System.Array.Resize(ref _items, Math.Max(4, _count * 2));
        }
        System.Array.Copy(_items, index, _items, index + 1, _count - index);
        _items[index] = value;
        _count++;
    }

    /// <summary>Inserts an element before the one at <paramref name="index"/>, copying its layout.</summary>
    public void Insert(int index, TomlValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, _count);
        if (index == _count)
        {
            Add(value);
            return;
        }
        value.MarkAttached();
        var next = _items[index];
        value.DefaultDecor(next.PrefixRaw.ToString(), "");
        if (index == 0 && !next.PrefixRaw.Span.Contains('\n'))
        {
            next.PrefixRaw = " ".AsMemory();
        }
        InsertAt(index, value);
    }

    /// <summary>
    /// toml_edit's <c>Array::push</c>: appends an element with no decor of its own, so it is written with
    /// toml_edit's defaults for wherever it ends up (nothing before the first element, one space before the
    /// others, nothing after). Neighbours, the trailing comma and <see cref="Trailing"/> are untouched:
    /// <c>[\n  "a",\n]</c> becomes <c>[\n  "a", "b",\n]</c>, exactly as <c>cargo new</c> leaves it.
    /// </summary>
    public void Push(TomlValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        value.MarkAttached();
        value.Decor = default;
        Append(value);
    }

    /// <summary>toml_edit's <c>Array::sort_by</c>: a stable sort; every element keeps its own decor.</summary>
    public void Sort(Comparison<TomlValue> comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var order = new (TomlValue Value, int Index)[_count];
        for (int i = 0; i < _count; i++)
        {
            order[i] = (_items[i], i);
        }
        System.Array.Sort(order, (a, b) =>
        {
            int c = comparison(a.Value, b.Value);
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        });
        for (int i = 0; i < _count; i++)
        {
            _items[i] = order[i].Value;
        }
    }

    /// <summary>Removes an element with its decor and comma (toml_edit's behaviour; neighbours are untouched).</summary>
    public void RemoveAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        _items[index].Attached = false;
        _count--;
        System.Array.Copy(_items, index + 1, _items, index, _count - index);
        _items[_count] = null!;
    }

    public void Clear()
    {
        for (int i = 0; i < _count; i++)
        {
            _items[i].Attached = false;
        }
        _items = [];
        _count = 0;
        TrailingRaw = ReadOnlyMemory<char>.Empty;
        HasTrailingComma = false;
    }

    /// <summary>Resets the layout to <c>[a, b, c]</c> (toml_edit's <c>fmt</c>), recursively.</summary>
    public void Format()
    {
        for (int i = 0; i < _count; i++)
        {
            _items[i].SetDecor((i == 0 ? "" : " ").AsMemory(), ReadOnlyMemory<char>.Empty);
            TomlTable.FormatNested(_items[i]);
        }
        TrailingRaw = ReadOnlyMemory<char>.Empty;
        HasTrailingComma = false;
    }

    public override TomlArray Clone()
    {
        var items = new TomlValue[_count];
        for (int i = 0; i < _count; i++)
        {
            items[i] = _items[i].Clone();
            items[i].Attached = true;
        }
        return new TomlArray(items, TrailingRaw, HasTrailingComma) { Node = Node.CloneDetached() };
    }

    internal override void WriteTo(TomlTextBuilder sb)
    {
        sb.Append('[');
        var items = _items;
        for (int i = 0; i < _count; i++)
        {
            if (i > 0 && !items[i].HasPrefix)
            {
                // No decor of its own (see Push): toml_edit's default, a space after the comma.
                sb.Append(' ');
            }
            items[i].WriteWithDecor(sb);
            if (i < _count - 1 || HasTrailingComma)
            {
                sb.Append(',');
            }
        }
        sb.Append(TrailingRaw.Span);
        sb.Append(']');
    }

    /// <summary>The newline and indentation that start an element's line, if its decor puts it on its own line.</summary>
    private static string LineStart(ReadOnlySpan<char> prefix)
    {
        int nl = prefix.LastIndexOf('\n');
        if (nl < 0)
        {
            return "";
        }
        var tail = prefix[nl..];
        int end = 1;
        while (end < tail.Length && (tail[end] == ' ' || tail[end] == '\t'))
        {
            end++;
        }
        bool crlf = nl > 0 && prefix[nl - 1] == '\r';
        return (crlf ? "\r" : "") + tail[..end].ToString();
    }

    /// <summary>Splits decor at its last line break: what is on the element's line, and the rest (null if none).</summary>
    private static (string Before, string? After) SplitAtLastNewline(ReadOnlySpan<char> decor)
    {
        int nl = decor.LastIndexOf('\n');
        if (nl < 0)
        {
            return (decor.ToString(), null);
        }
        int cut = nl > 0 && decor[nl - 1] == '\r' ? nl - 1 : nl;
        return (decor[..cut].ToString(), decor[cut..].ToString());
    }
}
