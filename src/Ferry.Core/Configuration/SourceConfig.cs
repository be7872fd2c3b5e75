using System.Collections.Immutable;

namespace Ferry.Core.Configuration;

/// <summary>A <c>[source.NAME]</c> table: a source definition and/or its replacement (Cargo's <c>SourceConfigDef</c>).</summary>
public sealed record SourceConfig
{
    private static readonly string[] Fields =
        ["replace-with", "directory", "registry", "local-registry", "git", "branch", "tag", "rev"];

    public required string Name { get; init; }

    public Value<string>? ReplaceWith { get; init; }

    public ConfigRelativePath? Directory { get; init; }

    public Value<string>? Registry { get; init; }

    public ConfigRelativePath? LocalRegistry { get; init; }

    public Value<string>? Git { get; init; }

    public Value<string>? Branch { get; init; }

    public Value<string>? Tag { get; init; }

    public Value<string>? Rev { get; init; }

    internal static ImmutableSortedDictionary<string, SourceConfig> ReadAll(ConfigReader reader)
    {
        var key = ConfigKey.Parse("source");
        var result = ImmutableSortedDictionary.CreateBuilder<string, SourceConfig>(StringComparer.Ordinal);
        if (reader.GetTable(key) is not { } table)
        {
            return result.ToImmutable();
        }

        foreach (var name in table.Entries.Keys)
        {
            // Source names are case-sensitive map keys, so their variable part keeps its spelling.
            var source = key.PushSensitive(name);
            reader.Struct(source, Fields);
            result[name] = new SourceConfig
            {
                Name = name,
                ReplaceWith = reader.StringValue(source.Push("replace-with")),
                Directory = reader.RelativePath(source.Push("directory")),
                Registry = reader.StringValue(source.Push("registry")),
                LocalRegistry = reader.RelativePath(source.Push("local-registry")),
                Git = reader.StringValue(source.Push("git")),
                Branch = reader.StringValue(source.Push("branch")),
                Tag = reader.StringValue(source.Push("tag")),
                Rev = reader.StringValue(source.Push("rev")),
            };
        }

        return result.ToImmutable();
    }
}
