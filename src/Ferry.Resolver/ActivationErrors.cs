using System.Text;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Util.Diagnostics;
using Ferry.Util.Text;

namespace Ferry.Resolver;

/// <summary>
/// The messages for a dependency that cannot be satisfied, worded as Cargo words them: the chain
/// of packages that required it (<c>... required by package `x v1.0.0` ... which satisfies
/// dependency ...</c>), the versions considered, what each conflicting package did, and hints
/// (pre-releases, yanked versions, similar names, offline mode). Every text is Cargo 1.95's
/// (newer Cargo rewords several as <c>help:</c>/<c>note:</c> lines).
/// </summary>
internal static class ActivationErrors
{
    public static FerryException Build(
        ResolverContext cx,
        RegistryQueryer queryer,
        IResolverDiagnostics? diagnostics,
        Summary parent,
        Dependency dep,
        ConflictMap conflicting,
        IReadOnlyList<Summary> candidates)
    {
        if (candidates.Count > 0)
        {
            return new ResolveException(ConflictMessage(cx, parent, dep, conflicting, candidates));
        }

        var msg = new StringBuilder();
        var hints = new StringBuilder();
        var lockedVersion = dep.LockedVersion is { } locked ? $" (locked to {locked})" : string.Empty;
        var all = diagnostics?.AllVersions(dep) ?? [];
        var rejected = all.Where(s => dep.VersionMatches(s.Summary.Version) && s.Status != IndexSummaryStatus.Candidate)
            .OrderBy(s => s.Summary.Version)
            .ToList();
        var alternatives = all.Where(s => s.Status == IndexSummaryStatus.Candidate)
            .Select(s => s.Summary)
            .OrderByDescending(s => s.Version)
            .ToList();
        if (rejected.Count > 0)
        {
            msg.Append($"failed to select a version for the requirement `{dep.PackageName} = \"{dep.Req}\"`{lockedVersion}\n");
            foreach (var candidate in rejected)
            {
                var version = candidate.Summary.Version;
                msg.Append(candidate.Status switch
                {
                    IndexSummaryStatus.Yanked => $"  version {version} is yanked\n",
                    IndexSummaryStatus.Offline => $"  version {version} is not cached\n",
                    IndexSummaryStatus.Unsupported => candidate.Summary.RustVersion is { } rust
                        ? $"  version {version} requires cargo {rust}\n"
                        : $"  version {version} requires a Cargo version that supports index version 3\n",
                    IndexSummaryStatus.Invalid => $"  version {version}'s index entry is invalid\n",
                    _ => $"  version {version} is unavailable\n",
                });
            }
        }
        else if (alternatives.Count > 0)
        {
            var versions = string.Join(", ", alternatives.Take(3).Select(s => s.Version.ToString()).Concat(alternatives.Count > 3 ? ["..."] : []));
            msg.Append($"failed to select a version for the requirement `{dep.PackageName} = \"{dep.Req}\"`{lockedVersion}\n");
            msg.Append($"candidate versions found which didn't match: {versions}\n");
            if (alternatives.FirstOrDefault(s => s.Version.IsPrerelease) is { } pre)
            {
                hints.Append("\nif you are looking for the prerelease package it needs to be specified explicitly");
                hints.Append($"\n    {pre.Name} = {{ version = \"{pre.Version}\" }}");
            }

            if (dep.Source.IsPath && dep.LockedVersion is not null)
            {
                hints.Append("\nconsider running `cargo update` to update a path dependency's locked version");
            }

            if (diagnostics?.IsReplaced(dep.Source) == true)
            {
                hints.Append("\nperhaps a crate was updated and forgotten to be re-vendored?");
            }
        }
        else if (diagnostics?.SimilarNames(dep) is { Count: > 0 } names)
        {
            // Cargo 1.95's wording; the first suggestion is aligned under the name searched for.
            var shown = names.Take(3).ToList();
            var suggestions = new StringBuilder();
            for (var i = 0; i < shown.Count; i++)
            {
                if (i == 0)
                {
                    suggestions.Append(shown[i]);
                }
                else if (i == shown.Count - 1 && names.Count <= 3)
                {
                    suggestions.Append(" or ").Append(shown[i]);
                }
                else
                {
                    suggestions.Append(", ").Append(shown[i]);
                }
            }

            if (names.Count > 3)
            {
                suggestions.Append(", ...");
            }

            msg.Append($"no matching package found\nsearched package name: `{dep.PackageName}`\nperhaps you meant:      {suggestions}\n");
        }
        else
        {
            msg.Append($"no matching package named `{dep.PackageName}` found\n");
        }

        var location = diagnostics?.DescribeSource(dep.Source);
        if (string.IsNullOrEmpty(location))
        {
            location = dep.Source.ToString();
        }

        msg.Append($"location searched: {location}\n");
        msg.Append("required by ").Append(DescribePathInContext(cx, parent.PackageId));
        if (diagnostics?.OfflineFlag is { } offline)
        {
            // Cargo 1.95's wording (newer Cargo splits it into a note and a help line).
            hints.Append($"\nAs a reminder, you're using offline mode ({offline}) which can sometimes cause surprising resolution failures, if this error is too confusing you may wish to retry without `{offline}`.");
        }

        return new ResolveException(msg.ToString() + hints);
    }

    private static string ConflictMessage(ResolverContext cx, Summary parent, Dependency dep, ConflictMap conflicting, IReadOnlyList<Summary> candidates)
    {
        var msg = new StringBuilder();
        msg.Append($"failed to select a version for `{dep.PackageName}`.");
        msg.Append("\n    ... required by ").Append(DescribePathInContext(cx, parent.PackageId));
        msg.Append($"\nversions that meet the requirements `{dep.Req}` ");
        if (dep.LockedVersion is { } locked)
        {
            msg.Append($"(locked to {locked}) ");
        }

        msg.Append("are: ").Append(string.Join(", ", candidates.Select(c => c.Version.ToString())));

        var sorted = conflicting.ToList();
        sorted.Sort((a, b) =>
        {
            var c = a.Key.CompareTo(b.Key);
            return c != 0 ? c : a.Value.CompareTo(b.Value);
        });
        sorted.Reverse();
        var hasSemver = false;
        foreach (var (p, r) in sorted)
        {
            switch (r.Kind)
            {
                case ConflictReasonKind.Semver:
                    hasSemver = true;
                    break;
                case ConflictReasonKind.Links:
                    msg.Append($"\n\npackage `{dep.PackageName}` links to the native library `{r.Detail}`, but it conflicts with a previous package which links to `{r.Detail}` as well:\n");
                    msg.Append(DescribePathInContext(cx, p));
                    msg.Append("\nOnly one package in the dependency graph may specify the same links value. This helps ensure that only one copy of a native library is linked in the final binary. ");
                    msg.Append($"Try to adjust your dependencies so that only one package uses the `links = \"{r.Detail}\"` value. For more information, see https://doc.rust-lang.org/cargo/reference/resolver.html#links.");
                    break;
                case ConflictReasonKind.MissingFeature:
                    msg.Append($"\n\npackage `{p.Name}` depends on `{dep.PackageName}` with feature `{r.Detail}` but `{dep.PackageName}` does not have that feature.\n");
                    var latest = candidates[^1];
                    var featureNames = latest.Features.Keys.Order(StringComparer.Ordinal).ToList();
                    if (EditDistance.Closest(r.Detail, featureNames) is { } closest)
                    {
                        msg.Append($" package `{dep.PackageName}` does have feature `{closest}`\n");
                    }
                    else if (latest.Features.Count > 0)
                    {
                        msg.Append(" available features: ").Append(string.Join(", ", latest.Features.Keys.OrderBy(k => k, StringComparer.Ordinal))).Append('\n');
                    }

                    break;
                case ConflictReasonKind.RequiredDependencyAsFeature:
                    msg.Append($"\n\npackage `{p.Name}` depends on `{dep.PackageName}` with feature `{r.Detail}` but `{dep.PackageName}` does not have that feature.\n");
                    msg.Append(" A required dependency with that name exists, but only optional dependencies can be used as features.\n");
                    break;
                case ConflictReasonKind.NonImplicitDependencyAsFeature:
                    msg.Append($"\n\npackage `{p.Name}` depends on `{dep.PackageName}` with feature `{r.Detail}` but `{dep.PackageName}` does not have that feature.\n");
                    msg.Append(" An optional dependency with that name exists, but that dependency uses the \"dep:\" syntax in the features table, so it does not have an implicit feature with that name.\n");
                    break;
            }
        }

        if (hasSemver)
        {
            msg.Append("\n\nall possible versions conflict with previously selected packages.");
            foreach (var (p, r) in sorted)
            {
                if (r.Kind == ConflictReasonKind.Semver)
                {
                    msg.Append("\n\n  previously selected ").Append(DescribePathInContext(cx, p));
                }
            }
        }

        msg.Append($"\n\nfailed to select a version for `{dep.PackageName}` which could resolve this conflict");
        return msg.ToString();
    }

    public static string DescribePathInContext(ResolverContext cx, PackageId id) => DescribePath(cx.Parents.PathToBottom(id));

    public static string DescribePath(IReadOnlyList<(PackageId Package, Dependency? Dependency)> path)
    {
        if (path.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder($"package `{path[0].Package}`");
        for (var i = 1; i < path.Count; i++)
        {
            var (pkg, dep) = path[i];
            if (dep is null)
            {
                continue;
            }

            var sourceKind = dep.Source.IsPath ? "path " : dep.Source.IsGit ? "git " : string.Empty;
            var requirement = sourceKind.Length == 0 ? $"{dep.NameInToml} = \"{dep.Req}\"" : dep.NameInToml;
            var locked = dep.LockedVersion is { } version ? $"(locked to {version}) " : string.Empty;
            text.Append($"\n    ... which satisfies {sourceKind}dependency `{requirement}` {locked}of package `{pkg}`");
        }

        return text.ToString();
    }
}
