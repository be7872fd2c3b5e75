using Ferry.Core.Dependencies;
using System.Collections.Immutable;
using Ferry.Toml;

namespace Ferry.Core.Manifest.Schema;

/// <summary>
/// The <c>[package]</c> values that may be <c>{ workspace = true }</c>. Each has Cargo's own "expected"
/// wording; <c>version</c> is an untagged enum in Cargo, so errors inside its table are re-wrapped.
/// </summary>
internal static class InheritableDecoder
{
    public static Inheritable<string> String(SchemaReader reader, TomlValue value) => value switch
    {
        TomlString s => Inheritable<string>.Of(s.Value),
        _ when SchemaReader.MapEntries(value) is { } entries => Inherit<string>(reader, entries, value, untagged: false),
        _ => throw reader.TypeError(value, "a string or workspace"),
    };

    public static Inheritable<ImmutableArray<string>> Strings(SchemaReader reader, TomlValue value) => value switch
    {
        TomlArray => Inheritable<ImmutableArray<string>>.Of(reader.Strings(value)),
        _ when SchemaReader.MapEntries(value) is { } entries => Inherit<ImmutableArray<string>>(reader, entries, value, untagged: false),
        _ => throw reader.TypeError(value, "a vector of strings or workspace"),
    };

    public static Inheritable<StringOrBool> StringOrBool(SchemaReader reader, TomlValue value) => value switch
    {
        TomlString s => Inheritable<StringOrBool>.Of(Schema.StringOrBool.Of(s.Value)),
        TomlBoolean b => Inheritable<StringOrBool>.Of(Schema.StringOrBool.Of(b.Value)),
        _ when SchemaReader.MapEntries(value) is { } entries => Inherit<StringOrBool>(reader, entries, value, untagged: false),
        _ => throw reader.TypeError(value, "a string, a bool, or workspace"),
    };

    public static Inheritable<VecStringOrBool> VecStringOrBool(SchemaReader reader, TomlValue value) => value switch
    {
        TomlBoolean b => Inheritable<VecStringOrBool>.Of(Schema.VecStringOrBool.Of(b.Value)),
        TomlArray => Inheritable<VecStringOrBool>.Of(Schema.VecStringOrBool.Of(UntaggedStrings(reader, value))),
        _ when SchemaReader.MapEntries(value) is { } entries => Inherit<VecStringOrBool>(reader, entries, value, untagged: false),
        _ => throw reader.TypeError(value, "a boolean, a vector of strings, or workspace"),
    };

    public static Inheritable<RustVersion> RustVersion(SchemaReader reader, TomlValue value) => value switch
    {
        TomlString s => Inheritable<RustVersion>.Of(ParseRustVersion(reader, s)),
        _ when SchemaReader.MapEntries(value) is { } entries => Inherit<RustVersion>(reader, entries, value, untagged: false),
        _ => throw reader.TypeError(value, "a semver or workspace"),
    };

    public static Inheritable<Version> Version(SchemaReader reader, TomlValue value) => value switch
    {
        TomlString s => Inheritable<Version>.Of(ParseVersion(reader, s, trim: true)),
        _ when SchemaReader.MapEntries(value) is { } entries => Inherit<Version>(reader, entries, value, untagged: true),
        _ => throw reader.TypeError(value, "SemVer version"),
    };

    public static RustVersion ParseRustVersion(SchemaReader reader, TomlString s) =>
        RustVersions.TryParse(s.Value, out var version, out var error) ? version : throw reader.Error(error, s.Span);

    public static Version ParseVersion(SchemaReader reader, TomlString s, bool trim)
    {
        try
        {
            return Semver.Version.Parse(trim ? s.Value.Trim() : s.Value);
        }
        catch (FormatException e)
        {
            throw reader.Error(e.Message, s.Span);
        }
    }

    /// <summary>A list inside an untagged enum (<c>publish</c>, <c>build</c>): element errors point at the whole list.</summary>
    public static ImmutableArray<string> UntaggedStrings(SchemaReader reader, TomlValue value)
    {
        try
        {
            return reader.Strings(value);
        }
        catch (ManifestDecodeException e)
        {
            throw reader.Wrap(e, value, 2, null);
        }
    }

    /// <summary><c>{ workspace = true }</c>; other keys are unused manifest keys.</summary>
    private static Inheritable<T> Inherit<T>(SchemaReader reader, IReadOnlyList<MapEntry> entries, TomlValue value, bool untagged)
    {
        var found = false;
        foreach (var entry in entries)
        {
            if (entry.Key != "workspace")
            {
                reader.Unused(entry.Key);
                continue;
            }

            found = true;
            if (entry.Value is not TomlBoolean b)
            {
                var error = reader.TypeError(entry.Value, "a boolean");
                throw untagged ? reader.Wrap(error, value, 2, "workspace") : SchemaReader.Locate(error, value);
            }

            if (!b.Value)
            {
                var error = reader.Error("`workspace` cannot be false", entry.Value.Span);
                throw untagged ? reader.Wrap(error, value, 1, "workspace") : SchemaReader.Locate(error, value);
            }
        }

        return found ? Inheritable<T>.Inherit() : throw reader.Error("missing field `workspace`", value.Span, DecodeErrorKind.Missing);
    }
}
