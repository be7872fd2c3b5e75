using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Semver;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Lockfile;

/// <summary>
/// Cargo's <c>into_resolve</c>: the lockfile model, read against the workspace, becomes a
/// <see cref="Resolve"/> whose edges point at package ids. The result is deliberately incomplete —
/// edges carry no dependency declarations and there are no features or summaries — it is the
/// "previous" resolve that guides the resolver, which fills those in.
/// </summary>
/// <remarks>
/// Cargo's leniency is kept on purpose, because it decides what a later re-resolve keeps: a
/// sourceless entry the workspace no longer has is dropped (and so are edges to it), a dependency
/// string that names nothing (or is ambiguous, e.g. after a bad merge) is dropped, V1
/// <c>"checksum ..."</c> metadata is moved into the checksums (and all checksums are discarded when
/// a file has both forms). Files without <c>version</c> start as V1 and become V2 as soon as
/// something only V2 writes is seen: an inline checksum, a dependency without version, or a
/// dependency without source resolved by uniqueness; and a V1-looking file with a single package
/// and exactly one trailing newline is V2 too (what <c>cargo new</c> + build wrote).
/// </remarks>
internal sealed class LockfileDecoder
{
    private const string ChecksumPrefix = "checksum ";

    private readonly ILockfileContext _context;

    // The few distinct sources of a lockfile, converted once.
    private readonly Dictionary<EncodableSourceId, SourceId> _sources = [];
    private ResolveVersion _version;

    // name -> version text -> source -> id (cargo's lookup map for shortened dependency strings).
    private readonly Dictionary<string, Dictionary<string, Dictionary<SourceId, PackageId>>> _map = new(StringComparer.Ordinal);

    private LockfileDecoder(ILockfileContext context, ResolveVersion version)
    {
        _context = context;
        _version = version;
    }

    /// <exception cref="FerryException">On an unusable entry (a duplicate package, a bad version); callers add the file context.</exception>
    public static Resolve Decode(EncodableLockfile lockfile, string original, ILockfileContext context, LockfileOptions options)
    {
        if (LockfileParser.VersionError(lockfile.Version, options) is { } versionError)
        {
            throw new FerryException(versionError);
        }

        var version = lockfile.Version switch
        {
            5 => ResolveVersion.V5,
            4 => ResolveVersion.V4,
            3 => ResolveVersion.V3,
            _ => ResolveVersion.V1,
        };
        return new LockfileDecoder(context, version).Decode(lockfile, original);
    }

    private Resolve Decode(EncodableLockfile lockfile, string original)
    {
        var packages = lockfile.Root is { } root ? lockfile.Packages.Insert(0, root) : lockfile.Packages;
        var checksums = new Dictionary<PackageId, string?>();

        // Packages that still exist, with the ids their entries stand for.
        var live = new List<(EncodableDependency Entry, PackageId Id)>(packages.Length);
        var seen = new HashSet<(string, string, EncodableSourceId?)>();
        foreach (var package in packages)
        {
            if (!seen.Add((package.Name, package.Version, package.Source)))
            {
                throw new FerryException($"package `{package.Name}` is specified twice in the lockfile");
            }

            var source = SourceFor(package);
            if (source is null)
            {
                continue;
            }

            var id = new PackageId(package.Name, ParseVersion(package.Version), source);
            if (package.Checksum is not null)
            {
                _version = Max(_version, ResolveVersion.V2);
                checksums[id] = package.Checksum;
            }

            live.Add((package, id));
        }

        foreach (var (_, id) in live)
        {
            var versions = GetOrAdd(_map, id.Name, () => new Dictionary<string, Dictionary<SourceId, PackageId>>(StringComparer.Ordinal));
            var sources = GetOrAdd(versions, id.Version.ToString(), () => []);
            sources[id.Source] = id;
        }

        var graph = new Dictionary<PackageId, SortedSet<PackageId>>();
        foreach (var (_, id) in live)
        {
            graph.TryAdd(id, []);
        }

        foreach (var (entry, id) in live)
        {
            foreach (var dependency in entry.Dependencies)
            {
                if (Lookup(dependency) is { } target)
                {
                    graph[id].Add(target);
                }
            }
        }

        var replacements = ImmutableDictionary.CreateBuilder<PackageId, PackageId>();
        foreach (var (entry, id) in live)
        {
            if (entry.Replace is { } replace && Lookup(replace) is { } target)
            {
                replacements[id] = target;
            }
        }

        var metadata = EncodableLockfile.EmptyMetadata.ToBuilder();
        var sawChecksumKeys = false;
        foreach (var (key, value) in lockfile.Metadata)
        {
            if (!key.StartsWith(ChecksumPrefix, StringComparison.Ordinal))
            {
                metadata[key] = value;
                continue;
            }

            sawChecksumKeys = true;
            if (!EncodablePackageId.TryParse(key[ChecksumPrefix.Length..], out var encoded, out var error))
            {
                throw new FerryException("invalid encoding of checksum in lockfile", new FerryException(error));
            }

            if (Lookup(encoded) is { } target)
            {
                checksums[target] = value == "<none>" ? null : value;
            }
        }

        // Both forms in one file means a bad merge: drop them all and let them be recomputed.
        if (sawChecksumKeys && _version >= ResolveVersion.V2)
        {
            checksums.Clear();
        }

        var unused = ImmutableArray.CreateBuilder<PackageId>();
        foreach (var patch in lockfile.UnusedPatches)
        {
            if (SourceFor(patch) is { } source)
            {
                unused.Add(new PackageId(patch.Name, ParseVersion(patch.Version), source));
            }
        }

        if (original.EndsWith('\n') && !original.EndsWith("\n\n", StringComparison.Ordinal)
            && _version == ResolveVersion.V1 && graph.Count == 1)
        {
            _version = ResolveVersion.V2;
        }

        var edges = ImmutableDictionary.CreateBuilder<PackageId, ImmutableArray<ResolvedEdge>>();
        foreach (var (id, targets) in graph)
        {
            edges[id] = [.. targets.Select(t => new ResolvedEdge(t, []))];
        }

        return new Resolve(
            edges.ToImmutable(),
            replacements.ToImmutable(),
            ImmutableDictionary<PackageId, ImmutableArray<string>>.Empty,
            checksums.ToImmutableDictionary(),
            metadata.ToImmutable(),
            unused.ToImmutable(),
            _version,
            ImmutableDictionary<PackageId, Summary>.Empty);
    }

    private SourceId? SourceFor(EncodableDependency package) =>
        package.Source is { } source ? Source(source) : _context.PathSource(package.Name, package.Version);

    private SourceId Source(EncodableSourceId encoded)
    {
        if (!_sources.TryGetValue(encoded, out var source))
        {
            source = _context.Intern(encoded.ToSourceId());
            _sources.Add(encoded, source);
        }

        return source;
    }

    /// <summary>Cargo's <c>lookup_id</c>: finds the package a possibly shortened reference means, or nothing.</summary>
    private PackageId? Lookup(EncodablePackageId reference)
    {
        if (!_map.TryGetValue(reference.Name, out var versions))
        {
            return null;
        }

        Dictionary<SourceId, PackageId>? sources;
        if (reference.Version is { } version)
        {
            if (!versions.TryGetValue(version, out sources))
            {
                return null;
            }
        }
        else
        {
            _version = Max(_version, ResolveVersion.V2);
            if (versions.Count != 1)
            {
                return null;
            }

            sources = versions.Values.First();
        }

        if (reference.Source is { } encoded)
        {
            return sources.TryGetValue(Source(encoded), out var id) ? id : null;
        }

        // Path packages never have a source written, so a single path package is the one meant.
        PackageId? path = null;
        foreach (var candidate in sources.Values)
        {
            if (candidate.Source.IsPath)
            {
                if (path is not null)
                {
                    return null;
                }

                path = candidate;
            }
        }

        if (path is not null)
        {
            return path;
        }

        if (sources.Count == 1)
        {
            _version = Max(_version, ResolveVersion.V2);
            return sources.Values.First();
        }

        return null;
    }

    private static Version ParseVersion(string text)
    {
        try
        {
            return Version.Parse(text);
        }
        catch (SemverParseException e)
        {
            throw new FerryException(e.Message);
        }
    }

    private static ResolveVersion Max(ResolveVersion a, ResolveVersion b) => a >= b ? a : b;

    private static TValue GetOrAdd<TKey, TValue>(Dictionary<TKey, TValue> dictionary, TKey key, Func<TValue> create)
        where TKey : notnull
    {
        if (!dictionary.TryGetValue(key, out var value))
        {
            value = create();
            dictionary.Add(key, value);
        }

        return value;
    }
}
