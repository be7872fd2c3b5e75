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
    private readonly CrateTreeNode _tree = new(CrateEntryKind.Directory, isExplicit: false);
    private int _nodes;

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

        // Walk components as spans: a hostile name may have thousands of them.
        var span = path.AsSpan();
        var count = 0;
        foreach (var range in span.Split('/'))
        {
            var problem = span[range] switch
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

            count++;
        }

        var firstSlash = span.IndexOf('/');
        if (!(firstSlash < 0 ? span : span[..firstSlash]).SequenceEqual(_root))
        {
            throw Fail($"entry {shown.Value} isn't under {ArchiveText.Quote(_root)}");
        }

        if (count == 1 && kind == CrateEntryKind.File)
        {
            throw Fail($"entry {shown.Value} is a file in place of the package directory");
        }

        var relative = count == 1 ? string.Empty : path[(firstSlash + 1)..];
        if (count == 2 && CrateMarkers.Reserved.Contains(relative, StringComparer.OrdinalIgnoreCase))
        {
            throw Fail($"entry {shown.Value} uses a name reserved for extraction markers ({string.Join(", ", CrateMarkers.Reserved)})");
        }

        Record(path, kind, shown);
        return relative;
    }

    private static CrateArchiveException Fail(string message) => new("invalid tarball: " + message);

    private void Record(string path, CrateEntryKind kind, Lazy<string> shown)
    {
        // The first component is the package directory, the root of the tree.
        var node = _tree;
        var start = path.IndexOf('/') + 1;
        if (start == 0)
        {
            // The package directory's own entry (a file there was refused by the caller).
            if (_tree.IsExplicit)
            {
                throw Fail($"entry {shown.Value} appears more than once");
            }

            _tree.IsExplicit = true;
            return;
        }

        for (var end = path.IndexOf('/', start); end >= 0; start = end + 1, end = path.IndexOf('/', start))
        {
            var component = path.AsSpan(start, end - start);
            var child = node.Child(component);
            if (child is null)
            {
                child = node.Add(component, CrateEntryKind.Directory, isExplicit: false);
                CountNode();
            }
            else if (child.Kind == CrateEntryKind.File)
            {
                throw Fail($"entry {shown.Value} is inside {ArchiveText.Quote(path[..end])}, which an earlier entry made a file");
            }

            node = child;
        }

        var name = path.AsSpan(start);
        var existing = node.Child(name);
        if (existing is null)
        {
            node.Add(name, kind, isExplicit: true);
            CountNode();
            return;
        }

        if (existing.Kind != kind)
        {
            var (now, before) = kind == CrateEntryKind.File ? ("a file", "a directory") : ("a directory", "a file");
            throw Fail($"entry {shown.Value} is {now}, but an earlier entry made {ArchiveText.Quote(path)} {before}");
        }

        // A directory seen only as the parent of earlier entries may still get its own entry.
        if (kind == CrateEntryKind.File || existing.IsExplicit)
        {
            throw Fail($"entry {shown.Value} appears more than once");
        }

        existing.IsExplicit = true;
    }

    /// <summary>
    /// Directories implied by paths count against the entry cap too: they cost a directory on
    /// disk each, and without this an archive of deep, disjoint paths could demand millions.
    /// </summary>
    private void CountNode()
    {
        if (++_nodes > _limits.MaxEntries)
        {
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"the archive's paths make more than {_limits.MaxEntries} files and directories"));
        }
    }
}
