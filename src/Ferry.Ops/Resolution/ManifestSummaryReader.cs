using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Manifest;
using Ferry.Sources;

namespace Ferry.Ops.Resolution;

/// <summary>Gives the sources layer package summaries from manifests, through the run's manifest loader (one parse per file).</summary>
internal sealed class ManifestSummaryReader : IPackageManifestReader
{
    private readonly ManifestLoader _loader;

    public ManifestSummaryReader(ManifestLoader loader)
    {
        _loader = loader;
    }

    public Summary ReadSummary(string manifestPath, SourceId sourceId)
    {
        var summary = _loader.ReadPackage(manifestPath).Summary;
        return summary.Source == sourceId && summary.Source.Kind == sourceId.Kind
            ? summary
            : summary with { PackageId = new PackageId(summary.Name, summary.Version, sourceId) };
    }

    public bool IsPublishable(string manifestPath) => _loader.ReadPackage(manifestPath).Publish is null;
}
