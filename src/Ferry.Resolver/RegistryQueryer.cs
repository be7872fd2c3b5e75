using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Util.Diagnostics;
using Ferry.Util.Text;

namespace Ferry.Resolver;

/// <summary>
/// Sits between the search and the sources: caches candidate lists per dependency (sorted by
/// <see cref="VersionPreferences"/>, yanked versions dropped unless locked), applies
/// <c>[replace]</c>, and works out — per activated package and feature request — which
/// dependencies are enabled and with which features. Queries a source has not loaded yet are
/// skipped for this round and remembered as pending.
/// </summary>
internal sealed class RegistryQueryer
{
    private readonly IPackageQuery _registry;
    private readonly IReadOnlyList<PackageReplacement> _replacements;
    private readonly VersionPreferences _prefs;
    private readonly Dictionary<Dependency, IReadOnlyList<Summary>> _queryCache = new();
    private readonly Dictionary<(PackageId? Parent, PackageId Candidate, ResolveOpts Opts), (BuildDepsResult Result, bool AllReady)> _summaryCache = new();
    private readonly Dictionary<PackageId, Summary> _usedReplacements = new();

    public RegistryQueryer(IPackageQuery registry, IReadOnlyList<PackageReplacement> replacements, VersionPreferences prefs)
    {
        _registry = registry;
        _replacements = replacements;
        _prefs = prefs;
    }

    public IPackageQuery Registry => _registry;

    public VersionPreferences Prefs => _prefs;

    /// <summary>Whether a query answered pending during the current round.</summary>
    public bool HadPending { get; private set; }

    /// <summary>Starts a new round: forgets results that were computed with pending data.</summary>
    public void StartRound()
    {
        HadPending = false;
        var stale = new List<(PackageId?, PackageId, ResolveOpts)>();
        foreach (var (key, value) in _summaryCache)
        {
            if (!value.AllReady)
            {
                stale.Add(key);
            }
        }

        foreach (var key in stale)
        {
            _summaryCache.Remove(key);
        }
    }

    public IReadOnlyList<Summary>? Query(Dependency dep)
    {
        if (_queryCache.TryGetValue(dep, out var cached))
        {
            return cached;
        }

        var result = _registry.Query(dep);
        if (result.IsPending)
        {
            HadPending = true;
            return null;
        }

        var summaries = new List<Summary>(result.Candidates.Count);
        foreach (var candidate in result.Candidates)
        {
            if (candidate.Status == IndexSummaryStatus.Candidate
                || (candidate.Status == IndexSummaryStatus.Yanked && _prefs.IsYankedAllowed(candidate.Summary.PackageId)))
            {
                summaries.Add(candidate.Summary);
            }
        }

        foreach (var summary in summaries)
        {
            if (!ApplyReplacement(summary))
            {
                return null;
            }
        }

        _prefs.Sort(summaries);
        _queryCache[dep] = summaries;
        return summaries;
    }

    public Summary? ReplacementSummary(PackageId id) => _usedReplacements.TryGetValue(id, out var summary) ? summary : null;

    public IEnumerable<KeyValuePair<PackageId, Summary>> UsedReplacements => _usedReplacements;

    /// <summary>Returns false when the replacement's own query is still pending.</summary>
    private bool ApplyReplacement(Summary summary)
    {
        PackageReplacement? matched = null;
        foreach (var replacement in _replacements)
        {
            if (!replacement.Matches(summary.PackageId))
            {
                continue;
            }

            if (matched is not null)
            {
                throw new FerryException(
                    $"overlapping replacement specifications found:\n\n  * {matched.Spec}\n  * {replacement.Spec}\n\nboth specifications match: {summary.PackageId}");
            }

            matched = replacement;
        }

        if (matched is null)
        {
            return true;
        }

        var dep = matched.Replacement;
        var result = _registry.Query(dep);
        if (result.IsPending)
        {
            HadPending = true;
            return false;
        }

        var found = new List<Summary>();
        foreach (var candidate in result.Candidates)
        {
            if (candidate.Status == IndexSummaryStatus.Candidate)
            {
                found.Add(candidate.Summary);
            }
        }

        if (found.Count == 0)
        {
            throw new FerryException(
                $"no matching package for override `{matched.Spec}` found\nlocation searched: {dep.Source}\nversion required: {dep.Req}");
        }

        if (found.Count > 1)
        {
            var bullets = string.Join("\n", found.Skip(1).Select(s => $"  * {s.PackageId}"));
            throw new FerryException(
                $"the replacement specification `{matched.Spec}` matched multiple packages:\n  * {found[0].PackageId}\n{bullets}");
        }

        var replacementSummary = found[0];
        if (replacementSummary.Version != summary.Version)
        {
            throw new FerryException(
                $"replacement specification `{matched.Spec}` matched {summary.Version} and tried to override it with {replacementSummary.Version}\navoid matching unrelated packages by being more specific");
        }

        if (replacementSummary.Source != summary.Source)
        {
            _usedReplacements[summary.PackageId] = replacementSummary;
        }

        return true;
    }

    /// <summary>
    /// The enabled dependencies of <paramref name="candidate"/> (with their candidate lists, most
    /// constrained first) and the features it ends up with. Dependencies whose candidates are
    /// still pending are left out of this round.
    /// </summary>
    public BuildDepsResult BuildDeps(ResolverContext cx, PackageId? parent, Summary candidate, ResolveOpts opts)
    {
        var key = (parent, candidate.PackageId, opts);
        if (_summaryCache.TryGetValue(key, out var cached))
        {
            return cached.Result;
        }

        var (usedFeatures, deps) = ResolveFeatures(parent, candidate, opts);
        var allReady = true;
        var infos = new List<DepInfo>(deps.Count);
        foreach (var (dep, features) in deps)
        {
            IReadOnlyList<Summary>? candidates;
            try
            {
                candidates = Query(dep);
            }
            catch (FerryException error)
            {
                throw new FerryException(
                    $"failed to get `{dep.PackageName}` as a dependency of {ActivationErrors.DescribePathInContext(cx, candidate.PackageId)}",
                    error);
            }

            if (candidates is null)
            {
                allReady = false;
                continue;
            }

            infos.Add(new DepInfo(dep, candidates, features));
        }

        // Stable sort, as Cargo's `sort_by_key`: equal counts keep declaration order.
        var ordered = infos.Select((info, index) => (info, index))
            .OrderBy(pair => pair.info.Candidates.Count)
            .ThenBy(pair => pair.index)
            .Select(pair => pair.info)
            .ToImmutableArray();
        var result = new BuildDepsResult(usedFeatures, ordered);
        _summaryCache[key] = (result, allReady);
        return result;
    }

    private static (ImmutableSortedSet<string> UsedFeatures, List<(Dependency Dep, ImmutableSortedSet<string> Features)> Deps) ResolveFeatures(
        PackageId? parent, Summary summary, ResolveOpts opts)
    {
        var reqs = BuildRequirements(parent, summary, opts);
        var result = new List<(Dependency, ImmutableSortedSet<string>)>();
        var validDepNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dep in summary.Dependencies)
        {
            if (!dep.IsTransitive && !opts.DevDeps)
            {
                continue;
            }

            if (dep.Optional && !reqs.Deps.ContainsKey(dep.NameInToml))
            {
                continue;
            }

            validDepNames.Add(dep.NameInToml);
            var features = reqs.Deps.TryGetValue(dep.NameInToml, out var requested) ? requested : ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
            result.Add((dep, features.Union(dep.Features)));
        }

        if (parent is null)
        {
            foreach (var depName in reqs.Deps.Keys)
            {
                if (!validDepNames.Contains(depName))
                {
                    throw RequirementError(RequirementErrorKind.MissingDependency, depName, parent, summary);
                }
            }
        }

        return (reqs.Features.ToImmutableSortedSet(StringComparer.Ordinal), result);
    }

    private static Requirements BuildRequirements(PackageId? parent, Summary summary, ResolveOpts opts)
    {
        var reqs = new Requirements(summary);
        void Run(Action action)
        {
            try
            {
                action();
            }
            catch (RequirementException error)
            {
                throw RequirementError(error.Kind, error.Name, parent, summary);
            }
        }

        void HandleDefault(bool usesDefault)
        {
            if (usesDefault && summary.Features.ContainsKey("default"))
            {
                Run(() => reqs.RequireFeature("default"));
            }
        }

        switch (opts.Features)
        {
            case RequestedFeatures.Cli cli:
                if (cli.Features.AllFeatures)
                {
                    foreach (var key in summary.Features.Keys)
                    {
                        Run(() => reqs.RequireFeature(key));
                    }
                }

                foreach (var value in cli.Features.Features)
                {
                    Run(() => reqs.RequireValue(value));
                }

                HandleDefault(cli.Features.UsesDefaultFeatures);
                break;
            case RequestedFeatures.FromDependency fromDep:
                foreach (var feature in fromDep.Features)
                {
                    Run(() => reqs.RequireFeature(feature));
                }

                HandleDefault(fromDep.UsesDefaultFeatures);
                break;
        }

        return reqs;
    }

    private static Exception RequirementError(RequirementErrorKind kind, string name, PackageId? parent, Summary summary)
    {
        switch (kind)
        {
            case RequirementErrorKind.MissingFeature:
                var deps = summary.Dependencies.Where(dep => dep.NameInToml == name).ToList();
                if (deps.Count == 0)
                {
                    return parent is { } p
                        ? new ConflictException(p, new ConflictReason(ConflictReasonKind.MissingFeature, name))
                        : new FerryException($"package `{summary.PackageId}` does not have the feature `{name}`{EditDistance.ClosestMessage(name, summary.Features.Keys, "feature")}");
                }

                if (deps.Exists(dep => dep.Optional))
                {
                    if (parent is { } p2)
                    {
                        return new ConflictException(p2, new ConflictReason(ConflictReasonKind.NonImplicitDependencyAsFeature, name));
                    }

                    var enabling = FeaturesEnablingDependency(summary, name).ToList();
                    var suggestion = string.Empty;
                    if (enabling.Count > 0)
                    {
                        suggestion = $"\nDependency `{name}` would be enabled by these features:";
                        foreach (var feature in enabling.Take(3))
                        {
                            suggestion += $"\n\t- `{feature}`";
                        }

                        if (enabling.Count > 3)
                        {
                            suggestion += "\n\t  ...";
                        }
                    }

                    return new FerryException(
                        $"package `{summary.PackageId}` does not have feature `{name}`\n\nhelp: an optional dependency with that name exists, but the `features` table includes it with the \"dep:\" syntax so it does not have an implicit feature with that name{suggestion}");
                }

                return parent is { } p3
                    ? new ConflictException(p3, new ConflictReason(ConflictReasonKind.RequiredDependencyAsFeature, name))
                    : new FerryException(
                        $"package `{summary.PackageId}` does not have feature `{name}`\n\nhelp: a dependency with that name exists but it is required dependency and only optional dependencies can be used as features.");
            case RequirementErrorKind.MissingDependency:
                return parent is { } p4
                    ? new ConflictException(p4, new ConflictReason(ConflictReasonKind.MissingFeature, name))
                    : new FerryException($"package `{summary.PackageId}` does not have a dependency named `{name}`");
            default:
                return new FerryException($"cyclic feature dependency: feature `{name}` depends on itself");
        }
    }

    private static IEnumerable<string> FeaturesEnablingDependency(Summary summary, string dep)
    {
        foreach (var (name, values) in summary.Features)
        {
            foreach (var value in values)
            {
                if (value.Name == dep && (value.Kind == FeatureValueKind.Dep || (value.Kind == FeatureValueKind.DepFeature && !value.Weak)))
                {
                    yield return name;
                    break;
                }
            }
        }
    }

    private enum RequirementErrorKind
    {
        MissingFeature,
        MissingDependency,
        Cycle,
    }

    private sealed class RequirementException : Exception
    {
        public RequirementException(RequirementErrorKind kind, string name)
        {
            Kind = kind;
            Name = name;
        }

        public RequirementErrorKind Kind { get; }

        public string Name { get; }
    }

    /// <summary>Expands requested features into the features and dependency features they enable.</summary>
    private sealed class Requirements
    {
        private readonly Summary _summary;

        public Requirements(Summary summary)
        {
            _summary = summary;
        }

        public Dictionary<string, ImmutableSortedSet<string>> Deps { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Features { get; } = new(StringComparer.Ordinal);

        public void RequireFeature(string feature)
        {
            if (!Features.Add(feature))
            {
                return;
            }

            if (!_summary.Features.TryGetValue(feature, out var values))
            {
                throw new RequirementException(RequirementErrorKind.MissingFeature, feature);
            }

            foreach (var value in values)
            {
                if (value.Kind == FeatureValueKind.Feature && value.Name == feature)
                {
                    throw new RequirementException(RequirementErrorKind.Cycle, feature);
                }

                RequireValue(value);
            }
        }

        public void RequireValue(FeatureValue value)
        {
            switch (value.Kind)
            {
                case FeatureValueKind.Feature:
                    RequireFeature(value.Name);
                    break;
                case FeatureValueKind.Dep:
                    RequireDependency(value.Name);
                    break;
                default:
                    RequireDepFeature(value.Name, value.DepFeature!, value.Weak);
                    break;
            }
        }

        private void RequireDependency(string name)
        {
            if (!Deps.ContainsKey(name))
            {
                Deps[name] = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
            }
        }

        private void RequireDepFeature(string package, string feature, bool weak)
        {
            if (!weak && _summary.Dependencies.Any(dep => dep.NameInToml == package && dep.Optional) && _summary.Features.ContainsKey(package))
            {
                RequireFeature(package);
            }

            var set = Deps.TryGetValue(package, out var existing) ? existing : ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
            Deps[package] = set.Add(feature);
        }
    }
}
