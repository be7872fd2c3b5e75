using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;

namespace Ferry.Sources.Local;

/// <summary>
/// The package in one directory (Cargo's <c>PathSource</c>): a workspace member, given by the
/// workspace as already read, or a path dependency outside the workspace, whose manifest is
/// read through <see cref="IPackageManifestReader"/> when the source is first used.
/// </summary>
internal sealed class PathSource : ISource
{
    private readonly IPackageManifestReader? _reader;
    private readonly List<Summary> _packages = [];

    public PathSource(SourceId sourceId, IPackageManifestReader? reader)
    {
        SourceId = sourceId;
        _reader = reader;
    }

    public SourceId SourceId { get; }

    public bool IsReplaced => false;

    public bool HasPending => false;

    /// <summary>Adds a package the workspace already read (it is never read again).</summary>
    public void Preload(Summary summary)
    {
        if (!_packages.Exists(existing => existing.PackageId == summary.PackageId))
        {
            _packages.Add(summary);
        }
    }

    public string Describe() => SourceId.Url.Scheme == "file" ? SourceId.LocalPath : SourceId.ToString();

    public void Update()
    {
        if (_packages.Count > 0 || _reader is null)
        {
            return;
        }

        _packages.Add(_reader.ReadSummary(Path.Combine(SourceId.LocalPath, "Cargo.toml"), SourceId));
    }

    public QueryResult Query(Dependency dependency)
    {
        var result = new List<IndexSummary>();
        foreach (var summary in _packages)
        {
            if (dependency.Matches(summary.PackageId))
            {
                result.Add(new IndexSummary(summary));
            }
        }

        return QueryResult.Ready(result);
    }

    public Task LoadPendingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public IReadOnlyList<IndexSummary> AllVersions(string name) =>
        [.. _packages.Where(summary => summary.Name == name).Select(summary => new IndexSummary(summary))];

    public IReadOnlyList<string> AlternativeNames(string name) => [.. _packages.Select(summary => summary.Name).Distinct()];
}
