using Ferry.Core.Dependencies;
using Ferry.Core.Identity;

namespace Ferry.Resolver;

/// <summary>
/// The order candidates are tried in: packages the previous lockfile pinned (or a <c>[patch]</c>
/// provides) first, then — when the resolve honours <c>rust-version</c> — versions compatible with
/// more of the workspace's MSRVs, then newest (or oldest with minimal-versions) first.
/// </summary>
public sealed class VersionPreferences
{
    private readonly HashSet<PackageId> _tryToUse = [];
    private readonly Dictionary<string, List<Dependency>> _preferPatchDeps = new(StringComparer.Ordinal);
    private List<RustVersion> _rustVersions = [];

    private readonly HashSet<PackageId> _allowYanked = [];

    public bool MinimumVersionsFirst { get; set; }

    /// <summary><c>update --precise</c> may name a yanked version; only that one becomes selectable.</summary>
    public void AllowYanked(PackageId id) => _allowYanked.Add(id);

    public bool IsYankedAllowed(PackageId id) => _allowYanked.Contains(id) || ShouldPrefer(id);

    public void PreferPackageId(PackageId id) => _tryToUse.Add(id);

    public void PreferDependency(Dependency dep)
    {
        if (!_preferPatchDeps.TryGetValue(dep.PackageName, out var list))
        {
            list = [];
            _preferPatchDeps[dep.PackageName] = list;
        }

        if (!list.Contains(dep))
        {
            list.Add(dep);
        }
    }

    public void SetRustVersions(IEnumerable<RustVersion> versions) => _rustVersions = [.. versions];

    public bool ShouldPrefer(PackageId id)
    {
        if (_tryToUse.Contains(id))
        {
            return true;
        }

        if (_preferPatchDeps.TryGetValue(id.Name, out var deps))
        {
            foreach (var dep in deps)
            {
                if (dep.Matches(id))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public void Sort(List<Summary> summaries)
    {
        summaries.Sort((a, b) =>
        {
            var preferA = ShouldPrefer(a.PackageId);
            var preferB = ShouldPrefer(b.PackageId);
            if (preferA != preferB)
            {
                return preferA ? -1 : 1;
            }

            if (_rustVersions.Count > 0)
            {
                var compatA = MsrvCompatCount(a);
                var compatB = MsrvCompatCount(b);
                if (compatA != compatB)
                {
                    return compatB.CompareTo(compatA);
                }
            }

            var cmp = a.Version.CompareTo(b.Version);
            return MinimumVersionsFirst ? cmp : -cmp;
        });
    }

    private int MsrvCompatCount(Summary summary)
    {
        if (summary.RustVersion is not { } rustVersion)
        {
            return _rustVersions.Count;
        }

        var count = 0;
        foreach (var max in _rustVersions)
        {
            if (rustVersion <= max)
            {
                count++;
            }
        }

        return count;
    }
}
