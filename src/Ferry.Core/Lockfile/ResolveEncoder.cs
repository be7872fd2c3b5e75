using System.Collections.Immutable;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;

namespace Ferry.Core.Lockfile;

/// <summary>
/// Turns a <see cref="Resolve"/> into the lockfile model (cargo's <c>Serialize for Resolve</c> and
/// <c>encodable_package_id</c>): packages sorted by id; each dependency written as briefly as the
/// whole lockfile allows (V2+: just the name when one version of that name is locked, name and
/// version when one package has that version, else with the source; V1 always in full); checksums
/// inline from V2, under <c>[metadata]</c> in V1; a replaced package lists its <c>replace</c> instead
/// of dependencies.
/// </summary>
/// <remarks>
/// Two quirks are kept because they are what Cargo writes: V1/V2 references to a git source on
/// <c>branch = "master"</c> drop the branch (the old formats could not tell it from the default
/// branch), while the package's own <c>source</c> line keeps it; and dependency lists sort by the
/// version *string*, so <c>0.10.0</c> comes before <c>0.9.0</c> (packages themselves sort by semver).
/// </remarks>
internal sealed class ResolveEncoder
{
    private readonly Resolve _resolve;
    private readonly ResolveVersion _format;

    // name -> version -> number of packages; null in V1, which always writes ids in full.
    private readonly Dictionary<string, Dictionary<Version, int>>? _counts;

    // Sources as a package's own `source` line and as a reference, per source and locked commit.
    private readonly Dictionary<(SourceId, string?), EncodableSourceId?> _ownSources = [];
    private readonly Dictionary<(SourceId, string?), EncodableSourceId?> _referenceSources = [];

    private ResolveEncoder(Resolve resolve)
    {
        _resolve = resolve;
        _format = resolve.Version;
        if (_format >= ResolveVersion.V2)
        {
            _counts = new Dictionary<string, Dictionary<Version, int>>(StringComparer.Ordinal);
            foreach (var id in resolve.Packages)
            {
                if (!_counts.TryGetValue(id.Name, out var versions))
                {
                    versions = [];
                    _counts.Add(id.Name, versions);
                }

                versions[id.Version] = versions.GetValueOrDefault(id.Version) + 1;
            }
        }
    }

    public static EncodableLockfile Encode(Resolve resolve) => new ResolveEncoder(resolve).Encode();

    private EncodableLockfile Encode()
    {
        var ids = _resolve.Packages.ToArray();
        Array.Sort(ids);

        var packages = ImmutableArray.CreateBuilder<EncodableDependency>(ids.Length);
        foreach (var id in ids)
        {
            packages.Add(Node(id));
        }

        var metadata = EncodableLockfile.EmptyMetadata.ToBuilder();
        foreach (var (key, value) in _resolve.Metadata)
        {
            metadata[key] = value;
        }

        if (_format == ResolveVersion.V1)
        {
            foreach (var id in ids)
            {
                if (id.Source.IsPath)
                {
                    continue;
                }

                // Cargo records every non-path package here; `<none>` marks one without a checksum (git).
                var checksum = _resolve.Checksums.GetValueOrDefault(id) ?? "<none>";
                metadata["checksum " + PackageIdFor(id)] = checksum;
            }
        }

        var unused = ImmutableArray.CreateBuilder<EncodableDependency>(_resolve.UnusedPatches.Length);
        foreach (var id in _resolve.UnusedPatches)
        {
            unused.Add(new EncodableDependency(
                id.Name,
                id.Version.ToString(),
                OwnSource(id.Source),
                _format >= ResolveVersion.V2 ? _resolve.Checksums.GetValueOrDefault(id) : null));
        }

        return new EncodableLockfile
        {
            Version = _format switch
            {
                ResolveVersion.V5 => 5,
                ResolveVersion.V4 => 4,
                ResolveVersion.V3 => 3,
                _ => null,
            },
            Packages = packages.MoveToImmutable(),
            Metadata = metadata.ToImmutable(),
            UnusedPatches = unused.MoveToImmutable(),
        };
    }

    private EncodableDependency Node(PackageId id)
    {
        EncodablePackageId? replace = null;
        var dependencies = ImmutableArray<EncodablePackageId>.Empty;
        if (_resolve.Replacements.TryGetValue(id, out var replacement))
        {
            replace = PackageIdFor(replacement);
        }
        else
        {
            var edges = _resolve.Dependencies(id);
            var encoded = new EncodablePackageId[edges.Length];
            for (var i = 0; i < edges.Length; i++)
            {
                encoded[i] = PackageIdFor(edges[i].Target);
            }

            Array.Sort(encoded);
            dependencies = ImmutableArray.Create(encoded);
        }

        return new EncodableDependency(
            id.Name,
            id.Version.ToString(),
            OwnSource(id.Source),
            _format >= ResolveVersion.V2 ? _resolve.Checksums.GetValueOrDefault(id) : null,
            dependencies,
            replace);
    }

    /// <summary>Cargo's <c>encodable_package_id</c>.</summary>
    private EncodablePackageId PackageIdFor(PackageId id)
    {
        string? version = id.Version.ToString();
        var encodedSource = ReferenceSource(id.Source);
        if (_counts is not null
            && _counts.TryGetValue(id.Name, out var versions)
            && versions.GetValueOrDefault(id.Version) == 1)
        {
            encodedSource = null;
            if (versions.Count == 1)
            {
                version = null;
            }
        }

        return new EncodablePackageId(id.Name, version, encodedSource);
    }

    private EncodableSourceId? OwnSource(SourceId source)
    {
        if (!_ownSources.TryGetValue((source, source.Precise), out var encoded))
        {
            encoded = EncodableSourceId.From(source, _format);
            _ownSources.Add((source, source.Precise), encoded);
        }

        return encoded;
    }

    /// <summary>A source as written inside a package reference: without the locked commit.</summary>
    private EncodableSourceId? ReferenceSource(SourceId source)
    {
        if (_referenceSources.TryGetValue((source, source.Precise), out var encoded))
        {
            return encoded;
        }

        var reference = source;
        if (_format <= ResolveVersion.V2 && source.Git is { Kind: GitReferenceKind.Branch, Value: "master" })
        {
            reference = SourceId.ForGit(source.Url, GitReference.DefaultBranch);
        }

        encoded = EncodableSourceId.From(reference.Precise is null ? reference : reference.WithPrecise(null), _format);
        _referenceSources.Add((source, source.Precise), encoded);
        return encoded;
    }
}
