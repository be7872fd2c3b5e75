using Ferry.Core.Configuration;
using Ferry.Core.Identity;
using Ferry.Core.Manifest;
using Ferry.Sources;
using PackageManifest = Ferry.Core.Manifest.Manifest;

namespace Ferry.Ops.Resolution;

/// <summary>Downloads registry packages (interim: none yet).</summary>
internal sealed class RegistryPackageDownloader : IPackageDownloader
{
    public RegistryPackageDownloader(GlobalContext gctx, PackageRegistry registry, ManifestLoader loader)
    {
        _ = gctx;
        _ = registry;
        _ = loader;
    }

    public Task<IReadOnlyDictionary<PackageId, PackageManifest>> DownloadAsync(IReadOnlyList<(PackageId Id, string? Checksum)> packages, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<PackageId, PackageManifest>>(new Dictionary<PackageId, PackageManifest>());
}
