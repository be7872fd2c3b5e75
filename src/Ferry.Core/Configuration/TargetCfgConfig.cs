using System.Collections.Immutable;

namespace Ferry.Core.Configuration;

/// <summary>
/// A <c>[target.'cfg(..)']</c> table. These cannot be set from the environment (Cargo has to
/// list them all, and variable names cannot spell a cfg expression), so they come from files
/// and <c>--config</c> only.
/// </summary>
public sealed record TargetCfgConfig
{
    private static readonly string[] Fields = ["runner", "rustflags", "rustdocflags", "linker"];

    /// <summary>The table key, e.g. <c>cfg(target_os = "linux")</c>.</summary>
    public required string Key { get; init; }

    public Value<PathAndArgs>? Runner { get; init; }

    public Value<ImmutableArray<string>>? Rustflags { get; init; }

    public Value<ImmutableArray<string>>? Rustdocflags { get; init; }

    public Value<ConfigRelativePath>? Linker { get; init; }

    internal static ImmutableArray<TargetCfgConfig> ReadAll(ConfigReader reader)
    {
        var target = ConfigKey.Parse("target");
        var result = ImmutableArray.CreateBuilder<TargetCfgConfig>();
        if (reader.GetTable(target) is not { } table)
        {
            return result.ToImmutable();
        }

        foreach (var (name, value) in table.Entries)
        {
            if (!name.StartsWith("cfg(", StringComparison.Ordinal))
            {
                continue;
            }

            var key = target.PushSensitive(name);
            if (value is not ConfigTable cfg)
            {
                throw ConfigException.Invalid("table", key, value);
            }

            foreach (var other in cfg.Entries.Keys.Where(k => !Fields.Contains(k)))
            {
                reader.Context.Shell.Warn($"unused key `{other}` in [target] config table `{name}`");
            }

            result.Add(new TargetCfgConfig
            {
                Key = name,
                Runner = reader.PathAndArgs(key.Push("runner"), wrapped: true) is { } runner
                    ? new Value<PathAndArgs>(runner, runner.Path.Definition)
                    : null,
                Rustflags = reader.StringListValue(key.Push("rustflags")),
                Rustdocflags = reader.StringListValue(key.Push("rustdocflags")),
                Linker = reader.RelativePath(key.Push("linker")) is { } linker
                    ? new Value<ConfigRelativePath>(linker, linker.Definition)
                    : null,
            });
        }

        return result.ToImmutable();
    }
}
