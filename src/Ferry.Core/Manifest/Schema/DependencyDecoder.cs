using System.Collections.Immutable;
using Ferry.Toml;

namespace Ferry.Core.Manifest.Schema;

/// <summary>
/// Decodes dependency entries the way Cargo's serde types do. Two paths matter because their errors
/// read differently: package dependency tables buffer the whole value first (serde-value) and try the
/// <c>{ workspace = true }</c> form before the regular one, so nested errors lose their key; the
/// <c>[workspace.dependencies]</c>, <c>[patch]</c> and <c>[replace]</c> tables decode in place and keep it.
/// </summary>
internal static class DependencyDecoder
{
    public const string Expected = "a version string like \"0.9.8\" or a detailed dependency like { version = \"0.9.8\" }";

    /// <summary>A <c>[dependencies]</c>-style table: names are validated package names; entries sorted by name.</summary>
    public static ImmutableArray<DependencyEntry> PackageTable(SchemaReader reader, TomlValue value)
    {
        var entries = reader.Map(value, "a map");
        var result = new List<DependencyEntry>(entries.Count);
        foreach (var entry in entries)
        {
            if (NameValidation.PackageNameError(entry.Key) is { } error)
            {
                throw reader.Error(error, entry.KeySpan);
            }

            reader.Push(entry.Key);
            try
            {
                result.Add(new DependencyEntry(entry.Key, Inheritable(reader, entry.Value)));
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

        result.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return [.. result];
    }

    /// <summary>A map of package name to plain dependency (<c>[workspace.dependencies]</c>, one <c>[patch.x]</c> table).</summary>
    public static ImmutableArray<KeyValuePair<string, TomlDependency>> PlainTable(SchemaReader reader, TomlValue value, bool validateNames)
    {
        var entries = reader.Map(value, "a map");
        var result = new List<KeyValuePair<string, TomlDependency>>(entries.Count);
        foreach (var entry in entries)
        {
            if (validateNames && NameValidation.PackageNameError(entry.Key) is { } error)
            {
                throw reader.Error(error, entry.KeySpan);
            }

            reader.Push(entry.Key);
            try
            {
                result.Add(new(entry.Key, Plain(reader, entry.Value, keepKeys: true)));
            }
            finally
            {
                reader.Pop();
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return [.. result];
    }

    public static InheritableDependency Inheritable(SchemaReader reader, TomlValue value)
    {
        if (SchemaReader.MapEntries(value) is { } entries && TryInherited(entries, out var inherited, out var workspace))
        {
            if (!workspace)
            {
                throw reader.Error("`workspace` cannot be false", value.Span);
            }

            return new InheritableDependency(null, inherited);
        }

        return new InheritableDependency(Plain(reader, value, keepKeys: false), null);
    }

    /// <summary>Cargo's <c>TomlDependency</c>: a version string, or a detailed table.</summary>
    public static TomlDependency Plain(SchemaReader reader, TomlValue value, bool keepKeys)
    {
        switch (value)
        {
            case TomlString s:
                return TomlDependency.OfVersion(s.Value);
            case TomlBoolean b:
                var message = $"invalid type: boolean `{(b.Value ? "true" : "false")}`, expected {Expected}";
                if (b.Value)
                {
                    message += "\nnote: if you meant to use a workspace member, you can write\n dep.workspace = true";
                }

                throw reader.Error(message, value.Span);
        }

        if (SchemaReader.MapEntries(value) is not { } entries)
        {
            throw reader.TypeError(value, Expected);
        }

        return TomlDependency.Of(Detailed(reader, entries, value, keepKeys));
    }

    private static TomlDetailedDependency Detailed(SchemaReader reader, IReadOnlyList<MapEntry> entries, TomlValue value, bool keepKeys)
    {
        var d = new TomlDetailedDependency();
        List<string>? unused = null;
        foreach (var entry in entries)
        {
            var v = entry.Value;
            try
            {
                switch (entry.Key)
                {
                    case "version":
                        d = d with { Version = reader.String(v) };
                        break;
                    case "registry":
                        d = d with { Registry = ValidName(reader, v, NameValidation.RegistryNameError) };
                        break;
                    case "registry-index":
                        d = d with { RegistryIndex = reader.String(v) };
                        break;
                    case "path":
                        d = d with { Path = reader.String(v) };
                        break;
                    case "base":
                        d = d with { Base = ValidName(reader, v, NameValidation.PathBaseNameError) };
                        break;
                    case "git":
                        d = d with { Git = reader.String(v) };
                        break;
                    case "branch":
                        d = d with { Branch = reader.String(v) };
                        break;
                    case "tag":
                        d = d with { Tag = reader.String(v) };
                        break;
                    case "rev":
                        d = d with { Rev = reader.String(v) };
                        break;
                    case "features":
                        d = d with { Features = reader.Strings(v) };
                        break;
                    case "optional":
                        d = d with { Optional = reader.Bool(v) };
                        break;
                    case "default-features":
                        d = d with { DefaultFeatures = reader.Bool(v) };
                        break;
                    case "default_features":
                        d = d with { DefaultFeatures2 = reader.Bool(v) };
                        break;
                    case "package":
                        d = d with { Package = ValidName(reader, v, NameValidation.PackageNameError) };
                        break;
                    case "public":
                        d = d with { Public = reader.Bool(v) };
                        break;
                    case "artifact":
                        d = d with { Artifact = StringOrVec(reader, v) };
                        break;
                    case "lib":
                        d = d with { Lib = reader.Bool(v) };
                        break;
                    case "target":
                        d = d with { Target = reader.String(v) };
                        break;
                    default:
                        (unused ??= []).Add(entry.Key);
                        break;
                }
            }
            catch (ManifestDecodeException e)
            {
                throw Rewrap(reader, e, value, keepKeys ? entry.Key : null);
            }
        }

        if (unused is not null)
        {
            unused.Sort(StringComparer.Ordinal);
            d = d with { UnusedKeys = [.. unused] };
        }

        return d;
    }

    /// <summary>Errors inside a detailed dependency pass through two untagged layers (three for type errors).</summary>
    private static ManifestDecodeException Rewrap(SchemaReader reader, ManifestDecodeException e, TomlValue value, string? key) => e.Kind switch
    {
        DecodeErrorKind.Type => reader.Wrap(e, value, 3, key),
        DecodeErrorKind.Custom => reader.Wrap(e, value, 2, key),
        DecodeErrorKind.SequenceElement => reader.Wrap(e, value, 5, key),
        DecodeErrorKind.Variant => reader.Wrap(e, value, 4, key),
        DecodeErrorKind.Wrapped => reader.Wrap(e, value, 3, key),
        _ => SchemaReader.Locate(e, value),
    };

    private static string ValidName(SchemaReader reader, TomlValue value, Func<string, string?> validate)
    {
        var name = reader.String(value);
        return validate(name) is { } error ? throw reader.Error(error, value.Span) : name;
    }

    /// <summary>Cargo's <c>StringOrVec</c>: one string or a list of strings.</summary>
    public static ImmutableArray<string> StringOrVec(SchemaReader reader, TomlValue value)
    {
        switch (value)
        {
            case TomlString s:
                return [s.Value];
            case TomlArray:
                try
                {
                    return reader.Strings(value);
                }
                catch (ManifestDecodeException e)
                {
                    throw reader.Wrap(e, value, 2, null);
                }

            default:
                throw reader.TypeError(value, "string or list of strings");
        }
    }

    /// <summary>
    /// The <c>{ workspace = true, ... }</c> form, as serde tries it first: it only fits when every known
    /// key has the right type; otherwise the regular form is tried (and reports its own errors).
    /// </summary>
    private static bool TryInherited(IReadOnlyList<MapEntry> entries, out TomlInheritedDependency inherited, out bool workspace)
    {
        inherited = new TomlInheritedDependency();
        bool? ws = null;
        List<string>? unused = null;
        foreach (var entry in entries)
        {
            var v = entry.Value;
            switch (entry.Key)
            {
                case "workspace":
                    if (v is not TomlBoolean wb)
                    {
                        workspace = false;
                        return false;
                    }

                    ws = wb.Value;
                    break;
                case "features":
                    if (!AllStrings(v, out var features))
                    {
                        workspace = false;
                        return false;
                    }

                    inherited = inherited with { Features = features };
                    break;
                case "default-features" or "default_features" or "optional" or "public":
                    if (v is not TomlBoolean b)
                    {
                        workspace = false;
                        return false;
                    }

                    inherited = entry.Key switch
                    {
                        "default-features" => inherited with { DefaultFeatures = b.Value },
                        "default_features" => inherited with { DefaultFeatures2 = b.Value },
                        "optional" => inherited with { Optional = b.Value },
                        _ => inherited with { Public = b.Value },
                    };
                    break;
                default:
                    (unused ??= []).Add(entry.Key);
                    break;
            }
        }

        workspace = ws ?? false;
        if (ws is null)
        {
            return false;
        }

        if (unused is not null)
        {
            unused.Sort(StringComparer.Ordinal);
            inherited = inherited with { UnusedKeys = [.. unused] };
        }

        return true;
    }

    private static bool AllStrings(TomlValue value, out ImmutableArray<string> strings)
    {
        strings = [];
        if (value is not TomlArray array)
        {
            return false;
        }

        var builder = ImmutableArray.CreateBuilder<string>(array.Count);
        foreach (var item in array)
        {
            if (item is not TomlString s)
            {
                return false;
            }

            builder.Add(s.Value);
        }

        strings = builder.MoveToImmutable();
        return true;
    }
}
