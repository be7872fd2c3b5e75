namespace Ferry.Cli.Args;

/// <summary>The result of parsing a subcommand's arguments: option values by id and positionals.</summary>
internal sealed class ParsedArgs
{
    private readonly Dictionary<string, List<string?>> _values;
    private readonly Dictionary<string, List<string>> _positionals;

    public ParsedArgs(Dictionary<string, List<string?>> values, Dictionary<string, List<string>> positionals, IReadOnlyList<string> trailing)
    {
        _values = values;
        _positionals = positionals;
        Trailing = trailing;
    }

    /// <summary>Arguments after <c>--</c> (passed to the program or test harness).</summary>
    public IReadOnlyList<string> Trailing { get; }

    public bool Has(string id) => _values.ContainsKey(id);

    public bool Flag(string id) => _values.ContainsKey(id);

    public int Count(string id) => _values.TryGetValue(id, out var list) ? list.Count : 0;

    public string? Value(string id) => _values.TryGetValue(id, out var list) ? list[^1] : null;

    /// <summary>All non-null values given for a repeatable option, in order.</summary>
    public IReadOnlyList<string> Values(string id)
    {
        if (!_values.TryGetValue(id, out var list))
        {
            return [];
        }

        var result = new List<string>(list.Count);
        foreach (var item in list)
        {
            if (item is not null)
            {
                result.Add(item);
            }
        }

        return result;
    }

    public string? Positional(string id) => _positionals.TryGetValue(id, out var list) && list.Count > 0 ? list[0] : null;

    public IReadOnlyList<string> Positionals(string id) => _positionals.TryGetValue(id, out var list) ? list : [];
}
