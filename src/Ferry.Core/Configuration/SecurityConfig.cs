using System.Collections.Immutable;
using Ferry.Util.Diagnostics;
using Ferry.Util.Text;

namespace Ferry.Core.Configuration;

/// <summary>
/// Ferry's own <c>[security]</c> table. Unlike Cargo's tables, unknown keys here are errors, not
/// warnings: a misspelt security setting silently doing nothing is worse than a failed command.
/// </summary>
public sealed record SecurityConfig
{
    private static readonly string[] Fields = ["build-scripts", "allow-build-scripts"];

    /// <summary>
    /// <c>build-scripts = "allow" | "deny"</c>: whether build scripts of dependencies (not workspace
    /// members) run. Null when unset; the build's default is to allow, so Cargo projects build unchanged.
    /// </summary>
    public string? BuildScripts { get; init; }

    /// <summary>Packages whose build scripts may run (<c>CARGO_SECURITY_ALLOW_BUILD_SCRIPTS</c> adds to it).</summary>
    public ImmutableArray<string> AllowBuildScripts { get; init; } = [];

    internal static SecurityConfig Read(ConfigReader reader)
    {
        var key = ConfigKey.Parse("security");
        if (reader.GetTable(key) is { } table)
        {
            foreach (var (name, value) in table.Entries)
            {
                if (!Fields.Contains(name))
                {
                    var hints = EditDistance.Closest(name, Fields) is { } similar
                        ? new[] { $"help: a key with a similar name exists: `{similar}`" }
                        : [$"help: the keys Ferry knows in `[security]` are: {string.Join(", ", Fields.Select(f => $"`{f}`"))}"];
                    throw new FerryException($"unknown config key `{key}.{ConfigKey.EscapePart(name)}` in {value.Definition}", null, hints);
                }
            }
        }

        return new SecurityConfig
        {
            BuildScripts = reader.Enum(key.Push("build-scripts"), "allow", "deny"),
            AllowBuildScripts = reader.StringArray(key.Push("allow-build-scripts")) ?? [],
        };
    }
}
