using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Ferry.Toml.Syntax;
using Ferry.Toml.Formatting;

namespace Ferry.Toml;

/// <summary>
/// A TOML table: the document root, a <c>[header]</c> table, an element of an array of tables, an inline
/// table <c>{ ... }</c>, or a table that only exists because of a longer header or a dotted key
/// (see <see cref="TableKind"/>). Keys keep their insertion order.
/// </summary>
/// <remarks>
/// Reading: <see cref="TryGetValue"/>, the typed <c>TryGet...</c> helpers, the indexer, <see cref="Entries"/>
/// (keys with spans). Editing: <see cref="Set(string, TomlValue)"/>, <see cref="Insert"/>, <see cref="Remove"/>,
/// <see cref="AddTable"/>, <see cref="AppendArrayElement"/>. Edits touch only the lines they concern; every other
/// byte of the document stays as it was.
/// <para>
/// A table does not hold its own text: a header table's lines live in the <see cref="Section"/> that the
/// document prints, an inline table's entries in <see cref="InlineItems"/>. The entry list here is the
/// semantic view (what the key maps to), built by the parser with toml-rs's rules for implicit and dotted
/// tables (<see cref="IsImplicitFlag"/>, <see cref="IsDottedFlag"/>, <see cref="IsInlineFlag"/>).
/// </para>
/// </remarks>
public sealed class TomlTable : TomlValue, IEnumerable<KeyValuePair<string, TomlValue>>
{
    private const int IndexThreshold = 8;

    private TableEntry[] _entries = [];
    private int _count;

    // Most tables (a Cargo.lock [[package]], a dependency) have a handful of keys: a linear scan beats hashing.
    private Dictionary<string, int>? _index;

    internal bool IsImplicitFlag;
    internal bool IsDottedFlag;
    internal bool IsInlineFlag;
    internal TomlTable? ParentTable;
    internal string? NameInParent;
    internal Section? Section;
    internal TomlDocument? Document;

    /// <summary>For a table made by dotted keys: the table whose lines (or inline entries) spell those keys.</summary>
    internal TomlTable? SyntaxOwner;

    // Only inline tables have entries of their own; a side object keeps the other tables smaller.
    private readonly InlineTableSyntax? _inline;

    internal List<KeyValueSyntax>? InlineItems => _inline?.Items;

    internal ReadOnlyMemory<char> InlineTrailing
    {
        get => _inline?.Trailing ?? ReadOnlyMemory<char>.Empty;
        set => _inline!.Trailing = value;
    }

    internal bool InlineTrailingComma
    {
        get => _inline?.TrailingComma ?? false;
        set => _inline!.TrailingComma = value;
    }

    /// <summary>A new, empty inline table (<c>{}</c>), to be placed with <see cref="Set(string, TomlValue)"/>.</summary>
    public TomlTable()
    {
        IsInlineFlag = true;
        _inline = new InlineTableSyntax();
    }

    private TomlTable(bool implicitFlag, bool dotted, bool inline)
    {
        IsImplicitFlag = implicitFlag;
        IsDottedFlag = dotted;
        IsInlineFlag = inline;
    }

    internal static TomlTable NewSectionTable(TomlDocument document)
        => new(false, false, false) { Document = document };

    internal static TomlTable NewImplicit(bool dotted, bool inline, TomlDocument? document)
        => new(true, dotted, inline) { Document = document };

    internal static TomlTable NewInline() => new();

    public override TomlValueKind Kind => TomlValueKind.Table;

    public TomlTableKind TableKind
    {
        get
        {
            if (Section is not null)
            {
                return Section.Header is null ? TomlTableKind.Root
                    : Section.IsArray ? TomlTableKind.ArrayElement
                    : TomlTableKind.Header;
            }
            if (InlineItems is not null)
            {
                return TomlTableKind.Inline;
            }
            return IsDottedFlag ? TomlTableKind.Dotted : TomlTableKind.Implicit;
        }
    }

    public int Count => _count;

    public IEnumerable<string> Keys
    {
        get
        {
            for (int i = 0; i < _count; i++)
            {
                yield return _entries[i].Key.Name;
            }
        }
    }

    /// <summary>Each key (with its span and decor) and its value, in order.</summary>
    public IEnumerable<TomlTableEntry> Entries
    {
        get
        {
            for (int i = 0; i < _count; i++)
            {
                yield return new TomlTableEntry(_entries[i].Key, _entries[i].Value);
            }
        }
    }

    /// <summary>The table's header key parts, for header and array-element tables.</summary>
    public IReadOnlyList<TomlKey>? HeaderKeys => Section?.Header;

    /// <summary>The keys from the document root to this table (for an array element: the array's key).</summary>
    public IReadOnlyList<string> Path
    {
        get
        {
            var names = new List<string>();
            for (var t = this; t.ParentTable is not null; t = t.ParentTable)
            {
                names.Add(t.NameInParent!);
            }
            names.Reverse();
            return names;
        }
    }

    public TomlValue this[string key] => Get(key) ?? throw new KeyNotFoundException($"The TOML table has no key `{key}`.");

    public TomlValue? Get(string key)
    {
        int i = IndexOf(key);
        return i < 0 ? null : _entries[i].Value;
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [NotNullWhen(true)] out TomlValue? value)
    {
        int i = IndexOf(key);
        value = i < 0 ? null : _entries[i].Value;
        return value is not null;
    }

    /// <summary>The key node (span, spelling, decor) for <paramref name="key"/>, or null.</summary>
    public TomlKey? GetKey(string key)
    {
        int i = IndexOf(key);
        return i < 0 ? null : _entries[i].Key;
    }

    public bool TryGetString(string key, [NotNullWhen(true)] out string? value)
    {
        value = (Get(key) as TomlString)?.Value;
        return value is not null;
    }

    public bool TryGetInteger(string key, out long value)
    {
        if (Get(key) is TomlInteger i)
        {
            value = i.Value;
            return true;
        }
        value = 0;
        return false;
    }

    public bool TryGetFloat(string key, out double value)
    {
        if (Get(key) is TomlFloat f)
        {
            value = f.Value;
            return true;
        }
        value = 0;
        return false;
    }

    public bool TryGetBoolean(string key, out bool value)
    {
        if (Get(key) is TomlBoolean b)
        {
            value = b.Value;
            return true;
        }
        value = false;
        return false;
    }

    public bool TryGetDateTime(string key, [NotNullWhen(true)] out TomlDateTime? value)
    {
        value = Get(key) as TomlDateTime;
        return value is not null;
    }

    public bool TryGetTable(string key, [NotNullWhen(true)] out TomlTable? value)
    {
        value = Get(key) as TomlTable;
        return value is not null;
    }

    public bool TryGetArray(string key, [NotNullWhen(true)] out TomlArray? value)
    {
        value = Get(key) as TomlArray;
        return value is not null;
    }

    public bool TryGetArrayOfTables(string key, [NotNullWhen(true)] out TomlArrayOfTables? value)
    {
        value = Get(key) as TomlArrayOfTables;
        return value is not null;
    }

    public IEnumerator<KeyValuePair<string, TomlValue>> GetEnumerator()
    {
        for (int i = 0; i < _count; i++)
        {
            yield return new KeyValuePair<string, TomlValue>(_entries[i].Key.Name, _entries[i].Value);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // ---------------------------------------------------------------- editing

    /// <summary>Collection-initializer support for new inline tables: <c>new TomlTable { { "a", v } }</c>.</summary>
    public void Add(string key, TomlValue value)
    {
        if (ContainsKey(key))
        {
            throw new ArgumentException($"The TOML table already has a key `{key}`.", nameof(key));
        }
        Set(key, value);
    }

    public void Set(string key, string value) => Set(key, new TomlString(value));

    public void Set(string key, long value) => Set(key, new TomlInteger(value));

    public void Set(string key, bool value) => Set(key, new TomlBoolean(value));

    public void Set(string key, double value) => Set(key, new TomlFloat(value));

    /// <summary>
    /// Replaces the value of <paramref name="key"/>, keeping the key, the whitespace around the value and a
    /// trailing comment; or, when the key is new, adds a <c>key = value</c> line after the table's last key
    /// (an entry <c>key = value</c> for inline tables). A header table or array of tables under that key is
    /// removed and replaced by the line.
    /// </summary>
    public void Set(string key, TomlValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (value is TomlArrayOfTables)
        {
            throw new ArgumentException("Use AppendArrayElement to create arrays of tables.", nameof(value));
        }
        if (value is TomlTable { InlineItems: null })
        {
            throw new ArgumentException("Only inline tables can be set as values; use AddTable for [header] tables.", nameof(value));
        }
        int i = IndexOf(key);
        if (i >= 0 && _entries[i].Syntax is { } syntax)
        {
            value.MarkAttached();
            var old = _entries[i].Value;
            if (!value.HasPrefix)
            {
                value.PrefixRaw = old.PrefixRaw;
            }
            if (!value.HasSuffix)
            {
                value.SuffixRaw = old.SuffixRaw;
            }
            old.Attached = false;
            syntax.Value = value;
            _entries[i].Value = value;
            Adopt(value, key);
            return;
        }
        if (i >= 0)
        {
            Remove(key);
            InsertNew(i, key, value);
            return;
        }
        InsertNew(_count, key, value);
    }

    /// <summary>
    /// Adds a new key at position <paramref name="index"/> among this table's keys: the new line goes just before
    /// the line of the key currently at that position (so a comment above that key stays with it).
    /// </summary>
    public void Insert(int index, string key, TomlValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, _count);
        if (ContainsKey(key))
        {
            throw new ArgumentException($"The TOML table already has a key `{key}`.", nameof(key));
        }
        if (value is TomlArrayOfTables || value is TomlTable { InlineItems: null })
        {
            throw new ArgumentException("Only values and inline tables can be inserted.", nameof(value));
        }
        InsertNew(index, key, value);
    }

    /// <summary>
    /// Removes a key with everything that spells it: its line(s) including the comment lines just above it and
    /// its trailing comment, or its <c>[header]</c> sections and their sub-tables. Neighbouring lines are untouched.
    /// </summary>
    public bool Remove(string key)
    {
        int i = IndexOf(key);
        if (i < 0)
        {
            return false;
        }
        var entry = _entries[i];
        if (entry.Syntax is { } syntax)
        {
            RemoveSyntax(syntax);
        }
        else if (entry.Value is TomlTable table)
        {
            RemoveTableSyntax(table);
        }
        else if (entry.Value is TomlArrayOfTables array)
        {
            foreach (var element in array)
            {
                RemoveTableSyntax(element);
            }
        }
        RemoveEntryAt(i);
        entry.Value.Attached = false;
        return true;
    }

    /// <summary>
    /// Returns the table under <paramref name="key"/>, creating it if needed: a new <c>[this.key]</c> header
    /// placed after the last table under this one (like toml_edit), or, in an inline table, a nested <c>{}</c>.
    /// With <paramref name="implicitHeader"/> the new table gets no header line of its own while it has no keys
    /// (toml_edit's implicit tables), so <c>AddTable("target", true).AddTable("cfg(unix)", true).AddTable("dependencies")</c>
    /// writes only <c>[target."cfg(unix)".dependencies]</c>.
    /// </summary>
    public TomlTable AddTable(string key, bool implicitHeader = false)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Get(key) is { } existing)
        {
            return existing as TomlTable
                ?? throw new InvalidOperationException($"`{key}` is a {existing.TypeName}, not a table.");
        }
        if (InlineItems is not null)
        {
            var inline = new TomlTable();
            Set(key, inline);
            return inline;
        }
        var document = RequireDocument();
        if (implicitHeader)
        {
            var implicitTable = NewImplicit(dotted: false, inline: false, document);
            AddEntry(new TomlKey(key), implicitTable);
            return implicitTable;
        }
        var table = NewSectionTable(document);
        var section = new Section(table, HeaderFor(key), isArray: false);
        table.Section = section;
        int position = SectionInsertionPoint(this);
        document.InsertSection(position, section);
        AddEntry(new TomlKey(key), table);
        return table;
    }

    /// <summary>Appends a new <c>[[this.key]]</c> element to the array of tables under <paramref name="key"/> (creating it).</summary>
    public TomlTable AppendArrayElement(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (InlineItems is not null)
        {
            throw new InvalidOperationException("An inline table cannot hold [[array]] tables.");
        }
        var document = RequireDocument();
        TomlArrayOfTables array;
        int position;
        if (Get(key) is { } existing)
        {
            array = existing as TomlArrayOfTables
                ?? throw new InvalidOperationException($"`{key}` is a {existing.TypeName}, not an array of tables.");
            position = array.Count == 0 ? SectionInsertionPoint(this) : SectionInsertionPoint(array[^1]);
        }
        else
        {
            array = new TomlArrayOfTables();
            position = SectionInsertionPoint(this);
            AddEntry(new TomlKey(key), array);
        }
        var table = NewSectionTable(document);
        var section = new Section(table, HeaderFor(key), isArray: true);
        table.Section = section;
        table.ParentTable = this;
        table.NameInParent = key;
        document.InsertSection(position, section);
        array.AddTable(table);
        return table;
    }

    /// <summary>For an inline table: the whitespace (and TOML 1.1 comments) before the closing brace.</summary>
    public string Trailing
    {
        get => InlineTrailing.ToString();
        set
        {
            if (_inline is null)
            {
                throw new InvalidOperationException("Only an inline table has trailing text before its closing brace.");
            }
            _inline.Trailing = (value ?? "").AsMemory();
        }
    }

    /// <summary>
    /// For an inline table: resets the layout to <c>{ a = 1, b = 2 }</c> (toml_edit's <c>fmt</c>), recursively
    /// for nested inline tables and arrays.
    /// </summary>
    public void Format()
    {
        if (InlineItems is null)
        {
            return;
        }
        for (int i = 0; i < InlineItems.Count; i++)
        {
            var item = InlineItems[i];
            for (int k = 0; k < item.Path.Count; k++)
            {
                item.Path[k].SetDecor((k == 0 ? " " : "").AsMemory(), (k == item.Path.Count - 1 ? " " : "").AsMemory());
            }
            item.Value.SetDecor(" ".AsMemory(), (i == InlineItems.Count - 1 ? " " : "").AsMemory());
            FormatNested(item.Value);
        }
        InlineTrailing = ReadOnlyMemory<char>.Empty;
        InlineTrailingComma = false;
    }

    internal static void FormatNested(TomlValue value)
    {
        if (value is TomlTable t)
        {
            t.Format();
        }
        else if (value is TomlArray a)
        {
            a.Format();
        }
    }

    // ---------------------------------------------------------------- internals used by the parser and edits

    internal int IndexOf(string name)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(name, out int i) ? i : -1;
        }
        var entries = _entries;
        for (int i = 0; i < _count; i++)
        {
            if (string.Equals(entries[i].Key.Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    internal ref TableEntry EntryAt(int i) => ref _entries[i];

    internal void AddEntry(TomlKey key, TomlValue value) => InsertEntry(_count, key, value);

    internal void InsertEntry(int index, TomlKey key, TomlValue value)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _count == 0 ? 4 : _count * 2);
        }
        if (index < _count)
        {
            Array.Copy(_entries, index, _entries, index + 1, _count - index);
        }
        _entries[index] = new TableEntry(key, value);
        _count++;
        if (index < _count - 1)
        {
            _index = null;
        }
        if (_index is not null)
        {
            _index[key.Name] = index;
        }
        else if (_count > IndexThreshold)
        {
            RebuildIndex();
        }
        value.Attached = true;
        Adopt(value, key.Name);
    }

    internal void RemoveEntryAt(int index)
    {
        _count--;
        if (index < _count)
        {
            Array.Copy(_entries, index + 1, _entries, index, _count - index);
        }
        _entries[_count] = default;
        _index = null;
        if (_count > IndexThreshold)
        {
            RebuildIndex();
        }
    }

    private void RebuildIndex()
    {
        var index = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
        for (int i = 0; i < _count; i++)
        {
            index[_entries[i].Key.Name] = i;
        }
        _index = index;
    }

    private void Adopt(TomlValue value, string name)
    {
        if (value is TomlTable t)
        {
            t.ParentTable = this;
            t.NameInParent = name;
            t.Document ??= Document;
        }
        else if (value is TomlArrayOfTables a)
        {
            foreach (var element in a)
            {
                element.ParentTable = this;
                element.NameInParent = name;
            }
        }
    }

    /// <summary>A deep copy of an inline table (see <see cref="TomlValue.Clone"/>).</summary>
    public override TomlTable Clone()
    {
        if (_inline is null)
        {
            throw new InvalidOperationException("Only inline tables can be cloned; copy a [header] table's values instead.");
        }
        var copy = new TomlTable { Node = Node.CloneDetached() };
        copy._inline!.Trailing = _inline.Trailing;
        copy._inline.TrailingComma = _inline.TrailingComma;
        foreach (var item in _inline.Items)
        {
            TomlKey[]? prefix = null;
            if (item.DottedPrefix is { } dotted)
            {
                prefix = new TomlKey[dotted.Length];
                for (int k = 0; k < dotted.Length; k++)
                {
                    prefix[k] = dotted[k].CloneDetached();
                }
            }
            var value = item.Value.Clone();
            var line = new KeyValueSyntax(item.Name, prefix, value, NewlineKind.None) { Node = item.Node.CloneDetached() };
            copy._inline.Items.Add(line);
            // Rebuild the entries the way the parser did: dotted parts become inline sub-tables.
            var target = copy;
            for (int k = 0; prefix is not null && k < prefix.Length; k++)
            {
                if (target.Get(prefix[k].Name) is TomlTable existing)
                {
                    target = existing;
                    continue;
                }
                var child = NewImplicit(dotted: true, inline: true, null);
                child.SyntaxOwner = copy;
                target.AddEntry(prefix[k], child);
                target = child;
            }
            target.AddEntry(line, value);
        }
        return copy;
    }

    internal override void WriteTo(TomlTextBuilder sb)
    {
        if (InlineItems is not null)
        {
            sb.Append('{');
            for (int i = 0; i < InlineItems.Count; i++)
            {
                var item = InlineItems[i];
                KeyValueSyntax.WritePath(sb, item.Path);
                sb.Append('=');
                item.Value.WriteWithDecor(sb);
                if (i < InlineItems.Count - 1 || InlineTrailingComma)
                {
                    sb.Append(',');
                }
            }
            sb.Append(InlineTrailing.Span);
            sb.Append('}');
            return;
        }
        // A section table on its own: its header and lines, then its sub-tables.
        if (Document is not null)
        {
            foreach (var section in Document.Sections)
            {
                if (section.Table == this || IsAncestorOf(section.Table))
                {
                    section.WriteTo(sb);
                }
            }
        }
    }

    internal bool IsAncestorOf(TomlTable table)
    {
        for (var t = table.ParentTable; t is not null; t = t.ParentTable)
        {
            if (t == this)
            {
                return true;
            }
        }
        return false;
    }

    private TomlDocument RequireDocument()
        => Document ?? throw new InvalidOperationException("This table is not part of a document.");

    private TomlKey[] HeaderFor(string key)
    {
        var names = new List<string>(Path) { key };
        var keys = new TomlKey[names.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = new TomlKey(names[i]);
            keys[i].SetDecor(ReadOnlyMemory<char>.Empty, ReadOnlyMemory<char>.Empty);
        }
        return keys;
    }

    /// <summary>Where a new section under <paramref name="parent"/> goes: after the last section of it or of its sub-tables.</summary>
    private static int SectionInsertionPoint(TomlTable parent)
    {
        var sections = parent.RequireDocument().Sections;
        int last = -1;
        for (int i = 0; i < sections.Count; i++)
        {
            var table = sections[i].Table;
            if (table == parent || parent.IsAncestorOf(table))
            {
                last = i;
            }
        }
        if (last < 0 && (parent.SyntaxOwner ?? parent.ParentTable) is { } outer)
        {
            return SectionInsertionPoint(outer);
        }
        return last < 0 ? sections.Count : last + 1;
    }

    private void InsertNew(int index, string name, TomlValue value)
    {
        value.MarkAttached();
        if (InlineItems is not null)
        {
            var item = new KeyValueSyntax(name, null, value, NewlineKind.None);
            int position = index < _count ? FirstItemOf(InlineItems, _entries[index].Key.Name, []) : InlineItems.Count;
            InsertInlineItem(position < 0 ? InlineItems.Count : position, item);
            InsertEntry(index, item, value);
            return;
        }
        if (Section is null && IsDottedFlag && SyntaxOwner is { } owner)
        {
            InsertDotted(owner, index, name, value);
            return;
        }
        if (Section is null)
        {
            MakeHeader();
        }
        var section = Section!;
        var document = RequireDocument();
        var statement = new KeyValueSyntax(name, null, value, Newlines.Kind(document.NewLine));
        int at = section.Items.Count;
        if (index < _count && _entries[index].Syntax is { } before)
        {
            int found = section.Items.IndexOf(before);
            if (found >= 0)
            {
                at = found;
            }
        }
        string indent = at > 0 ? Indentation(section.Items[at - 1].Path.First.PrefixRaw.Span)
            : at < section.Items.Count ? Indentation(section.Items[at].Path.First.PrefixRaw.Span) : "";
        statement.DefaultDecor(indent, " ");
        value.DefaultDecor(" ", "");
        document.EnsureLineEndBefore(section, at);
        section.Items.Insert(at, statement);
        InsertEntry(index, statement, value);
    }

    /// <summary>A key added to a table made by dotted keys is spelled as another dotted key next to its siblings.</summary>
    private void InsertDotted(TomlTable owner, int index, string name, TomlValue value)
    {
        var prefix = new List<string>();
        for (var t = this; t != owner && t is not null; t = t.ParentTable)
        {
            prefix.Add(t.NameInParent!);
        }
        prefix.Reverse();
        var prefixKeys = new TomlKey[prefix.Count];
        for (int i = 0; i < prefix.Count; i++)
        {
            prefixKeys[i] = new TomlKey(prefix[i]);
            prefixKeys[i].SetDecor(ReadOnlyMemory<char>.Empty, ReadOnlyMemory<char>.Empty);
        }
        List<KeyValueSyntax> items = owner.InlineItems ?? owner.Section?.Items ?? throw new InvalidOperationException("This table cannot be edited.");
        int last = -1;
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i].StartsWith(prefix))
            {
                last = i;
            }
        }
        int at = last < 0 ? items.Count : last + 1;
        if (owner.InlineItems is not null)
        {
            var item = new KeyValueSyntax(name, prefixKeys, value, NewlineKind.None);
            prefixKeys[0].DefaultDecor(" ", "");
            item.DefaultDecor("", " ");
            owner.InsertInlineItem(at, item);
            InsertEntry(index, item, value);
            return;
        }
        var document = RequireDocument();
        string indent = at > 0 ? Indentation(items[at - 1].Path.First.PrefixRaw.Span) : "";
        prefixKeys[0].SetDecor(indent.AsMemory(), ReadOnlyMemory<char>.Empty);
        var statement = new KeyValueSyntax(name, prefixKeys, value, Newlines.Kind(document.NewLine));
        statement.DefaultDecor("", " ");
        value.DefaultDecor(" ", "");
        document.EnsureLineEndBefore(owner.Section!, at);
        items.Insert(at, statement);
        InsertEntry(index, statement, value);
    }

    /// <summary>Gives a table that only existed implicitly its own <c>[header]</c>, before its first sub-table.</summary>
    private void MakeHeader()
    {
        var document = RequireDocument();
        if (ParentTable is null)
        {
            throw new InvalidOperationException("This table cannot be edited.");
        }
        var names = Path;
        var keys = new TomlKey[names.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = new TomlKey(names[i]);
            keys[i].SetDecor(ReadOnlyMemory<char>.Empty, ReadOnlyMemory<char>.Empty);
        }
        var section = new Section(this, keys, isArray: false);
        int position = document.Sections.Count;
        for (int i = 0; i < document.Sections.Count; i++)
        {
            if (IsAncestorOf(document.Sections[i].Table))
            {
                position = i;
                break;
            }
        }
        Section = section;
        IsImplicitFlag = false;
        IsDottedFlag = false;
        document.InsertSection(position, section);
    }

    private void InsertInlineItem(int position, KeyValueSyntax item)
    {
        var items = InlineItems!;
        var first = item.Path.First;
        var value = item.Value;
        item.Path.Leaf.DefaultDecor(item.Path.Count == 1 ? " " : "", " ");
        first.DefaultDecor(" ", "");
        if (items.Count == 0)
        {
            value.DefaultDecor(" ", " ");
            if (InlineTrailing.Span.IsWhiteSpace())
            {
                InlineTrailing = ReadOnlyMemory<char>.Empty;
            }
        }
        else if (position == items.Count && !InlineTrailingComma)
        {
            // The space before `}` moves to the new last entry: `{ a = 1 }` becomes `{ a = 1, b = 2 }`.
            var last = items[^1].Value;
            value.DefaultDecor(" ", last.SuffixRaw.ToString());
            last.SuffixRaw = ReadOnlyMemory<char>.Empty;
        }
        else
        {
            value.DefaultDecor(" ", "");
        }
        items.Insert(position, item);
    }

    private void RemoveSyntax(KeyValueSyntax syntax)
    {
        if (InlineItems is not null && InlineItems.Contains(syntax))
        {
            RemoveInlineItem(syntax);
            return;
        }
        if (SyntaxOwner?.InlineItems is { } ownerItems && ownerItems.Contains(syntax))
        {
            SyntaxOwner.RemoveInlineItem(syntax);
            return;
        }
        if (Section?.Items.Remove(syntax) == true || SyntaxOwner?.Section?.Items.Remove(syntax) == true)
        {
            return;
        }
        Document?.RemoveStatement(syntax);
    }

    private void RemoveInlineItem(KeyValueSyntax syntax)
    {
        var items = InlineItems!;
        int i = items.IndexOf(syntax);
        if (i < 0)
        {
            return;
        }
        bool wasLast = i == items.Count - 1;
        items.RemoveAt(i);
        if (items.Count == 0)
        {
            return;
        }
        if (wasLast && !InlineTrailingComma)
        {
            // Keep the space before `}`: `{ a = 1, b = 2 }` minus b is `{ a = 1 }`.
            items[^1].Value.SuffixRaw = syntax.Value.SuffixRaw;
        }
        else if (i == 0)
        {
            items[0].Path.First.PrefixRaw = syntax.Path.First.PrefixRaw;
        }
    }

    /// <summary>Removes the sections and dotted lines that spell <paramref name="table"/> and its sub-tables.</summary>
    private void RemoveTableSyntax(TomlTable table)
    {
        if (table.InlineItems is not null)
        {
            return;
        }
        var document = Document;
        if (document is not null)
        {
            for (int i = document.Sections.Count - 1; i >= 1; i--)
            {
                var t = document.Sections[i].Table;
                if (t == table || table.IsAncestorOf(t))
                {
                    document.RemoveSectionAt(i);
                }
            }
        }
        if (table.IsDottedFlag && table.SyntaxOwner is { } owner)
        {
            var prefix = new List<string>();
            for (var t = table; t != owner && t is not null; t = t.ParentTable)
            {
                prefix.Add(t.NameInParent!);
            }
            prefix.Reverse();
            var items = owner.InlineItems ?? owner.Section?.Items;
            if (items is not null)
            {
                for (int i = items.Count - 1; i >= 0; i--)
                {
                    if (items[i].StartsWith(prefix))
                    {
                        if (owner.InlineItems is not null)
                        {
                            owner.RemoveInlineItem(items[i]);
                        }
                        else
                        {
                            items.RemoveAt(i);
                        }
                    }
                }
            }
        }
    }

    private static int FirstItemOf(List<KeyValueSyntax> items, string name, List<string> prefix)
    {
        for (int i = 0; i < items.Count; i++)
        {
            var path = items[i].Path;
            if (path.Count > prefix.Count && string.Equals(path[prefix.Count].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The spaces and tabs at the start of the last line of a decor prefix.</summary>
    private static string Indentation(ReadOnlySpan<char> prefix)
    {
        int nl = prefix.LastIndexOf('\n');
        var last = prefix[(nl + 1)..];
        int end = 0;
        while (end < last.Length && (last[end] == ' ' || last[end] == '\t'))
        {
            end++;
        }
        return last[..end].ToString();
    }
}
