using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Resolver.Features;
using PackageManifest = Ferry.Core.Manifest.Manifest;

namespace Ferry.Ops.Resolution;

/// <summary>
/// The packages of a resolve with their manifests (Cargo's <c>PackageManifests</c>): path packages are
/// read from disk up front, archived ones are downloaded on demand, and only those a command can
/// reach (<see cref="DownloadAccessibleAsync"/>). It answers which packages are proc-macros, which
/// the feature resolver needs and only a manifest's targets tell.
/// </summary>
internal sealed class PackageManifests : IProcMacroInfo
{
    private readonly Dictionary<PackageId, PackageManifest> _manifests = [];
    private readonly IPackageDownloader _downloader;

    public PackageManifests(IEnumerable<PackageManifest> local, IPackageDownloader downloader)
    {
        foreach (var manifest in local)
        {
            _manifests.TryAdd(manifest.PackageId, manifest);
        }

        _downloader = downloader;
    }

    /// <summary>The manifest of a package that is local or was downloaded; null if neither.</summary>
    public PackageManifest? Get(PackageId id) => _manifests.GetValueOrDefault(id);

    public bool HasProcMacroLib(PackageId package) => Get(package)?.Targets.Any(t => t.IsLib && t.ProcMacro) ?? false;

    public bool HasAnyProcMacro(PackageId package) => Get(package)?.Targets.Any(t => t.ProcMacro) ?? false;

    /// <summary>
    /// Downloads every package the given roots can reach (Cargo's <c>download_accessible</c>):
    /// dev-dependencies only with <paramref name="hasDevUnits"/>, platform-specific ones only for
    /// a requested platform or the host (any platform when <paramref name="forceAllTargets"/>).
    /// Features do not count: an optional dependency in the resolve is downloaded.
    /// </summary>
    public async Task DownloadAccessibleAsync(
        Resolve resolve,
        IEnumerable<PackageId> roots,
        HasDevUnits hasDevUnits,
        TargetData targetData,
        bool forceAllTargets,
        CancellationToken cancellationToken)
    {
        var used = new HashSet<(PackageId, CompileKind)>();
        var stack = new Stack<(PackageId Id, CompileKind Kind)>();
        foreach (var root in roots)
        {
            foreach (var kind in targetData.RequestedKinds)
            {
                stack.Push((root, kind));
            }
        }

        while (stack.Count > 0)
        {
            var (id, kind) = stack.Pop();
            if (!used.Add((id, kind)))
            {
                continue;
            }

            foreach (var edge in resolve.Dependencies(id))
            {
                if (edge.Declarations.Any(dep => Used(dep, kind)))
                {
                    stack.Push((edge.Target, kind));
                }
            }
        }

        bool Used(Dependency dep, CompileKind kind)
        {
            if (dep.Kind == DependencyKind.Development && hasDevUnits == HasDevUnits.No)
            {
                return false;
            }

            return forceAllTargets || targetData.DepPlatformActivated(dep, kind) || targetData.DepPlatformActivated(dep, CompileKind.Host);
        }

        var missing = used.Select(pair => pair.Item1)
            .Distinct()
            .Where(id => !_manifests.ContainsKey(id))
            .Order()
            .ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var (id, manifest) in await _downloader.DownloadAsync(resolve, missing, cancellationToken).ConfigureAwait(false))
        {
            _manifests[id] = manifest;
        }
    }
}
