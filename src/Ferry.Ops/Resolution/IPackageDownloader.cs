using Ferry.Core.Identity;
using PackageManifest = Ferry.Core.Manifest.Manifest;

namespace Ferry.Ops.Resolution;

/// <summary>
/// Gets the manifests of packages that live in archives (registry packages): downloads and unpacks
/// what is not cached yet, then reads each package's <c>Cargo.toml</c>.
/// </summary>
internal interface IPackageDownloader
{
    /// <summary>The manifests of <paramref name="packages"/>, each checked against its lockfile checksum.</summary>
    Task<IReadOnlyDictionary<PackageId, PackageManifest>> DownloadAsync(IReadOnlyList<(PackageId Id, string? Checksum)> packages, CancellationToken cancellationToken);
}
