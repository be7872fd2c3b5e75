using Ferry.Util.Diagnostics;
using Ferry.Core.Archive;
using Ferry.Core.Identity;
using Ferry.Core.Manifest;
using Ferry.Core.Resolution;
using Ferry.Sources;
using Ferry.Sources.Cache;
using PackageManifest = Ferry.Core.Manifest.Manifest;

namespace Ferry.Ops.Resolution;

/// <summary>
/// The package cache (<see cref="PackageSet.DownloadAsync"/>: download, verify, extract) behind
/// <see cref="IPackageDownloader"/>, then each package's manifest through the run's manifest
/// loader, under the resolve's package id (the loader names what it reads after its path).
/// </summary>
/// <remarks>
/// With <see cref="TrustExtracted"/>, a registry package whose extraction is complete (its ready
/// marker is written last, after the archive was verified) is read as it is, without re-hashing
/// its archive and files: what Cargo does with <c>.cargo-ok</c>, and what keeps <c>tree</c> fast.
/// Only for commands that read manifests; anything that compiles the sources goes through the
/// cache's full verification.
/// </remarks>
internal sealed class RegistryPackageDownloader : IPackageDownloader
{
    private readonly PackageRegistry _registry;
    private readonly ManifestLoader _loader;
    private readonly PackageDownloadOptions _options;

    public RegistryPackageDownloader(PackageRegistry registry, ManifestLoader loader, PackageDownloadOptions options)
    {
        _registry = registry;
        _loader = loader;
        _options = options;
    }

    /// <summary>Read complete extractions without verifying them again (see the remarks).</summary>
    public bool TrustExtracted { get; init; }

    public async Task<IReadOnlyDictionary<PackageId, PackageManifest>> DownloadAsync(Resolve resolve, IReadOnlyList<PackageId> packages, CancellationToken cancellationToken)
    {
        var roots = new Dictionary<PackageId, string>();
        var missing = new List<PackageId>();
        var layout = new PackageCacheLayout(_registry.SourceConfig.Context.CargoHome);
        foreach (var id in packages)
        {
            var actual = _registry.SourceConfig.Resolve(id.Source).Actual;
            var directory = actual.Kind is SourceKind.SparseRegistry or SourceKind.LocalRegistry
                ? layout.SourceDirectory(actual, id.Name, id.Version)
                : null;
            if (TrustExtracted && directory is not null && CrateMarkers.IsComplete(directory))
            {
                roots[id] = directory;
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count > 0)
        {
            var set = await PackageSet.DownloadAsync(_registry, resolve, missing, _options, cancellationToken).ConfigureAwait(false);
            foreach (var id in missing)
            {
                roots[id] = set[id].Root;
            }
        }

        var result = new Dictionary<PackageId, PackageManifest>();
        foreach (var id in packages)
        {
            PackageManifest manifest;
            try
            {
                manifest = _loader.ReadPackage(Path.Combine(roots[id], "Cargo.toml"));
            }
            catch (FerryException error)
            {
                // Cargo reads the manifest as the last step of the download, inside the source.
                throw _registry.DownloadError(id.Source, error);
            }

            result[id] = manifest.PackageId == id ? manifest : manifest with { Summary = manifest.Summary with { PackageId = id } };
        }

        return result;
    }
}
