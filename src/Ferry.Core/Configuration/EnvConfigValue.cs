using System.Collections.Immutable;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Configuration;

/// <summary>
/// One <c>[env]</c> entry: <c>NAME = "value"</c> or <c>NAME = { value = "..", force = true,
/// relative = true }</c>. <see cref="Resolve"/> gives the value to set for build processes.
/// </summary>
public sealed record EnvConfigValue(string Name, ConfigRelativePath Value, bool Force, bool Relative)
{
    private static readonly string[] Disallowed = ["CARGO_HOME", "RUSTUP_HOME", "RUSTUP_TOOLCHAIN"];

    /// <summary>The value, made absolute against its definition when <see cref="Relative"/>.</summary>
    public string Resolve(string cwd) => Relative ? Value.ResolvePath(cwd) : Value.Raw;

    /// <summary>
    /// Whether the entry applies: it does when <see cref="Force"/> is set or the variable is not
    /// already in the environment.
    /// </summary>
    public bool AppliesTo(EnvironmentSnapshot environment) => Force || environment.Get(Name) is null;

    internal static ImmutableSortedDictionary<string, EnvConfigValue> ReadAll(ConfigReader reader)
    {
        var key = ConfigKey.Parse("env");
        var result = ImmutableSortedDictionary.CreateBuilder<string, EnvConfigValue>(StringComparer.Ordinal);
        if (reader.GetTable(key) is not { } table)
        {
            return result.ToImmutable();
        }

        foreach (var name in table.Entries.Keys)
        {
            var entry = key.PushSensitive(name);
            // Map values pass through two serde layers that each put errors under the key.
            var definition = reader.ValueDefinition(entry);
            try
            {
                result[name] = ReadOne(reader, entry, name);
            }
            catch (FerryException error)
            {
                throw ConfigException.KeyContext(entry, definition, error);
            }
        }

        foreach (var name in Disallowed)
        {
            if (result.ContainsKey(name))
            {
                throw new FerryException($"setting the `{name}` environment variable is not supported in the `[env]` configuration table");
            }
        }

        return result.ToImmutable();
    }

    private static EnvConfigValue ReadOne(ConfigReader reader, ConfigKey entry, string name)
    {
        switch (reader.Untagged(entry, "a string or map", typeof(ConfigString), typeof(ConfigTable)))
        {
            case ConfigString s:
                return new EnvConfigValue(name, new ConfigRelativePath(new Value<string>(s.Value, s.Definition)), false, false);
            case ConfigTable options:
                try
                {
                    var value = reader.RelativePath(entry.Push("value")) ?? throw new FerryException("missing field `value`");
                    return new EnvConfigValue(
                        name,
                        value,
                        reader.Bool(entry.Push("force")) ?? false,
                        reader.Bool(entry.Push("relative")) ?? false);
                }
                catch (FerryException error)
                {
                    // serde_untagged keeps only the text of errors from inside the table.
                    throw ConfigException.KeyContext(entry, options.Definition, new FerryException(error.Message));
                }

            default:
                throw ConfigReader.Missing(entry);
        }
    }
}
