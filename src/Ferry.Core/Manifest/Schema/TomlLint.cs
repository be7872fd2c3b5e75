using System.Collections.Immutable;
using Ferry.Toml;

namespace Ferry.Core.Manifest.Schema;

/// <summary>
/// One lint setting: <c>name = "warn"</c> or <c>name = { level = "warn", priority = -1, ... }</c>; extra keys of the
/// table form are lint configuration (<see cref="Config"/>), such as <c>check-cfg</c>.
/// </summary>
public sealed record TomlLint(LintLevel Level, sbyte Priority, ImmutableArray<KeyValuePair<string, TomlValue>>? Config)
{
    public static string LevelName(LintLevel level) => level switch
    {
        LintLevel.Forbid => "forbid",
        LintLevel.Deny => "deny",
        LintLevel.Warn => "warn",
        _ => "allow",
    };
}
