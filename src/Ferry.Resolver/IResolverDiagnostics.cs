using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;

namespace Ferry.Resolver;

/// <summary>What the error messages need beyond the candidates: every version of a name, similar names, how to describe a source.</summary>
public interface IResolverDiagnostics
{
    /// <summary>Every version of the dependency's package from its source, whatever the requirement and status.</summary>
    IReadOnlyList<IndexSummary> AllVersions(Dependency dependency);

    /// <summary>Package names in the dependency's source close to the requested one.</summary>
    IReadOnlyList<string> SimilarNames(Dependency dependency);

    /// <summary>The <c>location searched:</c> text (e.g. <c>crates.io index</c>).</summary>
    string DescribeSource(SourceId source);

    bool IsReplaced(SourceId source);

    /// <summary>With <c>--offline</c>, the flag name for the offline hint.</summary>
    string? OfflineFlag { get; }
}
