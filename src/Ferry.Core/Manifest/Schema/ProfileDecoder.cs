using System.Collections.Immutable;
using System.Globalization;
using Ferry.Core.Identity;
using Ferry.Toml;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Manifest.Schema;

/// <summary><c>[profile.*]</c> with Cargo's type errors; the semantic rules are in <see cref="ProfileValidation"/>.</summary>
internal static class ProfileDecoder
{
    private const string DebugExpected =
        "a boolean, 0, 1, 2, \"none\", \"limited\", \"full\", \"line-tables-only\", or \"line-directives-only\"";

    private const string TrimPathsExpected =
        "a boolean, \"none\", \"diagnostics\", \"macro\", \"object\", \"all\", or an array with these options";

    public static TomlProfiles Profiles(SchemaReader reader, TomlValue value)
    {
        var entries = reader.Map(value, "a map");
        var profiles = new List<KeyValuePair<string, TomlProfile>>(entries.Count);
        foreach (var entry in entries)
        {
            if (NameValidation.ProfileNameError(entry.Key) is { } error)
            {
                throw reader.Error(error, entry.KeySpan);
            }

            reader.Push(entry.Key);
            try
            {
                profiles.Add(new(entry.Key, Profile(reader, entry.Value)));
            }
            finally
            {
                reader.Pop();
            }
        }

        profiles.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new TomlProfiles([.. profiles]);
    }

    public static TomlProfile Profile(SchemaReader reader, TomlValue value)
    {
        var entries = reader.Map(value, "struct TomlProfile");
        var p = new TomlProfile();
        foreach (var entry in entries)
        {
            var v = entry.Value;
            if (!IsField(entry.Key))
            {
                reader.Unused(entry.Key);
                continue;
            }

            reader.Push(entry.Key);
            try
            {
                switch (entry.Key)
                {
                    case "opt-level":
                        p = p with { OptLevel = OptLevel(reader, v) };
                        break;
                    case "lto":
                        p = p with { Lto = StringOrBool(reader, v) };
                        break;
                    case "codegen-backend":
                        p = p with { CodegenBackend = reader.String(v) };
                        break;
                    case "codegen-units":
                        p = p with { CodegenUnits = U32(reader, v) };
                        break;
                    case "debug":
                        p = p with { Debug = Debug(reader, v) };
                        break;
                    case "split-debuginfo":
                        p = p with { SplitDebuginfo = reader.String(v) };
                        break;
                    case "debug-assertions":
                        p = p with { DebugAssertions = reader.Bool(v) };
                        break;
                    case "rpath":
                        p = p with { Rpath = reader.Bool(v) };
                        break;
                    case "panic":
                        p = p with { Panic = reader.String(v) };
                        break;
                    case "overflow-checks":
                        p = p with { OverflowChecks = reader.Bool(v) };
                        break;
                    case "incremental":
                        p = p with { Incremental = reader.Bool(v) };
                        break;
                    case "dir-name":
                        p = p with { DirName = reader.String(v) };
                        break;
                    case "inherits":
                        p = p with { Inherits = reader.String(v) };
                        break;
                    case "strip":
                        p = p with { Strip = StringOrBool(reader, v) };
                        break;
                    case "rustflags":
                        p = p with { Rustflags = reader.Strings(v) };
                        break;
                    case "package":
                        p = p with { Package = Packages(reader, v) };
                        break;
                    case "build-override":
                        p = p with { BuildOverride = Profile(reader, v) };
                        break;
                    case "trim-paths":
                        p = p with { TrimPaths = TrimPaths(reader, v) };
                        break;
                    case "hint-mostly-unused":
                        p = p with { HintMostlyUnused = reader.Bool(v) };
                        break;
                }
            }
            catch (ManifestDecodeException e)
            {
                throw SchemaReader.Locate(e, value);
            }
            finally
            {
                reader.Pop();
            }
        }

        return p;
    }

    private static bool IsField(string key) => key is "opt-level" or "lto" or "codegen-backend" or "codegen-units" or "debug"
        or "split-debuginfo" or "debug-assertions" or "rpath" or "panic" or "overflow-checks" or "incremental" or "dir-name"
        or "inherits" or "strip" or "rustflags" or "package" or "build-override" or "trim-paths" or "hint-mostly-unused";

    private static ImmutableArray<KeyValuePair<string, TomlProfile>> Packages(SchemaReader reader, TomlValue value)
    {
        var entries = reader.Map(value, "a map");
        var packages = new List<KeyValuePair<string, TomlProfile>>(entries.Count);
        foreach (var entry in entries)
        {
            if (entry.Key != "*")
            {
                try
                {
                    PackageIdSpec.Parse(entry.Key);
                }
                catch (FerryException e)
                {
                    throw reader.Error(e.Message, entry.KeySpan);
                }
            }

            reader.Push(entry.Key);
            try
            {
                packages.Add(new(entry.Key, Profile(reader, entry.Value)));
            }
            finally
            {
                reader.Pop();
            }
        }

        // Cargo's map orders `*` after every spec.
        packages.Sort((a, b) => (a.Key == "*", b.Key == "*") switch
        {
            (true, false) => 1,
            (false, true) => -1,
            _ => string.CompareOrdinal(a.Key, b.Key),
        });
        return [.. packages];
    }

    private static string OptLevel(SchemaReader reader, TomlValue value) => value switch
    {
        TomlInteger i => i.Value.ToString(CultureInfo.InvariantCulture),
        TomlString { Value: "s" or "z" } s => s.Value,
        TomlString s => throw reader.Error($"must be `0`, `1`, `2`, `3`, `s` or `z`, but found the string: \"{s.Value}\"", s.Span),
        _ => throw reader.TypeError(value, "an optimization level"),
    };

    public static StringOrBool StringOrBool(SchemaReader reader, TomlValue value) => value switch
    {
        TomlBoolean b => Schema.StringOrBool.Of(b.Value),
        TomlString s => Schema.StringOrBool.Of(s.Value),
        _ => throw reader.TypeError(value, "a boolean or string"),
    };

    private static uint U32(SchemaReader reader, TomlValue value) => value switch
    {
        TomlInteger { Value: >= 0 and <= uint.MaxValue } i => (uint)i.Value,
        TomlInteger i => throw reader.Error($"invalid value: integer `{i.Value}`, expected u32", i.Span, DecodeErrorKind.Type),
        _ => throw reader.TypeError(value, "u32"),
    };

    private static TomlDebugInfo Debug(SchemaReader reader, TomlValue value) => value switch
    {
        TomlBoolean b => b.Value ? TomlDebugInfo.Full : TomlDebugInfo.None,
        TomlInteger { Value: 0 } => TomlDebugInfo.None,
        TomlInteger { Value: 1 } => TomlDebugInfo.Limited,
        TomlInteger { Value: 2 } => TomlDebugInfo.Full,
        TomlInteger i => throw reader.Error($"invalid value: integer `{i.Value}`, expected {DebugExpected}", i.Span, DecodeErrorKind.Type),
        TomlString s => s.Value switch
        {
            "none" => TomlDebugInfo.None,
            "limited" => TomlDebugInfo.Limited,
            "full" => TomlDebugInfo.Full,
            "line-directives-only" => TomlDebugInfo.LineDirectivesOnly,
            "line-tables-only" => TomlDebugInfo.LineTablesOnly,
            _ => throw reader.Error($"invalid value: string {SerdeText.RustDebugString(s.Value)}, expected {DebugExpected}", s.Span, DecodeErrorKind.Type),
        },
        _ => throw reader.TypeError(value, DebugExpected),
    };

    private static string TrimPaths(SchemaReader reader, TomlValue value)
    {
        switch (value)
        {
            case TomlBoolean b:
                return b.Value ? "all" : "none";
            case TomlString s:
                return s.Value is "none" or "all" or "diagnostics" or "macro" or "object"
                    ? s.Value
                    : throw reader.Error($"expected {TrimPathsExpected}", s.Span);
            case TomlArray:
                var items = InheritableDecoder.UntaggedStrings(reader, value);
                foreach (var item in items)
                {
                    if (item is not ("diagnostics" or "macro" or "object"))
                    {
                        throw reader.Error($"unknown variant `{item}`, expected one of `diagnostics`, `macro`, `object`", value.Span);
                    }
                }

                return items.IsEmpty ? "none" : string.Join(',', items);
            default:
                throw reader.TypeError(value, TrimPathsExpected);
        }
    }
}
