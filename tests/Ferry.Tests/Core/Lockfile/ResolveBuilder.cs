using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Core.Urls;

namespace Ferry.Tests.Core.Lockfile;

/// <summary>Builds <see cref="Resolve"/>s by hand for encoding tests.</summary>
internal sealed class ResolveBuilder
{
    public const string Sha = "0123456789abcdef0123456789abcdef01234567";

    private readonly Dictionary<PackageId, List<PackageId>> _graph = [];
    private readonly Dictionary<PackageId, PackageId> _replacements = [];
    private readonly Dictionary<PackageId, string?> _checksums = [];
    private readonly SortedDictionary<string, string> _metadata = new(StringComparer.Ordinal);
    private readonly List<PackageId> _unused = [];

    public static PackageId Path(string name, string version, string directory) =>
        new(name, Ferry.Semver.Version.Parse(version), SourceId.ForPath(directory));

    public static PackageId FromRegistry(string name, string version) =>
        new(name, Ferry.Semver.Version.Parse(version), SourceId.CratesIo);

    public static PackageId Git(string name, string version, string url, GitReference reference) =>
        new(name, Ferry.Semver.Version.Parse(version), SourceId.ForGit(Url.Parse(url), reference).WithPrecise(Sha));

    /// <summary>A registry checksum made from the package name, so expected texts stay readable.</summary>
    public static string ChecksumOf(PackageId id) => $"{id.Name}-{id.Version}-checksum";

    public ResolveBuilder Add(PackageId id, params PackageId[] dependencies)
    {
        _graph[id] = [.. dependencies];
        if (id.Source.IsRegistry)
        {
            _checksums[id] = ChecksumOf(id);
        }
        else if (id.Source.IsGit)
        {
            _checksums[id] = null;
        }

        return this;
    }

    public ResolveBuilder Replace(PackageId original, PackageId replacement)
    {
        _replacements[original] = replacement;
        return this;
    }

    public ResolveBuilder Unused(PackageId id, string? checksum = null)
    {
        _unused.Add(id);
        if (checksum is not null)
        {
            _checksums[id] = checksum;
        }

        return this;
    }

    public ResolveBuilder Metadata(string key, string value)
    {
        _metadata[key] = value;
        return this;
    }

    public Resolve Build(ResolveVersion version) => new(
        _graph.ToImmutableDictionary(p => p.Key, p => p.Value.Order().Select(t => new ResolvedEdge(t, [])).ToImmutableArray()),
        _replacements.ToImmutableDictionary(),
        ImmutableDictionary<PackageId, ImmutableArray<string>>.Empty,
        _checksums.ToImmutableDictionary(),
        _metadata.ToImmutableSortedDictionary(StringComparer.Ordinal),
        [.. _unused],
        version,
        ImmutableDictionary<PackageId, Summary>.Empty);
}
