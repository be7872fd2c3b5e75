using System.Security.Cryptography;
using System.Text;
using Ferry.Core.Archive;
using Ferry.Core.Configuration;
using Ferry.Core.Identity;
using Ferry.Sources;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops.Compile;

/// <summary>
/// The smallest downloader that lets the build use registry packages: each <c>.crate</c> comes from
/// the registry's <c>dl</c> location (or a local registry's file), is checked against the lockfile's
/// SHA-256 and unpacked with the hardened archive reader into
/// <c>$CARGO_HOME/registry/src/ferry-HOST-HASH/NAME-VERSION</c>; an unpacked tree with its ready
/// marker is reused. To be replaced by the fetch engine (caching, progress, retries).
/// </summary>
internal sealed class MinimalPackageDownloads : IPackageDownloads
{
    private readonly GlobalContext _gctx;
    private readonly PackageRegistry _registry;
    private readonly IShell _shell;

    public MinimalPackageDownloads(GlobalContext gctx, PackageRegistry registry, IShell shell)
    {
        _gctx = gctx;
        _registry = registry;
        _shell = shell;
    }

    public static string SourceDirectory(GlobalContext gctx, PackageId id)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("ferry-src\0" + id.Source.CanonicalUrl.Text)).AsSpan(0, 8));
        var host = id.Source.Url.Host is { Length: > 0 } h ? h : "local";
        return Path.Combine(gctx.CargoHome, "registry", "src", $"ferry-{host}-{hash}", $"{id.Name}-{id.Version}");
    }

    public async Task<IReadOnlyDictionary<PackageId, string>> EnsureAsync(IReadOnlyList<(PackageId Id, string? Checksum)> packages, CancellationToken cancellationToken)
    {
        var result = new Dictionary<PackageId, string>();
        var missing = new List<(PackageId Id, string? Checksum, string Directory)>();
        foreach (var (id, checksum) in packages)
        {
            var directory = SourceDirectory(_gctx, id);
            result[id] = directory;
            if (!File.Exists(Path.Combine(directory, CrateMarkers.FerryOk)))
            {
                missing.Add((id, checksum, directory));
            }
        }

        if (missing.Count == 0)
        {
            return result;
        }

        if (_gctx.Offline)
        {
            var first = missing[0].Id;
            throw new FerryException($"failed to download `{first}`\n\nCaused by:\n  attempting to make an HTTP request, but --offline was specified");
        }

        _shell.Status("Downloading", "crates ...");
        using var client = new HttpClient();
        using var gate = new SemaphoreSlim(8);
        var tasks = missing.Select(async item =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await DownloadAsync(client, item.Id, item.Checksum, item.Directory, cancellationToken).ConfigureAwait(false);
                _shell.Status("Downloaded", $"{item.Id.Name} v{item.Id.Version}");
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(tasks).ConfigureAwait(false);
        return result;
    }

    private async Task DownloadAsync(HttpClient client, PackageId id, string? checksum, string directory, CancellationToken cancellationToken)
    {
        var location = _registry.DownloadLocation(id, checksum ?? string.Empty)
            ?? throw new FerryException($"failed to download `{id}`: the package's source cannot be downloaded");
        byte[] bytes;
        try
        {
            bytes = location.StartsWith("http://", StringComparison.Ordinal) || location.StartsWith("https://", StringComparison.Ordinal)
                ? await client.GetByteArrayAsync(location, cancellationToken).ConfigureAwait(false)
                : await File.ReadAllBytesAsync(location, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new FerryException($"failed to download from `{location}`", new FerryException(e.Message));
        }

        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (checksum is not null && !string.Equals(actual, checksum, StringComparison.OrdinalIgnoreCase))
        {
            throw new FerryException($"failed to verify the checksum of `{id}`\n\nexpected {checksum}\nbut the download has {actual}");
        }

        using var stream = new MemoryStream(bytes, writable: false);
        await CrateArchiveReader.ExtractAsync(stream, $"{id.Name}-{id.Version}", directory, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
