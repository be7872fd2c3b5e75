using System.Collections.Immutable;
using Ferry.Toml;

namespace Ferry.Core.Manifest.Schema;

/// <summary>
/// The state of one decode: the key path (for unused-key warnings and error paths), the unused keys
/// found so far, and the primitive readers that raise serde's messages. Keys are visited in document
/// order, as serde does with toml-rs, so the first error reported is the first in the file.
/// </summary>
internal sealed class SchemaReader
{
    public const string DatetimeKey = "$__toml_private_datetime";

    private readonly List<string> _path = new(8);
    private readonly List<string> _unused = [];

    public ImmutableArray<string> UnusedKeys
    {
        get
        {
            var keys = _unused.ToArray();
            Array.Sort(keys, StringComparer.Ordinal);
            return [.. keys.Distinct()];
        }
    }

    public void Push(string key) => _path.Add(key);

    public void Pop() => _path.RemoveAt(_path.Count - 1);

    public string CurrentPath => string.Join('.', _path);

    /// <summary>Records <paramref name="key"/> under the current path as a key serde ignored.</summary>
    public void Unused(string key) => _unused.Add(_path.Count == 0 ? key : CurrentPath + "." + key);

    public ManifestDecodeException Error(string message, TomlSpan? span, DecodeErrorKind kind = DecodeErrorKind.Custom) =>
        new(message, span, CurrentPath, kind);

    public ManifestDecodeException TypeError(TomlValue value, string expected) =>
        Error(SerdeText.InvalidType(value, expected), value.Span, DecodeErrorKind.Type);

    public string String(TomlValue value) =>
        value is TomlString s ? s.Value : throw TypeError(value, "a string");

    public bool Bool(TomlValue value) =>
        value is TomlBoolean b ? b.Value : throw TypeError(value, "a boolean");

    /// <summary><c>Vec&lt;String&gt;</c>: a wrong element is reported on the element.</summary>
    public ImmutableArray<string> Strings(TomlValue value)
    {
        if (value is not TomlArray array)
        {
            throw TypeError(value, "a sequence");
        }

        var items = ImmutableArray.CreateBuilder<string>(array.Count);
        foreach (var item in array)
        {
            if (item is not TomlString s)
            {
                throw Error(SerdeText.InvalidType(item, "a string"), item.Span, DecodeErrorKind.SequenceElement);
            }

            items.Add(s.Value);
        }

        return items.MoveToImmutable();
    }

    /// <summary>
    /// The entries of a value serde would read as a map: a table, or (as toml-rs presents it) a datetime,
    /// which is a map with one private key. Null for anything else.
    /// </summary>
    public static IReadOnlyList<MapEntry>? MapEntries(TomlValue value)
    {
        switch (value)
        {
            case TomlTable table:
                var entries = new List<MapEntry>(table.Count);
                foreach (var entry in table.Entries)
                {
                    entries.Add(new MapEntry(entry.Key.Name, entry.Key.Span, entry.Value));
                }

                return entries;
            case TomlDateTime dateTime:
                return [new MapEntry(DatetimeKey, dateTime.Span, new TomlString(dateTime.ToTomlString()))];
            default:
                return null;
        }
    }

    /// <summary>A map value, or serde's <c>invalid type ..., expected {expected}</c>.</summary>
    public IReadOnlyList<MapEntry> Map(TomlValue value, string expected) =>
        MapEntries(value) ?? throw TypeError(value, expected);

    /// <summary>Gives errors raised on values without a position (synthetic ones) the position of <paramref name="container"/>.</summary>
    public static ManifestDecodeException Locate(ManifestDecodeException error, TomlValue container)
    {
        error.Span ??= container.Span;
        return error;
    }

    /// <summary>
    /// Re-wraps an error that happened inside an untagged value: its text gets <paramref name="layers"/>
    /// line breaks (and <c>in `key`</c> when serde still knew the key), and it points at the whole value.
    /// </summary>
    public ManifestDecodeException Wrap(ManifestDecodeException inner, TomlValue outer, int layers, string? key)
    {
        var message = inner.Message + new string('\n', layers) + (key is null ? string.Empty : "in `" + key + "`\n");
        return new ManifestDecodeException(message, outer.Span ?? inner.Span, CurrentPath, DecodeErrorKind.Wrapped);
    }
}
