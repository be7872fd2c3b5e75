using System.Collections;
using System.Text;
using Ferry.Toml.Formatting;

namespace Ferry.Toml;

/// <summary>
/// An array of tables (<c>[[bin]]</c> sections). Each element is a <see cref="TomlTable"/> of kind
/// <see cref="TomlTableKind.ArrayElement"/>; add one with <see cref="TomlTable.AppendArrayElement"/>.
/// </summary>
public sealed class TomlArrayOfTables : TomlValue, IReadOnlyList<TomlTable>
{
    private readonly List<TomlTable> _tables = new();

    internal TomlArrayOfTables()
    {
    }

    public override TomlValueKind Kind => TomlValueKind.ArrayOfTables;

    public int Count => _tables.Count;

    public TomlTable this[int index] => _tables[index];

    public IEnumerator<TomlTable> GetEnumerator() => _tables.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void AddTable(TomlTable table) => _tables.Add(table);

    internal bool RemoveTable(TomlTable table) => _tables.Remove(table);

    public override TomlValue Clone() => throw new InvalidOperationException("An array of tables cannot be cloned; copy its tables' values instead.");

    /// <summary>Writes the sections of the elements (header and lines), as they appear in the document.</summary>
    internal override void WriteTo(TomlTextBuilder sb)
    {
        foreach (var table in _tables)
        {
            table.WriteTo(sb);
        }
    }
}
