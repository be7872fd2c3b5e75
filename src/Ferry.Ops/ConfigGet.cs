using System.Text;
using Ferry.Core.Configuration;
using Ferry.Util.Diagnostics;
using Ferry.Util.Text;

namespace Ferry.Ops;

/// <summary>
/// <c>ferry config get</c>: prints configuration values exactly as
/// <c>cargo -Zunstable-options config get</c> does — the merged view with environment
/// variables applied (TOML, JSON or a bare JSON value, optionally with <c># origin</c>
/// comments), or each source on its own with <c>--merged=no</c>.
/// </summary>
public static class ConfigGet
{
    public static ConfigGetOutput Run(GlobalContext gctx, ConfigGetOptions options)
    {
        if (options.ShowOrigin && options.Format != ConfigFormat.Toml)
        {
            throw new FerryException($"the `{FormatName(options.Format)}` format does not support --show-origin, try the `toml` format instead");
        }

        var key = options.Key is null ? ConfigKey.Root : ConfigKey.Parse(options.Key);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        if (options.Merged)
        {
            var value = gctx.GetWithEnv(key) ?? throw new FerryException($"config value `{key}` is not set");
            if (options.Format == ConfigFormat.Toml)
            {
                PrintToml(stdout, key, value, options.ShowOrigin);
            }
            else
            {
                PrintJson(stdout, key, value, includeKey: options.Format == ConfigFormat.Json);
            }

            if (RelatedVariables(gctx, key, value) is { } variables)
            {
                if (options.Format == ConfigFormat.Toml)
                {
                    stdout.Append("# The following environment variables may affect the loaded values.\n");
                    foreach (var (name, text) in variables)
                    {
                        stdout.Append("# ").Append(name).Append('=').Append(ShellEscape.Escape(text)).Append('\n');
                    }
                }
                else
                {
                    stderr.Append("note: The following environment variables may affect the loaded values.\n");
                    foreach (var (name, text) in variables)
                    {
                        stderr.Append(name).Append('=').Append(ShellEscape.Escape(text)).Append('\n');
                    }
                }
            }
        }
        else
        {
            if (options.Format != ConfigFormat.Toml)
            {
                throw new FerryException($"the `{FormatName(options.Format)}` format does not support --merged=no, try the `toml` format instead");
            }

            PrintUnmerged(gctx, stdout, key, options.ShowOrigin);
        }

        return new ConfigGetOutput(TerminalText.Strip(stdout.ToString()), TerminalText.Strip(stderr.ToString()));
    }

    public static string FormatName(ConfigFormat format) => format switch
    {
        ConfigFormat.Json => "json",
        ConfigFormat.JsonValue => "json-value",
        _ => "toml",
    };

    /// <summary>
    /// For a table, the <c>CARGO_KEY_*</c> variables that could set something inside it (Cargo
    /// cannot merge those into a table, so it lists them instead). Null when there are none.
    /// </summary>
    private static List<(string Name, string Value)>? RelatedVariables(GlobalContext gctx, ConfigKey key, ConfigValue value)
    {
        if (value is not ConfigTable)
        {
            return null;
        }

        var prefix = key.EnvKey + "_";
        var variables = gctx.Environment.Variables
            .Where(pair => pair.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(pair => (pair.Key, pair.Value))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ToList();
        return variables.Count == 0 ? null : variables;
    }

    private static void PrintToml(StringBuilder output, ConfigKey key, ConfigValue value, bool showOrigin)
    {
        switch (value)
        {
            case ConfigList list:
                if (showOrigin)
                {
                    output.Append(key).Append(" = [\n");
                    foreach (var item in list.Items)
                    {
                        output.Append("    ");
                        TomlText.AppendValue(output, item);
                        output.Append(", # ").Append(item.Definition).Append('\n');
                    }

                    output.Append("]\n");
                }
                else
                {
                    output.Append(key).Append(" = ");
                    TomlText.AppendValue(output, list);
                    output.Append('\n');
                }

                break;
            case ConfigTable table:
                foreach (var name in JsonText.SortedKeys(table.Entries.Keys))
                {
                    PrintToml(output, key.Push(name), table.Entries[name], showOrigin);
                }

                break;
            default:
                output.Append(key).Append(" = ");
                TomlText.AppendValue(output, value);
                if (showOrigin)
                {
                    output.Append(" # ").Append(value.Definition);
                }

                output.Append('\n');
                break;
        }
    }

    private static void PrintJson(StringBuilder output, ConfigKey key, ConfigValue value, bool includeKey)
    {
        if (key.IsRoot || !includeKey)
        {
            JsonText.AppendValue(output, value);
        }
        else
        {
            foreach (var part in key.Parts)
            {
                output.Append('{');
                JsonText.AppendString(output, part);
                output.Append(':');
            }

            JsonText.AppendValue(output, value);
            output.Append('}', key.Parts.Length);
        }

        output.Append('\n');
    }

    private static void PrintUnmerged(GlobalContext gctx, StringBuilder output, ConfigKey key, bool showOrigin)
    {
        void PrintTable(ConfigValue table)
        {
            output.Append("# ").Append(table.Definition).Append('\n');
            PrintToml(output, ConfigKey.Root, table, showOrigin);
            output.Append('\n');
        }

        if (Trim(gctx.CliValues, key) is { } cli)
        {
            PrintTable(cli);
        }

        var variables = gctx.Environment.Variables
            .Where(pair => pair.Key.StartsWith(key.EnvKey, StringComparison.Ordinal))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ToList();
        if (variables.Count > 0)
        {
            output.Append("# Environment variables\n");
            foreach (var (name, text) in variables)
            {
                output.Append("# ").Append(name).Append('=').Append(ShellEscape.Escape(text)).Append('\n');
            }

            output.Append('\n');
        }

        foreach (var file in gctx.LoadUnmerged())
        {
            if (Trim(file, key) is { } trimmed)
            {
                PrintTable(trimmed);
            }
        }
    }

    /// <summary>
    /// Cargo's <c>trim_cv</c>: the table with only the path to <paramref name="key"/> left, or
    /// null when the key is not in it.
    /// </summary>
    private static ConfigTable? Trim(ConfigTable root, ConfigKey key)
    {
        if (key.IsRoot)
        {
            return root.Entries.Count > 0 ? root : null;
        }

        ConfigValue? Descend(ConfigValue value, int index)
        {
            if (index == key.Parts.Length)
            {
                return value is ConfigTable { Entries.Count: 0 } ? null : value;
            }

            if (value is not ConfigTable table)
            {
                throw new FerryException($"expected table for configuration key `{key.Take(index)}`, but found {value.Description} in {value.Definition}");
            }

            var part = key.Parts[index];
            if (table.Get(part) is not { } child || Descend(child, index + 1) is not { } trimmed)
            {
                return null;
            }

            return table with { Entries = ConfigTable.EmptyEntries.Add(part, trimmed) };
        }

        return (ConfigTable?)Descend(root, 0);
    }
}
