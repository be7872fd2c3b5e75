using Ferry.Toml;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Configuration;

/// <summary>
/// A <c>--config KEY=VALUE</c> argument: one TOML dotted-key assignment such as
/// <c>build.jobs = 2</c> or <c>target.'cfg(unix)'.runner = "x"</c>, with Cargo's validation
/// (<c>toml_dotted_keys</c>): no table headers, no inline-table values, no comments, no
/// tokens or secret keys.
/// </summary>
internal static class CliArgument
{
    public static ConfigTable Parse(string argument)
    {
        TomlDocument document;
        try
        {
            document = TomlDocument.Parse(argument, TomlParseOptions.Toml11);
        }
        catch (TomlParseException error)
        {
            throw new FerryException(
                $"failed to parse value from --config argument `{argument}` as a dotted key expression",
                ConfigDocument.FromToml(error));
        }

        Validate(argument, document.Root);
        CheckSecrets(document.Root);
        try
        {
            return ConfigDocument.FromToml(document.Root, Definition.CliArgument);
        }
        catch (FerryException error)
        {
            throw new FerryException($"failed to convert --config argument `{argument}`", error);
        }
    }

    /// <summary>Walks the single chain of dotted keys down to the value, as Cargo does.</summary>
    private static void Validate(string argument, TomlTable root)
    {
        var table = root;
        var isRoot = true;
        var reachedValue = false;
        while (isRoot || table.TableKind == TomlTableKind.Dotted)
        {
            isRoot = false;
            if (table.Count != 1)
            {
                break;
            }

            var entry = table.Entries.First();
            switch (entry.Value)
            {
                case TomlTable { TableKind: TomlTableKind.Inline }:
                    throw new FerryException($"--config argument `{argument}` sets a value to an inline table, which is not accepted");
                case TomlTable next:
                    if (HasComment(entry.Key.Decor))
                    {
                        throw Decorated(argument);
                    }

                    table = next;
                    break;
                case TomlArrayOfTables:
                    throw new FerryException($"--config argument `{argument}` sets a value to an array of tables, which is not accepted");
                default:
                    if (HasComment(entry.Key.Decor) || HasComment(entry.Value.Decor))
                    {
                        throw Decorated(argument);
                    }

                    reachedValue = true;
                    break;
            }

            if (reachedValue)
            {
                break;
            }
        }

        if (!reachedValue)
        {
            throw new FerryException($"--config argument `{argument}` was not a TOML dotted key expression (such as `build.jobs = 2`)");
        }
    }

    private static FerryException Decorated(string argument) =>
        new($"--config argument `{argument}` includes non-whitespace decoration");

    private static bool HasComment(TomlDecor decor) =>
        !string.IsNullOrWhiteSpace(decor.Prefix) || !string.IsNullOrWhiteSpace(decor.Suffix);

    /// <summary>Credentials never come from the command line (they would end up in shell history).</summary>
    private static void CheckSecrets(TomlTable root)
    {
        foreach (var secret in new[] { "token", "secret-key" })
        {
            if (root.TryGetTable("registry", out var registry) && registry.ContainsKey(secret))
            {
                throw new FerryException($"registry.{secret} cannot be set through --config for security reasons");
            }

            if (root.TryGetTable("registries", out var registries))
            {
                foreach (var (name, value) in registries)
                {
                    if (value is TomlTable named && named.ContainsKey(secret))
                    {
                        throw new FerryException($"registries.{name}.{secret} cannot be set through --config for security reasons");
                    }
                }
            }
        }
    }
}
