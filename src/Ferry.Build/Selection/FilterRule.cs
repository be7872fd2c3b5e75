using System.Collections.Immutable;

namespace Ferry.Build.Selection;

/// <summary>One target-kind flag: all of them (<c>--bins</c>) or the named ones (<c>--bin a --bin b</c>, possibly none).</summary>
public sealed record FilterRule(bool All, ImmutableArray<string> Names)
{
    public static FilterRule None { get; } = new(false, []);

    public static FilterRule Everything { get; } = new(true, []);

    public static FilterRule New(IEnumerable<string> names, bool all) => all ? Everything : new(false, [.. names]);

    public bool IsSpecific => All || !Names.IsEmpty;

    public bool Matches(string targetName) => All || Names.Contains(targetName);

    public bool ContainsGlobPatterns => !All && Names.Any(n => n.IndexOfAny(['*', '?', '[']) >= 0);
}
