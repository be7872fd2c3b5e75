using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Semver;

namespace Ferry.Tests.Resolver.Features;

/// <summary>
/// Hand-built resolves for feature resolver unit tests: packages (one version each) with their
/// features and dependencies, written compactly; <see cref="Build"/> links every declaration to
/// the package of that name, as the dependency resolver would.
/// </summary>
internal sealed class ResolveBuilder
{
    public static readonly SourceId Source = SourceId.ForRegistry(Ferry.Core.Urls.Url.Parse("https://example.com/index"));

    private readonly Dictionary<string, Summary> _packages = new(StringComparer.Ordinal);

    /// <summary>Adds a package; features are written <c>"name = a, b/c, dep:d"</c>.</summary>
    public PackageId Add(string name, string[]? features = null, params Dependency[] deps)
    {
        var list = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        foreach (var line in features ?? [])
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            var values = line[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            list.Add(new(line[..eq].Trim(), values));
        }

        var depList = deps.ToImmutableArray();
        var summary = new Summary
        {
            PackageId = new PackageId(name, Ferry.Semver.Version.Parse("1.0.0"), Source),
            Dependencies = depList,
            Features = FeatureMapBuilder.Build(list, depList),
        };
        _packages[name] = summary;
        return summary.PackageId;
    }

    public static Dependency Dep(
        string name,
        DependencyKind kind = DependencyKind.Normal,
        bool optional = false,
        string[]? features = null,
        bool defaultFeatures = true,
        string? rename = null,
        string? platform = null) => new()
        {
            PackageName = name,
            Source = Source,
            Req = VersionReq.Star,
            Kind = kind,
            Optional = optional,
            Features = features is null ? [] : [.. features],
            DefaultFeatures = defaultFeatures,
            ExplicitNameInToml = rename,
            Platform = platform is null ? null : Ferry.Platform.Platform.Parse(platform),
        };

    public Summary this[string name] => _packages[name];

    public Resolve Build()
    {
        var graph = ImmutableDictionary.CreateBuilder<PackageId, ImmutableArray<ResolvedEdge>>();
        foreach (var summary in _packages.Values)
        {
            graph[summary.PackageId] = [.. summary.Dependencies
                .GroupBy(d => d.PackageName)
                .Select(g => new ResolvedEdge(_packages[g.Key].PackageId, [.. g]))
                .OrderBy(e => e.Target)];
        }

        return new Resolve(
            graph.ToImmutable(),
            ImmutableDictionary<PackageId, PackageId>.Empty,
            ImmutableDictionary<PackageId, ImmutableArray<string>>.Empty,
            ImmutableDictionary<PackageId, string?>.Empty,
            ImmutableSortedDictionary<string, string>.Empty,
            [],
            ResolveVersion.V4,
            _packages.Values.ToImmutableDictionary(s => s.PackageId));
    }
}
