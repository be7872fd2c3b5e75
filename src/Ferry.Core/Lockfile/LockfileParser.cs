using System.Collections.Immutable;
using System.Globalization;
using Ferry.Toml;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Lockfile;

/// <summary>
/// Reads Cargo.lock text into an <see cref="EncodableLockfile"/> the way Cargo does it: TOML first,
/// then serde's derived deserialisation of <c>TomlLockfile</c>, then the <c>version</c> check that
/// opens <c>into_resolve</c>.
/// </summary>
/// <remarks>
/// The walk mirrors serde so that the first error reported is the one Cargo reports: keys are
/// visited in file order and unknown keys are ignored; a bad value fails at once, missing fields
/// only after the whole table; structs also accept arrays (serde's positional form, which
/// <c>patch = [[]]</c> happens to use). Error positions follow the toml crate: type errors point at
/// the value, errors raised after a string was read (a bad source URL, a bad dependency string)
/// at the value of the optional field holding it (so a bad <c>dependencies</c> entry points at the
/// whole array), and missing fields at the table (its header, or the key of a dotted table).
/// </remarks>
internal sealed class LockfileParser
{
    private const string DependencyStruct = "struct TomlLockfileDependency";
    private const string PatchStruct = "struct TomlLockfilePatch";

    // A lockfile repeats a handful of source strings thousands of times: validate each once.
    private readonly Dictionary<string, EncodableSourceId> _sources = new(StringComparer.Ordinal);

    private LockfileParser()
    {
    }

    public static EncodableLockfile Parse(string text, string path, LockfileOptions options)
    {
        TomlDocument document;
        try
        {
            document = TomlDocument.Parse(text, TomlParseOptions.Toml11);
        }
        catch (TomlParseException e)
        {
            Exception cause = e.Line > 0
                ? new LocatedException(e.Reason.TrimEnd('\n'), new SourceLocation(path, e.Line, e.Column, e.SourceLine, e.CaretLength))
                : new FerryException(e.Reason.TrimEnd('\n'));
            throw new LockfileParseException(path, cause);
        }

        EncodableLockfile lockfile;
        try
        {
            lockfile = new LockfileParser().ReadDocument(document.Root);
        }
        catch (SchemaError e)
        {
            var snippet = document.GetSnippet(e.Span);
            var location = new SourceLocation(path, snippet.Line, snippet.Column, snippet.LineText, snippet.CaretLength);
            throw new LockfileParseException(path, new LocatedException(e.Message, location));
        }

        if (VersionError(lockfile.Version, options) is { } versionError)
        {
            throw new LockfileParseException(path, new FerryException(versionError));
        }

        return lockfile with { HeaderComments = HeaderComments(text) };
    }

    /// <summary>The first check of cargo's <c>into_resolve</c>: which <c>version = N</c> this Cargo reads.</summary>
    internal static string? VersionError(uint? version, LockfileOptions options) => version switch
    {
        null or 3 or 4 => null,
        5 when options.NightlyFeaturesAllowed => options.NextLockfileBump ? null : "lock file version `5` requires `-Znext-lockfile-bump`",
        _ => $"lock file version `{version.Value.ToString(CultureInfo.InvariantCulture)}` was found, but this version of Cargo does not understand this lock file, perhaps Cargo needs to be updated?",
    };

    /// <summary>The leading <c>#</c> lines, split like Rust's <c>str::lines</c> (a trailing <c>\r</c> is dropped).</summary>
    internal static ImmutableArray<string> HeaderComments(string text)
    {
        var comments = ImmutableArray.CreateBuilder<string>();
        var position = 0;
        while (position < text.Length && text[position] == '#')
        {
            var newline = text.IndexOf('\n', position);
            var end = newline < 0 ? text.Length : newline;
            var line = text[position..end];
            comments.Add(line.EndsWith('\r') ? line[..^1] : line);
            if (newline < 0)
            {
                break;
            }

            position = newline + 1;
        }

        return comments.ToImmutable();
    }

    private EncodableLockfile ReadDocument(TomlTable root)
    {
        var lockfile = new EncodableLockfile();
        foreach (var entry in root.Entries)
        {
            var value = entry.Value;
            switch (entry.Key.Name)
            {
                case "version":
                    lockfile = lockfile with { Version = ReadU32(value) };
                    break;
                case "package":
                    lockfile = lockfile with { Packages = ReadSequence(value, ReadDependency) };
                    break;
                case "root":
                    lockfile = lockfile with { Root = ReadDependency(value) };
                    break;
                case "metadata":
                    lockfile = lockfile with { Metadata = ReadMetadata(value) };
                    break;
                case "patch":
                    lockfile = lockfile with { UnusedPatches = ReadPatch(value) };
                    break;
            }
        }

        return lockfile;
    }

    private EncodableDependency ReadDependency(TomlValue value)
    {
        string? name = null;
        string? version = null;
        EncodableSourceId? source = null;
        string? checksum = null;
        var dependencies = ImmutableArray<EncodablePackageId>.Empty;
        EncodablePackageId? replace = null;

        void Field(int index, TomlValue field)
        {
            switch (index)
            {
                case 0:
                    name = ReadString(field);
                    break;
                case 1:
                    version = ReadString(field);
                    break;
                case 2:
                    source = ReadSource(field);
                    break;
                case 3:
                    checksum = ReadString(field);
                    break;
                case 4:
                    dependencies = ReadSequence(field, element => ReadPackageId(element, field));
                    break;
                default:
                    replace = ReadPackageId(field, field);
                    break;
            }
        }

        switch (value)
        {
            case TomlTable table:
                foreach (var entry in table.Entries)
                {
                    var index = entry.Key.Name switch
                    {
                        "name" => 0,
                        "version" => 1,
                        "source" => 2,
                        "checksum" => 3,
                        "dependencies" => 4,
                        "replace" => 5,
                        _ => -1,
                    };
                    if (index >= 0)
                    {
                        Field(index, entry.Value);
                    }
                }

                if (name is null)
                {
                    throw new SchemaError("missing field `name`", SpanOf(table));
                }

                if (version is null)
                {
                    throw new SchemaError("missing field `version`", SpanOf(table));
                }

                break;
            case TomlArray or TomlArrayOfTables:
                ReadPositional(value, 6, DependencyStruct, Field);
                break;
            default:
                throw Type(value, DependencyStruct);
        }

        return new EncodableDependency(name!, version!, source, checksum, dependencies, replace);
    }

    private ImmutableArray<EncodableDependency> ReadPatch(TomlValue value)
    {
        var unused = ImmutableArray<EncodableDependency>.Empty;
        switch (value)
        {
            case TomlTable table:
                var found = false;
                foreach (var entry in table.Entries)
                {
                    if (entry.Key.Name == "unused")
                    {
                        unused = ReadSequence(entry.Value, ReadDependency);
                        found = true;
                    }
                }

                if (!found)
                {
                    throw new SchemaError("missing field `unused`", SpanOf(table));
                }

                return unused;
            case TomlArray or TomlArrayOfTables:
                ReadPositional(value, 1, PatchStruct, (_, field) => unused = ReadSequence(field, ReadDependency));
                return unused;
            default:
                throw Type(value, PatchStruct);
        }
    }

    /// <summary>serde's <c>visit_seq</c> for a struct: fields in declaration order; extra elements are ignored.</summary>
    private static void ReadPositional(TomlValue value, int fields, string expected, Action<int, TomlValue> field)
    {
        var elements = Elements(value);
        for (var i = 0; i < fields; i++)
        {
            if (i >= elements.Count)
            {
                var plural = fields == 1 ? "element" : "elements";
                throw new SchemaError($"invalid length {i}, expected {expected} with {fields} {plural}", SpanOf(value));
            }

            field(i, elements[i]);
        }
    }

    private static ImmutableSortedDictionary<string, string> ReadMetadata(TomlValue value)
    {
        if (value is not TomlTable table)
        {
            throw Type(value, "a map");
        }

        var metadata = EncodableLockfile.EmptyMetadata.ToBuilder();
        foreach (var entry in table.Entries)
        {
            metadata[entry.Key.Name] = ReadString(entry.Value);
        }

        return metadata.ToImmutable();
    }

    private ImmutableArray<T> ReadSequence<T>(TomlValue value, Func<TomlValue, T> element)
    {
        if (value is not (TomlArray or TomlArrayOfTables))
        {
            throw Type(value, "a sequence");
        }

        var elements = Elements(value);
        var result = ImmutableArray.CreateBuilder<T>(elements.Count);
        foreach (var item in elements)
        {
            result.Add(element(item));
        }

        return result.MoveToImmutable();
    }

    private static IReadOnlyList<TomlValue> Elements(TomlValue value) => value switch
    {
        TomlArray array => array,
        TomlArrayOfTables tables => tables,
        _ => [],
    };

    private EncodableSourceId ReadSource(TomlValue value)
    {
        var text = ReadString(value);
        if (_sources.TryGetValue(text, out var known))
        {
            return known;
        }

        if (!EncodableSourceId.TryParse(text, out var source, out var error))
        {
            throw new SchemaError(error, SpanOf(value));
        }

        _sources.Add(text, source);
        return source;
    }

    /// <param name="holder">The value of the optional field being read: where toml places errors raised after the string was read.</param>
    private EncodablePackageId ReadPackageId(TomlValue value, TomlValue holder)
    {
        var text = ReadString(value);
        return EncodablePackageId.TryParse(text, _sources, out var id, out var error) ? id : throw new SchemaError(error, SpanOf(holder));
    }

    private static string ReadString(TomlValue value) =>
        value is TomlString s ? s.Value : throw Type(value, "a string");

    private static uint ReadU32(TomlValue value)
    {
        if (value is not TomlInteger integer)
        {
            throw Type(value, "u32");
        }

        if (integer.Value is < 0 or > uint.MaxValue)
        {
            throw new SchemaError($"invalid value: integer `{integer.Value.ToString(CultureInfo.InvariantCulture)}`, expected u32", SpanOf(value));
        }

        return (uint)integer.Value;
    }

    private static SchemaError Type(TomlValue value, string expected) =>
        new($"invalid type: {SerdeText.Unexpected(value)}, expected {expected}", SpanOf(value));

    private static TomlSpan SpanOf(TomlValue value) => value.Span ?? default;

    /// <summary>A schema violation at a position; turned into a <see cref="LocatedException"/> once the document is known.</summary>
    private sealed class SchemaError(string message, TomlSpan span) : Exception(message)
    {
        public TomlSpan Span { get; } = span;
    }
}
