using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using PackageManifest = Ferry.Core.Manifest.Manifest;

namespace Ferry.Ops.Resolution;

/// <summary>
/// Gets the manifests of packages that live in archives or vendored directories (registry
/// packages): makes them readable on disk (downloading what is not cached) and reads each one's
/// <c>Cargo.toml</c>.
/// </summary>
internal interface IPackageDownloader
{
    /// <summary>The manifests of <paramref name="packages"/> of <paramref name="resolve"/>, reported under the ids the resolve gives them.</summary>
    Task<IReadOnlyDictionary<PackageId, PackageManifest>> DownloadAsync(Resolve resolve, IReadOnlyList<PackageId> packages, CancellationToken cancellationToken);
}
