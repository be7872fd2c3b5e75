using System.Collections.Immutable;
using System.Globalization;
using Ferry.Core.Manifest.Schema;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Configuration;

/// <summary>
/// A <c>[profile.NAME]</c> table from configuration (files, <c>--config</c> and
/// <c>CARGO_PROFILE_NAME_KEY</c> variables), read into the manifest's <see cref="TomlProfile"/> so
/// the build merges both the way Cargo's <c>get_config_profile</c> does.
/// </summary>
internal static class ConfigProfile
{
    private static readonly string[] Fields =
    [
        "opt-level", "lto", "codegen-backend", "codegen-units", "debug", "split-debuginfo", "debug-assertions", "rpath",
        "panic", "overflow-checks", "incremental", "dir-name", "inherits", "strip", "rustflags", "package", "build-override",
        "trim-paths", "hint-mostly-unused",
    ];

    public static TomlProfile? Read(ConfigReader reader, string name)
    {
        var key = ConfigKey.Parse("profile").Push(name);
        if (!reader.HasKeyOrChildren(key))
        {
            return null;
        }

        return ReadLayer(reader, key, nested: true);
    }

    private static TomlProfile ReadLayer(ConfigReader reader, ConfigKey key, bool nested)
    {
        if (reader.GetTable(key) is { } table)
        {
            foreach (var (field, value) in table.Entries)
            {
                if (!Fields.Contains(field))
                {
                    reader.Context.Shell.Warn($"unused config key `{key}.{field}` in `{value.Definition}`");
                }
            }
        }

        var profile = new TomlProfile
        {
            OptLevel = OptLevel(reader, key.Push("opt-level")),
            Lto = StringOrBool(reader, key.Push("lto")),
            CodegenBackend = reader.String(key.Push("codegen-backend")),
            CodegenUnits = reader.Integer(key.Push("codegen-units"), IntegerKind.U32) is { } units ? (uint)units : null,
            Debug = Debug(reader, key.Push("debug")),
            SplitDebuginfo = reader.String(key.Push("split-debuginfo")),
            DebugAssertions = reader.Bool(key.Push("debug-assertions")),
            Rpath = reader.Bool(key.Push("rpath")),
            Panic = reader.String(key.Push("panic")),
            OverflowChecks = reader.Bool(key.Push("overflow-checks")),
            Incremental = reader.Bool(key.Push("incremental")),
            DirName = reader.String(key.Push("dir-name")),
            Inherits = reader.String(key.Push("inherits")),
            Strip = StringOrBool(reader, key.Push("strip")),
            Rustflags = reader.StringList(key.Push("rustflags")),
        };
        if (nested)
        {
            var buildOverride = key.Push("build-override");
            if (reader.HasKeyOrChildren(buildOverride))
            {
                profile = profile with { BuildOverride = ReadLayer(reader, buildOverride, nested: false) };
            }

            var package = key.Push("package");
            if (reader.GetTable(package) is { } packages)
            {
                var list = new List<KeyValuePair<string, TomlProfile>>();
                foreach (var spec in packages.Entries.Keys)
                {
                    list.Add(new(spec, ReadLayer(reader, package.Push(spec), nested: false)));
                }

                list.Sort((a, b) => (a.Key == "*", b.Key == "*") switch
                {
                    (true, false) => 1,
                    (false, true) => -1,
                    _ => string.CompareOrdinal(a.Key, b.Key),
                });
                profile = profile with { Package = [.. list] };
            }
        }

        return profile;
    }

    private static string? OptLevel(ConfigReader reader, ConfigKey key)
    {
        if (!reader.HasKey(key))
        {
            return null;
        }

        return reader.GetWithEnv(key) switch
        {
            ConfigInteger i => i.Value.ToString(CultureInfo.InvariantCulture),
            ConfigString { Value: "0" or "1" or "2" or "3" or "s" or "z" } s => s.Value,
            ConfigString s => throw ConfigException.KeyContext(key, s.Definition, new FerryException(
                $"must be `0`, `1`, `2`, `3`, `s` or `z`, but found the string: \"{s.Value}\"")),
            { } other => throw ConfigException.KeyContext(key, other.Definition, new FerryException(
                $"invalid type: {ConfigReader.Unexpected(other)}, expected an optimization level")),
            null => null,
        };
    }

    private static StringOrBool? StringOrBool(ConfigReader reader, ConfigKey key)
    {
        if (!reader.HasKey(key))
        {
            return null;
        }

        return reader.GetWithEnv(key) switch
        {
            ConfigBoolean b => Manifest.Schema.StringOrBool.Of(b.Value),
            ConfigString s => Manifest.Schema.StringOrBool.Of(s.Value),
            { } other => throw ConfigException.KeyContext(key, other.Definition, new FerryException(
                $"invalid type: {ConfigReader.Unexpected(other)}, expected a boolean or a string")),
            null => null,
        };
    }

    private static TomlDebugInfo? Debug(ConfigReader reader, ConfigKey key)
    {
        if (!reader.HasKey(key))
        {
            return null;
        }

        var value = reader.GetWithEnv(key);
        TomlDebugInfo? result = value switch
        {
            ConfigBoolean b => b.Value ? TomlDebugInfo.Full : TomlDebugInfo.None,
            ConfigInteger { Value: 0 } => TomlDebugInfo.None,
            ConfigInteger { Value: 1 } => TomlDebugInfo.Limited,
            ConfigInteger { Value: 2 } => TomlDebugInfo.Full,
            ConfigString { Value: "none" } => TomlDebugInfo.None,
            ConfigString { Value: "limited" } => TomlDebugInfo.Limited,
            ConfigString { Value: "full" } => TomlDebugInfo.Full,
            ConfigString { Value: "line-tables-only" } => TomlDebugInfo.LineTablesOnly,
            ConfigString { Value: "line-directives-only" } => TomlDebugInfo.LineDirectivesOnly,
            _ => null,
        };
        if (result is null && value is not null)
        {
            throw ConfigException.KeyContext(key, value.Definition, new FerryException(
                $"invalid type: {ConfigReader.Unexpected(value)}, expected a boolean, 0, 1, 2, \"none\", \"limited\", \"full\", \"line-tables-only\", or \"line-directives-only\""));
        }

        return result;
    }
}
