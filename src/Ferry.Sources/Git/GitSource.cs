using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Util.Diagnostics;

namespace Ferry.Sources.Git;

/// <summary>
/// A git dependency's repository (Cargo's <c>GitSource</c>): on <see cref="Update"/> the
/// database is fetched (or not, when the locked commit is already there), the commit is checked
/// out under <c>$CARGO_HOME/git/checkouts</c>, and the packages in the checkout are found the way
/// Cargo's <c>RecursivePathSource</c> finds them. Summaries carry the commit as the source's precise.
/// </summary>
internal sealed class GitSource : ISource
{
    private readonly GitRepositories _repositories;
    private readonly IPackageManifestReader _reader;
    private List<(Summary Summary, string Root)>? _packages;
    private List<string> _warnings = [];

    public GitSource(SourceId sourceId, GitRepositories repositories, IPackageManifestReader reader)
    {
        SourceId = sourceId;
        _repositories = repositories;
        _reader = reader;
    }

    /// <summary>The id as first asked for (its precise is the locked commit, if any).</summary>
    public SourceId SourceId { get; }

    public bool IsReplaced => false;

    public bool HasPending => false;

    /// <summary>The commit checked out; set by <see cref="Update"/>.</summary>
    public string? Commit { get; private set; }

    /// <summary>The checkout directory; set by <see cref="Update"/>.</summary>
    public string? CheckoutPath { get; private set; }

    public string Describe() => $"Git repository {SourceId}";

    public void Update()
    {
        if (_packages is not null)
        {
            return;
        }

        // One process at a time fetches and checks out (Cargo holds its package cache lock here).
        using var directoryLock = _repositories.Lock();
        var (database, commit) = _repositories.FetchDatabase(SourceId, isSubmodule: false);
        var shortId = database.ShortId(commit);
        var checkout = _repositories.Paths.Checkout(SourceId, shortId);
        _repositories.CopyTo(database, commit, checkout, SourceId.Url);
        Commit = commit;
        CheckoutPath = checkout;
        (_packages, _warnings) = GitPackageDiscovery.Read(checkout, SourceId.WithPrecise(commit), _reader);
    }

    public QueryResult Query(Dependency dependency)
    {
        // Cargo warns about skipped duplicates on the first query of the source.
        foreach (var warning in _warnings)
        {
            _repositories.Shell.Warn(warning);
        }

        _warnings = [];
        var result = new List<IndexSummary>();
        foreach (var (summary, _) in Packages)
        {
            if (dependency.Matches(summary.PackageId))
            {
                result.Add(new IndexSummary(summary));
            }
        }

        return QueryResult.Ready(result);
    }

    /// <summary>The directory holding the package's <c>Cargo.toml</c> in the checkout.</summary>
    public string? Find(PackageId id)
    {
        foreach (var (summary, root) in Packages)
        {
            if (summary.Name == id.Name && summary.Version == id.Version)
            {
                return root;
            }
        }

        return null;
    }

    public Task LoadPendingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public IReadOnlyList<IndexSummary> AllVersions(string name) =>
        [.. Packages.Where(p => p.Summary.Name == name).Select(p => new IndexSummary(p.Summary))];

    public IReadOnlyList<string> AlternativeNames(string name) => [.. Packages.Select(p => p.Summary.Name).Distinct()];

    private List<(Summary Summary, string Root)> Packages =>
        _packages ?? throw new FerryException($"internal error: {Describe()} was queried before it was updated");
}
