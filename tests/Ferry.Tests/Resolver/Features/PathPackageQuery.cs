using Ferry.Core.Dependencies;
using Ferry.Core.Resolution;

namespace Ferry.Tests.Resolver.Features;

/// <summary>The fixture's path packages as a source: a dependency finds the package at its path.</summary>
internal sealed class PathPackageQuery(IEnumerable<Summary> packages) : IPackageQuery
{
    private readonly List<Summary> _packages = [.. packages];

    public QueryResult Query(Dependency dependency) =>
        QueryResult.Ready([.. _packages
            .Where(s => s.Source == dependency.Source && s.Name == dependency.PackageName && dependency.VersionMatches(s.Version))
            .Select(s => new IndexSummary(s, IndexSummaryStatus.Candidate))]);
}
