using System.Collections.Immutable;
using System.Text;
using Ferry.Toml;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Configuration;

/// <summary>
/// Turns a config file's TOML into <see cref="ConfigValue"/>s carrying the file's definition
/// (Cargo's <c>parse_document</c> + <c>ConfigValue::from_toml</c>). Config files are read as
/// TOML 1.1, as Cargo's parser accepts (newlines in inline tables, <c>\e</c>, ...).
/// </summary>
internal static class ConfigDocument
{
    public static ConfigTable Parse(string text, string path, Definition definition)
    {
        TomlDocument document;
        try
        {
            document = TomlDocument.Parse(text, TomlParseOptions.Toml11);
        }
        catch (TomlParseException error)
        {
            throw new FerryException($"could not parse TOML configuration in `{path}`", FromToml(error));
        }

        try
        {
            return FromToml(document.Root, definition);
        }
        catch (FerryException error)
        {
            throw new FerryException($"failed to load TOML configuration from `{path}`", error);
        }
    }

    /// <summary>The TOML error as Cargo shows it in a <c>Caused by</c> block (toml-rs's text without the final newline).</summary>
    public static FerryException FromToml(TomlParseException error) => new(error.Message.TrimEnd('\n'));

    /// <summary>Converts a parsed table; floats and datetimes fail with <c>failed to parse config at `a.b[0]`</c>.</summary>
    public static ConfigTable FromToml(TomlTable table, Definition definition)
    {
        return ConvertTable(table, definition, []);
    }

    private static ConfigTable ConvertTable(TomlTable table, Definition definition, List<object> path)
    {
        var entries = ConfigTable.EmptyEntries.ToBuilder();
        foreach (var (key, value) in table)
        {
            path.Add(key);
            entries[key] = Convert(value, definition, path);
            path.RemoveAt(path.Count - 1);
        }

        return new ConfigTable(entries.ToImmutable(), definition);
    }

    private static ConfigValue Convert(TomlValue value, Definition definition, List<object> path)
    {
        switch (value)
        {
            case TomlString s:
                return new ConfigString(s.Value, definition);
            case TomlInteger i:
                return new ConfigInteger(i.Value, definition);
            case TomlBoolean b:
                return new ConfigBoolean(b.Value, definition);
            case TomlTable t:
                return ConvertTable(t, definition, path);
            case TomlArray array:
            {
                var items = ImmutableArray.CreateBuilder<ConfigValue>(array.Count);
                for (var index = 0; index < array.Count; index++)
                {
                    path.Add(index);
                    items.Add(Convert(array[index], definition, path));
                    path.RemoveAt(path.Count - 1);
                }

                return new ConfigList(items.MoveToImmutable(), definition);
            }

            case TomlArrayOfTables tables:
            {
                var items = ImmutableArray.CreateBuilder<ConfigValue>(tables.Count);
                for (var index = 0; index < tables.Count; index++)
                {
                    path.Add(index);
                    items.Add(ConvertTable(tables[index], definition, path));
                    path.RemoveAt(path.Count - 1);
                }

                return new ConfigList(items.MoveToImmutable(), definition);
            }

            default:
                // Only floats and datetimes get here; `path` still names the value.
                throw new FerryException(
                    $"failed to parse config at `{KeyPath(path)}`",
                    new FerryException($"unsupported TOML configuration type `{value.TypeName}`"));
        }
    }

    /// <summary>Cargo's error key path: escaped keys joined by dots, indices as <c>[i]</c>.</summary>
    private static string KeyPath(List<object> path)
    {
        var text = new StringBuilder();
        for (var i = 0; i < path.Count; i++)
        {
            if (path[i] is string key)
            {
                text.Append(ConfigKey.EscapePart(key));
            }
            else
            {
                text.Append('[').Append(path[i]).Append(']');
            }

            if (i + 1 < path.Count && path[i + 1] is string)
            {
                text.Append('.');
            }
        }

        return text.ToString();
    }
}
