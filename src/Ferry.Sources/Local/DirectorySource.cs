using Ferry.Core.Configuration;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Util.Diagnostics;

namespace Ferry.Sources.Local;

/// <summary>
/// A <c>directory</c> source (what <c>cargo vendor</c> writes): one directory per package, named
/// <c>NAME-VERSION</c> or just <c>NAME</c> — the name does not matter, the manifest does. Each
/// holds the package's (normalised) <c>Cargo.toml</c> and <c>.cargo-checksum.json</c>; the
/// summaries come from the manifests and carry the checksum the lockfile records. As in Cargo,
/// hidden directories and directories without a <c>Cargo.toml</c> are skipped, and a package
/// without a readable checksum file fails the whole source.
/// </summary>
internal sealed class DirectorySource : ISource
{
    private readonly SourceResolution _resolution;
    private readonly IPackageManifestReader _reader;
    private readonly string _root;
    private readonly List<(Summary Summary, string Directory, CargoChecksumFile Checksums)> _packages = [];

    public DirectorySource(SourceResolution resolution, IPackageManifestReader reader)
    {
        _resolution = resolution;
        _reader = reader;
        _root = resolution.Actual.LocalPath;
    }

    public SourceId SourceId => _resolution.Original;

    public bool IsReplaced => _resolution.IsReplaced && !_resolution.IsBuiltinReplacement;

    public bool HasPending => false;

    public string Describe() =>
        IsReplaced ? $"directory source `{_root}` (which is replacing {SourceId})" : $"directory source `{_root}`";

    public void Update()
    {
        string[] directories;
        try
        {
            directories = Directory.GetDirectories(_root);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new FerryException($"failed to read root of directory source: {_root}", IoErrors.Describe(error, _root));
        }

        Array.Sort(directories, StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            if (Path.GetFileName(directory).StartsWith('.') || !File.Exists(Path.Combine(directory, "Cargo.toml")))
            {
                continue;
            }

            var summary = _reader.ReadSummary(Path.Combine(directory, "Cargo.toml"), SourceId);
            var id = summary.PackageId;
            var checksumPath = Path.Combine(directory, CargoChecksumFile.FileName);
            byte[] json;
            try
            {
                json = File.ReadAllBytes(checksumPath);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new FerryException(
                    $"failed to load checksum `{CargoChecksumFile.FileName}` of {id.Name} v{id.Version}",
                    new FerryException($"failed to read `{checksumPath}`", IoErrors.Describe(error, checksumPath)));
            }

            CargoChecksumFile checksums;
            try
            {
                checksums = CargoChecksumFile.Parse(json);
            }
            catch (FerryException error)
            {
                throw new FerryException($"failed to decode `{CargoChecksumFile.FileName}` of {id.Name} v{id.Version}", error);
            }

            if (checksums.Package is { } package)
            {
                summary = summary with { Checksum = package };
            }

            _packages.Add((summary, directory, checksums));
        }
    }

    public QueryResult Query(Dependency dependency)
    {
        var result = new List<IndexSummary>();
        foreach (var (summary, _, _) in _packages)
        {
            if (dependency.Matches(summary.PackageId))
            {
                result.Add(new IndexSummary(summary));
            }
        }

        return QueryResult.Ready(result);
    }

    /// <summary>The directory a package was vendored in and its file checksums (for the build's verification).</summary>
    public (string Directory, CargoChecksumFile Checksums)? Find(PackageId id)
    {
        foreach (var (summary, directory, checksums) in _packages)
        {
            if (summary.PackageId == id)
            {
                return (directory, checksums);
            }
        }

        return null;
    }

    public Task LoadPendingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public IReadOnlyList<IndexSummary> AllVersions(string name) =>
        [.. _packages.Where(p => p.Summary.Name == name).Select(p => new IndexSummary(p.Summary))];

    // A directory source knows every name it has: Cargo offers them all to the edit distance.
    public IReadOnlyList<string> AlternativeNames(string name) => [.. _packages.Select(p => p.Summary.Name).Distinct()];
}
