using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Ferry.Core.Archive;

/// <summary>
/// The rules every entry name must satisfy, and the tree the entries build up. Names are
/// checked as bytes and then as text, from the most basic rule to the most specific, so the
/// error names the actual trick: an absolute path is reported as absolute, not as "outside the
/// package", and <c>foo-1.0.0/../x</c> as a <c>..</c> component even though it starts with the
/// package directory (which is all Cargo's own prefix check looks at).
/// </summary>
/// <remarks>
/// Case: exact duplicates, and a directory given both with and without a trailing slash, are
/// rejected here. Names that differ only in case (or Unicode normalisation) are legal in a crate
/// built on Linux and are accepted by these rules; on a case-insensitive file system they are
/// caught at extraction instead, because every file is created with <see cref="FileMode.CreateNew"/>
/// and a collision is an error rather than an overwrite. The marker names are compared
/// case-insensitively so no spelling of them can shadow a marker on such a file system.
/// </remarks>
internal sealed class CrateEntryPolicy
{
    private readonly string _root;
    private readonly CrateArchiveLimits _limits;
    private readonly Dictionary<string, CrateEntryKind> _tree = new(StringComparer.Ordinal) { [""] = CrateEntryKind.Directory };
    private readonly HashSet<string> _explicitDirectories = new(StringComparer.Ordinal);

    public CrateEntryPolicy(string root, CrateArchiveLimits limits)
    {
        _root = root;
        _limits = limits;
    }

    /// <summary>Checks <paramref name="entry"/> and records it; returns its path relative to the package directory.</summary>
    public string Admit(TarEntry entry, CrateEntryKind kind) => Admit(entry.Name, entry.Header.Offset, kind);

    /// <summary>Checks the name <paramref name="raw"/> of an entry whose header is at <paramref name="offset"/>.</summary>
    public string Admit(byte[] raw, long offset, CrateEntryKind kind)
    {
        if (raw.Length == 0)
        {
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"the entry at byte {offset} has an empty name"));
        }

        // Only failing entries need their name quoted for a message.
        var shown = new Lazy<string>(() => ArchiveText.Quote(raw), LazyThreadSafetyMode.None);
        if (raw.Length > _limits.MaxPathBytes)
        {
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"entry {shown.Value} is {raw.Length} bytes long, more than the limit of {_limits.MaxPathBytes}"));
        }

        if (!Utf8.IsValid(raw))
        {
            throw Fail($"entry {shown.Value} has a name that is not valid UTF-8");
        }

        var name = Encoding.UTF8.GetString(raw);
        if (name.AsSpan().IndexOfAnyInRange('\0', '\u001F') >= 0 || name.AsSpan().IndexOfAnyInRange('\u007F', '\u009F') >= 0)
        {
            throw Fail($"entry {shown.Value} has a control character in its name");
        }

        if (name[0] == '/')
        {
            throw Fail($"entry {shown.Value} has an absolute path");
        }

        if (name.Contains('\\', StringComparison.Ordinal))
        {
            throw Fail($"entry {shown.Value} contains a backslash, which Windows reads as a path separator");
        }

        if (name.Contains(':', StringComparison.Ordinal))
        {
            throw Fail($"entry {shown.Value} contains a `:`, which Windows reads as a drive or stream separator");
        }

        var path = name;
        if (path.EndsWith('/'))
        {
            if (kind == CrateEntryKind.File)
            {
                throw Fail($"entry {shown.Value} is a regular file but its name ends with `/`");
            }

            path = path[..^1];
        }

        var components = path.Split('/');
        foreach (var component in components)
        {
            var problem = component switch
            {
                "" => "an empty path component",
                "." => "a `.` component",
                ".." => "a `..` component",
                _ => null,
            };
            if (problem is not null)
            {
                throw Fail($"entry {shown.Value} has {problem}");
            }
        }

        if (components[0] != _root)
        {
            throw Fail($"entry {shown.Value} isn't under {ArchiveText.Quote(_root)}");
        }

        if (components.Length == 1 && kind == CrateEntryKind.File)
        {
            throw Fail($"entry {shown.Value} is a file in place of the package directory");
        }

        if (components.Length == 2 && CrateMarkers.Reserved.Contains(components[1], StringComparer.OrdinalIgnoreCase))
        {
            throw Fail($"entry {shown.Value} uses a name reserved for extraction markers ({string.Join(", ", CrateMarkers.Reserved)})");
        }

        var relative = path.Length == _root.Length ? string.Empty : path[(_root.Length + 1)..];
        Record(relative, kind, shown);
        return relative;
    }

    private static CrateArchiveException Fail(string message) => new("invalid tarball: " + message);

    private void Record(string relative, CrateEntryKind kind, Lazy<string> shown)
    {
        for (var slash = relative.IndexOf('/'); slash >= 0; slash = relative.IndexOf('/', slash + 1))
        {
            var ancestor = relative[..slash];
            if (_tree.TryGetValue(ancestor, out var existing) && existing == CrateEntryKind.File)
            {
                throw Fail($"entry {shown.Value} is inside {Full(ancestor)}, which an earlier entry made a file");
            }
        }

        if (_tree.TryGetValue(relative, out var previous))
        {
            if (previous != kind)
            {
                var (now, before) = kind == CrateEntryKind.File ? ("a file", "a directory") : ("a directory", "a file");
                throw Fail($"entry {shown.Value} is {now}, but an earlier entry made {Full(relative)} {before}");
            }

            // A directory seen only as the parent of earlier entries may still get its own entry.
            if (kind == CrateEntryKind.File || !_explicitDirectories.Add(relative))
            {
                throw Fail($"entry {shown.Value} appears more than once");
            }
        }
        else if (kind == CrateEntryKind.Directory)
        {
            _explicitDirectories.Add(relative);
        }

        for (var slash = relative.IndexOf('/'); slash >= 0; slash = relative.IndexOf('/', slash + 1))
        {
            _tree.TryAdd(relative[..slash], CrateEntryKind.Directory);
        }

        _tree[relative] = kind;
    }

    private string Full(string relative) => ArchiveText.Quote(relative.Length == 0 ? _root : _root + "/" + relative);
}
