using System.Text.Json;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Semver;

namespace Ferry.Core.Registry;

/// <summary>
/// One crate's index file (all its published versions, one JSON line each). Lines are split and
/// their versions read up front, but a line is parsed fully only when the resolver asks for a
/// version its requirement matches: popular crates have hundreds of versions and most are never
/// looked at, which is where Cargo saves its time too.
/// </summary>
public sealed class IndexFile
{
    private readonly byte[] _bytes;
    private readonly SourceId _source;
    private readonly List<Entry> _entries;
    private int[]? _newestFirst;

    private IndexFile(byte[] bytes, SourceId source, List<Entry> entries)
    {
        _bytes = bytes;
        _source = source;
        _entries = entries;
    }

    public int Count => _entries.Count;

    /// <summary>Splits the file into lines and reads each line's version; lines without one are skipped, as Cargo does.</summary>
    public static IndexFile Parse(byte[] bytes, SourceId source) => Parse(bytes, 0, source);

    /// <summary>The same for a file that starts at <paramref name="offset"/> in <paramref name="bytes"/> (a cache file's body).</summary>
    public static IndexFile Parse(byte[] bytes, int offset, SourceId source)
    {
        var entries = new List<Entry>();
        var span = bytes.AsSpan();
        var start = offset;
        while (start < span.Length)
        {
            var newline = span[start..].IndexOf((byte)'\n');
            var end = newline < 0 ? span.Length : start + newline;
            var line = span[start..end];
            if (line.Length > 0 && line[^1] == '\r')
            {
                line = line[..^1];
            }

            if (!line.IsEmpty && TryReadVersion(line) is { } version)
            {
                entries.Add(new Entry(start, line.Length, version));
            }

            start = end + 1;
        }

        return new IndexFile(bytes, source, entries);
    }

    public IEnumerable<Version> Versions
    {
        get
        {
            foreach (var entry in _entries)
            {
                yield return entry.Version;
            }
        }
    }

    /// <summary>Every version whose number satisfies <paramref name="matches"/>, parsed on demand (and cached).</summary>
    public List<IndexSummary> Matching(Func<Version, bool> matches)
    {
        var result = new List<IndexSummary>();
        for (var i = 0; i < _entries.Count; i++)
        {
            if (matches(_entries[i].Version) && ParsedAt(i) is { } parsed)
            {
                result.Add(parsed);
            }
        }

        return result;
    }

    /// <summary>
    /// The versions <paramref name="matches"/> accepts, newest first, each parsed only when the
    /// caller gets to it: a question such as "the newest compatible version that is not yanked"
    /// usually stops after one or two lines instead of parsing the crate's whole history.
    /// </summary>
    public IEnumerable<IndexSummary> NewestFirst(Func<Version, bool> matches)
    {
        _newestFirst ??= [.. Enumerable.Range(0, _entries.Count).OrderByDescending(i => _entries[i].Version)];
        foreach (var i in _newestFirst)
        {
            if (matches(_entries[i].Version) && ParsedAt(i) is { } parsed)
            {
                yield return parsed;
            }
        }
    }

    private IndexSummary? ParsedAt(int i)
    {
        var entry = _entries[i];
        if (entry.Parsed is null)
        {
            try
            {
                entry.Parsed = IndexLineParser.Parse(_bytes.AsSpan(entry.Start, entry.Length), _source);
            }
            catch (Util.Diagnostics.FerryException)
            {
                return null;
            }

            _entries[i] = entry;
        }

        return entry.Parsed;
    }

    private static Version? TryReadVersion(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isVers = reader.ValueTextEquals("vers"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isVers)
                {
                    return Version.TryParse(reader.GetString(), out var version) ? version : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    private struct Entry
    {
        public Entry(int start, int length, Version version)
        {
            Start = start;
            Length = length;
            Version = version;
            Parsed = null;
        }

        public int Start { get; }

        public int Length { get; }

        public Version Version { get; }

        public IndexSummary? Parsed { get; set; }
    }
}
