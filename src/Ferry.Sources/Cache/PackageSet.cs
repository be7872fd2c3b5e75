using Ferry.Core.Identity;
using Ferry.Core.Resolution;

namespace Ferry.Sources.Cache;

/// <summary>
/// The packages of a resolve, each readable on disk (Cargo's <c>PackageSet</c>): what
/// <c>fetch</c> produces, what <c>vendor</c> copies and where a build finds a package's sources.
/// </summary>
/// <remarks>
/// <see cref="DownloadAsync"/> is the one way in, and it verifies what it hands out: a build that
/// calls it for the packages it compiles gets the same checks as <c>ferry fetch</c> (cached
/// archives re-hashed, extracted trees compared with their digests, anything wrong replaced from a
/// verified archive), under the package cache lock, which is released when it returns.
/// </remarks>
public sealed class PackageSet
{
    private readonly Dictionary<PackageId, PackageSource> _packages;

    private PackageSet(Dictionary<PackageId, PackageSource> packages, int downloaded)
    {
        _packages = packages;
        Downloaded = downloaded;
    }

    /// <summary>Every package, in no particular order.</summary>
    public IReadOnlyCollection<PackageSource> Packages => _packages.Values;

    /// <summary>How many archives came over the network this time.</summary>
    public int Downloaded { get; }

    public PackageSource this[PackageId id] =>
        _packages.TryGetValue(id, out var source) ? source : throw new KeyNotFoundException($"`{id}` is not in this package set");

    public bool TryGet(PackageId id, out PackageSource source) => _packages.TryGetValue(id, out source!);

    /// <summary>
    /// Makes <paramref name="ids"/> (packages of <paramref name="resolve"/>) readable: registry
    /// packages are verified and reused, or downloaded (checksum from the resolve, which the index
    /// and the lockfile agree on) and extracted; path and vendored packages are located. The
    /// package sources must have been used by <paramref name="registry"/> in this run (the resolve
    /// did).
    /// </summary>
    public static async Task<PackageSet> DownloadAsync(
        PackageRegistry registry,
        Resolve resolve,
        IEnumerable<PackageId> ids,
        PackageDownloadOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(resolve);
        var gctx = registry.SourceConfig.Context;
        var layout = new PackageCacheLayout(gctx.CargoHome);
        var packages = ids.Distinct().Order().Select(id => (id, resolve.Checksums.GetValueOrDefault(id))).ToList();
        using var cacheLock = await PackageCacheLock.AcquireAsync(layout, gctx.Shell, cancellationToken).ConfigureAwait(false);
        var downloads = new PackageDownloads(registry, layout, options ?? PackageDownloadOptions.Default);
        var result = await downloads.RunAsync(packages, cancellationToken).ConfigureAwait(false);
        return new PackageSet(result, downloads.Downloaded);
    }
}
