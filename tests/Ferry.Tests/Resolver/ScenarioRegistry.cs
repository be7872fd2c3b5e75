using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Semver;

namespace Ferry.Tests.Resolver;

/// <summary>
/// An in-memory registry for resolver scenarios, written compactly:
/// <c>pkg("a", "1.0.0", dep("b", "^1"), dep("c", "1", optional: true))</c>.
/// </summary>
internal sealed class ScenarioRegistry : IPackageQuery
{
    private readonly Dictionary<string, List<IndexSummary>> _packages = new();

    public static SourceId Source { get; } = SourceId.ForRegistry(Ferry.Core.Urls.Url.Parse("https://example.com/index"));

    public int Queries { get; private set; }

    public ScenarioRegistry Add(Summary summary, bool yanked = false)
    {
        if (!_packages.TryGetValue(summary.Name, out var list))
        {
            list = [];
            _packages[summary.Name] = list;
        }

        list.Add(new IndexSummary(summary, yanked ? IndexSummaryStatus.Yanked : IndexSummaryStatus.Candidate));
        return this;
    }

    public QueryResult Query(Dependency dependency)
    {
        Queries++;
        var result = new List<IndexSummary>();
        if (_packages.TryGetValue(dependency.PackageName, out var list))
        {
            foreach (var candidate in list)
            {
                if (dependency.Source == candidate.Summary.Source && dependency.VersionMatches(candidate.Summary.Version))
                {
                    result.Add(candidate);
                }
            }
        }

        return QueryResult.Ready(result);
    }

    public static Dependency Dep(string name, string req, bool optional = false, DependencyKind kind = DependencyKind.Normal, string[]? features = null, bool defaultFeatures = true, string? rename = null) => new()
    {
        PackageName = name,
        Source = Source,
        Req = VersionReq.Parse(req),
        SpecifiedReq = true,
        Kind = kind,
        Optional = optional,
        Features = features is null ? [] : [.. features],
        DefaultFeatures = defaultFeatures,
        ExplicitNameInToml = rename,
    };

    public static Summary Pkg(string name, string version, params Dependency[] deps) => Pkg(name, version, null, deps);

    public static Summary Pkg(string name, string version, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>>? features, params Dependency[] deps) =>
        Pkg(name, version, features, null, deps);

    public static Summary Pkg(string name, string version, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>>? features, string? links, params Dependency[] deps)
    {
        var depList = deps.ToImmutableArray();
        return new Summary
        {
            PackageId = new PackageId(name, Ferry.Semver.Version.Parse(version), Source),
            Dependencies = depList,
            Features = FeatureMapBuilder.Build(features ?? [], depList),
            Links = links,
            Checksum = $"{name}-{version}",
        };
    }

    public static Summary Root(params Dependency[] deps)
    {
        var depList = deps.ToImmutableArray();
        return new Summary
        {
            PackageId = new PackageId("root", Ferry.Semver.Version.Parse("0.1.0"), SourceId.ForPath("/work/root")),
            Dependencies = depList,
            Features = FeatureMapBuilder.Build([], depList),
        };
    }
}
