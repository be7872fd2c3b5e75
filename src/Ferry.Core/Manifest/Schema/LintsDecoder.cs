using System.Collections.Immutable;
using Ferry.Toml;

namespace Ferry.Core.Manifest.Schema;

/// <summary><c>[lints]</c> and <c>[workspace.lints]</c>.</summary>
internal static class LintsDecoder
{
    private const string Variants = "expected one of `forbid`, `deny`, `warn`, `allow`";

    public static InheritableLints Inheritable(SchemaReader reader, TomlValue value)
    {
        var entries = reader.Map(value, "a lints table");
        var workspace = false;
        var tools = new List<KeyValuePair<string, ImmutableArray<KeyValuePair<string, TomlLint>>>>();
        foreach (var entry in entries)
        {
            if (entry.Key == "workspace")
            {
                if (entry.Value is not TomlBoolean b)
                {
                    throw SchemaReader.Locate(reader.TypeError(entry.Value, "a boolean"), value);
                }

                if (!b.Value)
                {
                    throw SchemaReader.Locate(reader.Error("`workspace` cannot be false", entry.Value.Span), value);
                }

                workspace = true;
                continue;
            }

            tools.Add(new(entry.Key, Tool(reader, entry)));
        }

        return new InheritableLints(workspace, Sorted(tools));
    }

    public static TomlLints Lints(SchemaReader reader, TomlValue value)
    {
        var entries = reader.Map(value, "a map");
        var tools = new List<KeyValuePair<string, ImmutableArray<KeyValuePair<string, TomlLint>>>>(entries.Count);
        foreach (var entry in entries)
        {
            tools.Add(new(entry.Key, Tool(reader, entry)));
        }

        return Sorted(tools);
    }

    private static TomlLints Sorted(List<KeyValuePair<string, ImmutableArray<KeyValuePair<string, TomlLint>>>> tools)
    {
        tools.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new TomlLints([.. tools]);
    }

    private static ImmutableArray<KeyValuePair<string, TomlLint>> Tool(SchemaReader reader, MapEntry tool)
    {
        reader.Push(tool.Key);
        try
        {
            var entries = reader.Map(tool.Value, "a map");
            var lints = new List<KeyValuePair<string, TomlLint>>(entries.Count);
            foreach (var entry in entries)
            {
                reader.Push(entry.Key);
                try
                {
                    lints.Add(new(entry.Key, Lint(reader, entry.Value)));
                }
                finally
                {
                    reader.Pop();
                }
            }

            lints.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            return [.. lints];
        }
        finally
        {
            reader.Pop();
        }
    }

    private static TomlLint Lint(SchemaReader reader, TomlValue value)
    {
        if (value is TomlString s)
        {
            return new TomlLint(Level(s.Value) ?? throw reader.Error($"unknown variant `{s.Value}`, {Variants}", s.Span, DecodeErrorKind.Variant), 0, null);
        }

        if (SchemaReader.MapEntries(value) is not { } entries)
        {
            throw reader.TypeError(value, "a string or map");
        }

        LintLevel? level = null;
        sbyte priority = 0;
        var config = new List<KeyValuePair<string, TomlValue>>();
        foreach (var entry in entries)
        {
            switch (entry.Key)
            {
                case "level":
                    if (entry.Value is TomlString ls)
                    {
                        level = Level(ls.Value) ?? throw reader.Wrap(reader.Error($"unknown variant `{ls.Value}`, {Variants}", null), value, 4, "level");
                    }
                    else
                    {
                        throw reader.Wrap(reader.Error("wanted string or table", null), value, 2, "level");
                    }

                    break;
                case "priority":
                    if (entry.Value is TomlInteger i)
                    {
                        priority = i.Value is >= sbyte.MinValue and <= sbyte.MaxValue
                            ? (sbyte)i.Value
                            : throw reader.Wrap(reader.Error($"invalid value: integer `{i.Value}`, expected i8", null), value, 2, "priority");
                    }
                    else
                    {
                        throw reader.Wrap(reader.TypeError(entry.Value, "i8"), value, 2, "priority");
                    }

                    break;
                default:
                    config.Add(new(entry.Key, entry.Value));
                    break;
            }
        }

        return level is { } l
            ? new TomlLint(l, priority, [.. config])
            : throw reader.Error("missing field `level`", value.Span, DecodeErrorKind.Missing);
    }

    private static LintLevel? Level(string text) => text switch
    {
        "forbid" => LintLevel.Forbid,
        "deny" => LintLevel.Deny,
        "warn" => LintLevel.Warn,
        "allow" => LintLevel.Allow,
        _ => null,
    };
}
