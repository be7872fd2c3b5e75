using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Semver;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops.Resolution;

/// <summary>
/// <c>update -p foo --precise 1.2.3</c> for a registry package, as Cargo's registry source does
/// for a "precise" source id: a dependency on <c>foo</c> whose requirement accepts the currently
/// locked version is answered with exactly the requested version — if the dependency's own
/// requirement accepts it too — even when it is yanked (with Cargo's warning).
/// </summary>
internal sealed class PreciseUpdateQuery : IPackageQuery
{
    private readonly IPackageQuery _inner;
    private readonly PackageId _from;
    private readonly Version _to;
    private readonly IShell _shell;
    private bool _warnedYanked;

    public PreciseUpdateQuery(IPackageQuery inner, PackageId from, Version to, IShell shell)
    {
        _inner = inner;
        _from = from;
        _to = to;
        _shell = shell;
    }

    public QueryResult Query(Dependency dependency)
    {
        if (dependency.PackageName != _from.Name || dependency.Source != _from.Source || !dependency.Req.Matches(_from.Version))
        {
            return _inner.Query(dependency);
        }

        var all = _inner.Query(dependency with { Req = VersionReq.Star, LockedVersion = null });
        if (all.IsPending)
        {
            return all;
        }

        var result = new List<IndexSummary>();
        foreach (var candidate in all.Candidates)
        {
            var version = candidate.Summary.Version;
            if (PreciseMatches(version) && dependency.Req.Matches(version))
            {
                result.Add(candidate);
                if (candidate.Status == IndexSummaryStatus.Yanked && !_warnedYanked)
                {
                    _warnedYanked = true;
                    _shell.Warn($"selected package `{_from.Name}@{_to}` was yanked by the author\n  |\n  = help: if possible, try a compatible non-yanked version");
                }
            }
        }

        return QueryResult.Ready(result);
    }

    /// <summary>A precise version without build metadata accepts any metadata; with it, only the same.</summary>
    private bool PreciseMatches(Version version) =>
        _to.Major == version.Major && _to.Minor == version.Minor && _to.Patch == version.Patch && _to.Pre == version.Pre
        && (_to.Build == version.Build || _to.Build.IsEmpty);
}
