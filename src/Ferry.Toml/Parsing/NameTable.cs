namespace Ferry.Toml.Parsing;

/// <summary>
/// Interns key names for one parse: a Cargo.lock repeats <c>name</c>, <c>version</c>, <c>source</c>... a thousand
/// times, and looking a span up costs less than allocating (and later collecting) a string for each. Bounded, so a
/// file of unique keys does not grow it without limit.
/// </summary>
internal sealed class NameTable
{
    private const int MaxNames = 4096;

    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NameTable()
    {
        _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Get(ReadOnlySpan<char> name)
    {
        if (_lookup.TryGetValue(name, out string? found))
        {
            return found;
        }
        string created = name.ToString();
        if (_names.Count < MaxNames)
        {
            _names[created] = created;
        }
        return created;
    }
}
