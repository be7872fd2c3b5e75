using System.Collections.Immutable;
using Ferry.Core.Configuration;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Core.Urls;
using Ferry.Resolver;
using Ferry.Semver;
using Ferry.Sources.Local;
using Ferry.Util.Diagnostics;
using Ferry.Util.Text;

namespace Ferry.Sources;

/// <summary>
/// Everything the resolver can ask about packages, from every source of a run (Cargo's
/// <c>PackageRegistry</c>): it routes each dependency to the source serving its source id
/// (after <c>[source]</c> replacement), puts <c>[patch]</c> entries in front of the sources they
/// patch, and rewrites what sources answer so that packages the previous lockfile pinned stay
/// pinned (<see cref="Lock(Summary)"/>).
/// </summary>
/// <remarks>
/// <para>
/// How a command uses it: create it from the <see cref="GlobalContext"/> (<see cref="Create"/>),
/// add the workspace members (<see cref="AddPreloaded"/>), register the previous lockfile
/// (<see cref="RegisterLock"/>) and the patches (<see cref="PatchAsync"/>, then
/// <see cref="LockPatches"/>), lock the member summaries with <see cref="Lock(Summary)"/>, and hand
/// it to <see cref="ResolveDriver.ResolveAsync"/> as both the request's registry and its
/// diagnostics. The order matters as in Cargo: patches are resolved against sources directly,
/// locks must be known before patches are locked.
/// </para>
/// <para>
/// Queries never wait. A source that has not loaded a name answers pending; the registry remembers
/// nothing itself — <see cref="HasPending"/> and <see cref="LoadPendingAsync"/> ask the sources —
/// so a round's pending names, across all registries, load in parallel. Failures to create or
/// update a source are thrown from the query that needed it, with Cargo's context
/// (<c>failed to load source for dependency `x`</c> / <c>unable to update SOURCE</c>), so the
/// resolver's <c>failed to get `x` as a dependency of ...</c> lands on top, as in Cargo.
/// </para>
/// <para>
/// Path overrides (<c>paths</c> in config) are not supported yet. Git sources are fetched and
/// checked out when first needed (<see cref="Git.GitSource"/>, <c>docs/git.md</c>).
/// </para>
/// </remarks>
public sealed class PackageRegistry : IPackageQuery, IResolverDiagnostics, IDisposable
{
    private readonly SourceFactory _factory;
    private readonly Dictionary<SourceId, ISource> _sources = new();
    private readonly Dictionary<SourceId, (bool PreciseLocked, bool KindLocked)> _loadStates = new();
    private readonly Dictionary<(SourceId Source, string Name), List<LockedPackage>> _locked = new();
    private readonly Dictionary<CanonicalUrl, List<Summary>> _patches = new();
    private readonly Dictionary<CanonicalUrl, List<PackageId>> _patchesAvailable = new();
    private bool _patchesLocked;
    private bool _speculating;
    private bool _replaying;

    private PackageRegistry(SourceConfigMap config, IPackageManifestReader? manifests, SourceOptions options)
    {
        Statistics = new SourceStatistics();
        _factory = new SourceFactory(config, manifests, options, Statistics);
    }

    public SourceConfigMap SourceConfig => _factory.Config;

    public SourceStatistics Statistics { get; }

    /// <summary>The <c>[patch]</c> summaries by the canonical URL they patch (locked once <see cref="LockPatches"/> ran).</summary>
    public IReadOnlyDictionary<CanonicalUrl, IReadOnlyList<Summary>> Patches =>
        _patches.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<Summary>)pair.Value);

    public bool HasPending => _sources.Values.Any(static source => source.HasPending);

    /// <summary>With <c>--offline</c>/<c>--frozen</c>/<c>net.offline</c>, the flag the resolver's hint names.</summary>
    public string? OfflineFlag
    {
        get
        {
            var gctx = SourceConfig.Context;
            return gctx.Cli.Frozen ? "--frozen" : gctx.Offline ? "--offline" : null;
        }
    }

    /// <summary>A registry for one run; reads and validates <c>[source]</c> now.</summary>
    /// <param name="gctx">The run's configuration (<c>[source]</c>, <c>[registries]</c>, <c>[http]</c>, <c>[net]</c>, offline flags, Cargo home).</param>
    /// <param name="manifests">Reads manifests of path dependencies and vendored packages; null when neither can occur.</param>
    /// <param name="options">Parallelism and test seams; <see cref="SourceOptions.Default"/> when null.</param>
    /// <param name="respectSourceConfig">False ignores <c>[source]</c> (<c>cargo vendor</c> without <c>--respect-source-config</c>).</param>
    public static PackageRegistry Create(GlobalContext gctx, IPackageManifestReader? manifests = null, SourceOptions? options = null, bool respectSourceConfig = true) =>
        new(SourceConfigMap.Create(gctx, respectSourceConfig), manifests, options ?? SourceOptions.Default);

    /// <summary>Adds a package whose manifest the caller already read (a workspace member): its path source answers with it.</summary>
    public void AddPreloaded(Summary summary)
    {
        if (_sources.TryGetValue(summary.Source, out var existing) && existing is PathSource path)
        {
            path.Preload(summary);
            return;
        }

        var source = new PathSource(summary.Source, _factory.Manifests);
        source.Preload(summary);
        _sources[summary.Source] = source;
    }

    /// <summary>Records a package of the previous lockfile and what its dependencies resolved to (Cargo's <c>register_lock</c>).</summary>
    public void RegisterLock(PackageId id, IEnumerable<PackageId> dependencies)
    {
        var key = (id.Source, id.Name);
        if (!_locked.TryGetValue(key, out var list))
        {
            list = [];
            _locked[key] = list;
        }

        list.Add(new LockedPackage(id, [.. dependencies]));
    }

    /// <summary>Forgets every registered lock.</summary>
    public void ClearLock() => _locked.Clear();

    public QueryResult Query(Dependency dependency)
    {
        if (!_patchesLocked && _patches.Count > 0)
        {
            throw new InvalidOperationException("patches must be locked (LockPatches) before the registry is queried");
        }

        // Patches for the dependency's source, matched by name and version only: by definition
        // they come from somewhere else.
        List<Summary>? patches = null;
        if (_patches.Count > 0 && _patches.TryGetValue(dependency.Source.CanonicalUrl, out var available))
        {
            patches = available.FindAll(summary => dependency.MatchesIgnoringSource(summary.PackageId));
        }

        // A dependency locked to a patch needs nothing from the patched source.
        if (patches is { Count: 1 } && dependency.LockedVersion is not null)
        {
            return QueryResult.Ready([new IndexSummary(patches[0])]);
        }

        var source = EnsureLoadedAs(dependency.Source, dependency.PackageName, lockedNamespace: dependency.LockedVersion is not null, lockKind: false);
        var result = source.Query(dependency);
        if (result.IsPending)
        {
            return result;
        }

        if (patches is not { Count: > 0 } && _locked.Count == 0 && _patchesAvailable.Count == 0)
        {
            return result;
        }

        var candidates = new List<IndexSummary>(result.Candidates.Count + (patches?.Count ?? 0));
        if (patches is not null)
        {
            foreach (var patch in patches)
            {
                candidates.Add(new IndexSummary(patch));
            }
        }

        foreach (var candidate in result.Candidates)
        {
            // A patch of the same version hides the source's own.
            if (patches is not null && patches.Exists(patch => patch.Version == candidate.Summary.Version))
            {
                continue;
            }

            var locked = LockSummary(candidate.Summary);
            candidates.Add(ReferenceEquals(locked, candidate.Summary) ? candidate : candidate with { Summary = locked });
        }

        return QueryResult.Ready(candidates);
    }

    /// <summary>
    /// Turns speculation on or off for every source (see <see cref="ResolveDriver"/>). While on,
    /// queries wait for nothing and change nothing: a source answers from what is at hand, and a
    /// query that would create or reload a source throws <see cref="SpeculationAbandoned"/>.
    /// </summary>
    internal void Speculate(bool on)
    {
        _speculating = on;
        foreach (var source in _sources.Values)
        {
            source.Speculate(on);
        }
    }

    /// <summary>Whether a source loaded files before the resolver asked for them (prefetching).</summary>
    internal bool LoadedAhead => Statistics.Prefetched > 0;

    /// <summary>Turns Cargo's loading schedule on or off for every source, those created later included (see <see cref="ResolveDriver"/>).</summary>
    internal void ReplayCargoSchedule(bool on)
    {
        _replaying = on;
        foreach (var source in _sources.Values)
        {
            source.ReplayCargoSchedule(on);
        }
    }

    /// <summary>Ends a round of the replayed schedule; true when files asked for in it now count.</summary>
    internal bool NextScheduledRound()
    {
        var added = false;
        foreach (var source in _sources.Values)
        {
            added |= source.NextScheduledRound();
        }

        return added;
    }

    /// <summary>Whether a load in flight has copies at hand a speculative round could read.</summary>
    internal bool CanSpeculate => _sources.Values.Any(static source => source.CanSpeculate);

    /// <summary>Once the loads in flight during speculation finished: whether every answer given then still holds.</summary>
    internal bool SpeculationHeld => _sources.Values.All(static source => source.SpeculationHeld);

    /// <summary>Loads every name any source was asked for and did not have, all sources at once.</summary>
    public Task LoadPendingAsync(CancellationToken cancellationToken)
    {
        var loads = new List<Task>();
        foreach (var source in _sources.Values)
        {
            if (source.HasPending)
            {
                loads.Add(source.LoadPendingAsync(cancellationToken));
            }
        }

        return Task.WhenAll(loads);
    }

    /// <summary>
    /// Registers the <c>[patch]</c> table for <paramref name="url"/> (Cargo's <c>patch</c>): each
    /// entry must resolve, in its own source, to exactly one package, which is not from the patched
    /// source and not the same version as another entry. Returns the locked entries that no longer
    /// match (the caller must not keep them locked). The patches are used once
    /// <see cref="LockPatches"/> has run.
    /// </summary>
    public async Task<IReadOnlyList<PatchUnlock>> PatchAsync(Url url, IReadOnlyList<PatchDependency> patchDependencies, CancellationToken cancellationToken)
    {
        var canonical = CanonicalUrl.Of(url);
        var unlock = new List<PatchUnlock>();
        var summaries = new List<Summary>();
        foreach (var patch in patchDependencies)
        {
            var dep = patch.Locked?.Dependency ?? patch.Dependency;
            WarnUnusedFields(dep);
            var source = EnsureLoaded(dep.Source, dep.PackageName);
            var found = await QueryCandidatesAsync(source, dep, cancellationToken).ConfigureAwait(false);
            var (summary, unlockId) = await SummaryForPatchAsync(patch, url, patch.Locked, found, source, cancellationToken).ConfigureAwait(false);
            if (unlockId is not null)
            {
                unlock.Add(new PatchUnlock(patch, unlockId));
            }

            if (summary.Source.CanonicalUrl == canonical)
            {
                throw new FerryException(
                    $"patch for `{dep.PackageName}` points to the same source, but patches must point to different sources\n"
                    + $"help: check `{dep.PackageName}` patch definition for `{url}` in `{patch.Location}`");
            }

            summaries.Add(summary);
        }

        var seen = new HashSet<(string, Version)>();
        foreach (var summary in summaries)
        {
            if (!seen.Add((summary.Name, summary.Version)))
            {
                var locations = patchDependencies
                    .Where(p => p.Dependency.PackageName == summary.Name)
                    .Select(p => $"`{p.Location}`")
                    .Distinct();
                throw new FerryException(
                    $"several `[patch]` entries resolving to same version `{summary.Name} v{summary.Version}`\n"
                    + $"help: check `{summary.Name}` patch definitions for `{url}` in {string.Join(", ", locations)}");
            }
        }

        var ids = new List<PackageId>();
        for (var i = 0; i < summaries.Count; i++)
        {
            ids.Add(summaries[i].PackageId);

            // v2 lockfiles wrote a git default branch as `branch=master`: a patch is available under both spellings.
            if (patchDependencies[i].Locked?.AltPackageId is { } alt)
            {
                ids.Add(alt);
            }
        }

        _patchesAvailable[canonical] = ids;
        _patches[canonical] = summaries;
        return unlock;
    }

    /// <summary>Locks every registered patch against the registered locks and makes patches available to queries.</summary>
    public void LockPatches()
    {
        foreach (var summaries in _patches.Values)
        {
            for (var i = 0; i < summaries.Count; i++)
            {
                summaries[i] = LockSummary(summaries[i]);
            }
        }

        _patchesLocked = true;
    }

    /// <summary>
    /// Cargo's <c>lock</c>: if the previous lockfile had this very package, its id (with the locked
    /// git revision) and each dependency it resolved become exact pins ("first hit"; a pin through
    /// a patch pins only the version). Any other dependency that matches a locked package of its
    /// source is pinned to it ("second hit"). Everything else is left to resolve freely.
    /// </summary>
    public Summary Lock(Summary summary) => LockSummary(summary);

    /// <summary>The patches the resolve did not use, for <c>[[patch.unused]]</c> and the warning.</summary>
    public ImmutableArray<PackageId> UnusedPatches(Resolve resolve)
    {
        var unused = ImmutableArray.CreateBuilder<PackageId>();
        foreach (var summaries in _patches.Values)
        {
            foreach (var summary in summaries)
            {
                if (!resolve.Graph.ContainsKey(summary.PackageId))
                {
                    unused.Add(summary.PackageId);
                }
            }
        }

        return unused.ToImmutable();
    }

    public IReadOnlyList<IndexSummary> AllVersions(Dependency dependency)
    {
        var result = new List<IndexSummary>();
        if (_patches.TryGetValue(dependency.Source.CanonicalUrl, out var patches))
        {
            result.AddRange(patches.Where(p => p.Name == dependency.PackageName).Select(p => new IndexSummary(p)));
        }

        if (_sources.TryGetValue(dependency.Source, out var source))
        {
            result.AddRange(source.AllVersions(dependency.PackageName));
        }

        return result;
    }

    /// <summary>
    /// The versions of <paramref name="dependency"/>'s package (patches included) whose number
    /// <paramref name="matches"/> accepts, newest first, parsed only as far as the caller reads.
    /// </summary>
    public IEnumerable<IndexSummary> NewestFirst(Dependency dependency, Func<Version, bool> matches)
    {
        var patched = _patches.TryGetValue(dependency.Source.CanonicalUrl, out var patches)
            ? patches.Where(p => p.Name == dependency.PackageName && matches(p.Version)).OrderByDescending(p => p.Version).Select(p => new IndexSummary(p)).ToList()
            : [];
        var indexed = _sources.TryGetValue(dependency.Source, out var source) ? source.NewestFirst(dependency.PackageName, matches) : [];
        if (patched.Count == 0)
        {
            return indexed;
        }

        return Merge(patched, indexed);

        static IEnumerable<IndexSummary> Merge(List<IndexSummary> patched, IEnumerable<IndexSummary> indexed)
        {
            var next = 0;
            foreach (var summary in indexed)
            {
                while (next < patched.Count && patched[next].Summary.Version >= summary.Summary.Version)
                {
                    yield return patched[next++];
                }

                yield return summary;
            }

            while (next < patched.Count)
            {
                yield return patched[next++];
            }
        }
    }

    public IReadOnlyList<string> SimilarNames(Dependency dependency)
    {
        if (!_sources.TryGetValue(dependency.Source, out var source))
        {
            return [];
        }

        // Cargo: sort by name, dedup, keep those within an edit distance of 3, stable-sort by distance.
        var names = source.AlternativeNames(dependency.PackageName).Distinct().OrderBy(n => n, StringComparer.Ordinal);
        return [.. names
            .Select(name => (Name: name, Distance: EditDistance.Distance(dependency.PackageName, name, 3)))
            .Where(pair => pair.Distance is not null)
            .OrderBy(pair => pair.Distance)
            .Select(pair => pair.Name)];
    }

    public string DescribeSource(SourceId source) =>
        _sources.TryGetValue(source, out var loaded) ? loaded.Describe() : source.ToString();

    public bool IsReplaced(SourceId source) => _sources.TryGetValue(source, out var loaded) && loaded.IsReplaced;

    /// <summary>
    /// Cargo's context for a failure inside a replaced source's download (fetching, unpacking or
    /// reading the package's manifest): <c>failed to download replaced source ...</c>. Errors of
    /// sources that replace nothing pass as they are.
    /// </summary>
    public FerryException DownloadError(SourceId source, FerryException error) =>
        _sources.TryGetValue(source, out var loaded) ? DownloadError(loaded, error) : error;

    internal static FerryException DownloadError(ISource source, FerryException error) =>
        source.IsReplaced ? new FerryException($"failed to download replaced source {source.SourceId}", error) : error;

    /// <summary>
    /// Where the <c>.crate</c> of a resolved registry package is downloaded from (the registry's
    /// <c>dl</c> template), or for a local registry the file itself; null for packages that are
    /// not archives (path, directory). The package's source must have been queried this run.
    /// </summary>
    public async Task<string?> DownloadLocationAsync(PackageId id, string checksum, CancellationToken cancellationToken)
    {
        if (!_sources.TryGetValue(id.Source, out var source))
        {
            throw new InvalidOperationException($"the source of {id} was not used in this run");
        }

        return source switch
        {
            Registry.SparseRegistrySource sparse => await sparse.DownloadUrlAsync(id.Name, id.Version, checksum, cancellationToken).ConfigureAwait(false),
            Registry.LocalRegistrySource local => local.CratePath(id.Name, id.Version),
            _ => null,
        };
    }

    /// <summary>The source serving <paramref name="source"/> in this run, creating it if no query needed it yet.</summary>
    internal ISource SourceFor(PackageId id) => EnsureLoaded(id.Source, id.Name);

    public void Dispose() => _factory.Dispose();

    /// <summary>
    /// Cargo's <c>add_sources</c>: loads these sources now and fixes them for the whole run, so a
    /// later query never switches instances (what <c>update -p</c> does for the updated packages' sources).
    /// </summary>
    public void AddSources(IEnumerable<SourceId> ids)
    {
        foreach (var id in ids)
        {
            EnsureLoadedAs(id, id.ToString(), lockedNamespace: false, lockKind: true);
        }
    }

    /// <summary>
    /// Cargo keys loaded sources by their id including its "precise" part: dependencies pinned by
    /// the lockfile carry a <c>locked</c> precise, fresh ones none. A source first loaded for a
    /// pinned dependency is loaded again (a new instance that refreshes the index and prints its
    /// <c>Updating</c> line again) when an unpinned dependency needs it, unless it was fixed with
    /// <see cref="AddSources"/>. Reproducing this keeps Ferry's status output identical to Cargo's.
    /// </summary>
    private ISource EnsureLoadedAs(SourceId id, string dependencyName, bool lockedNamespace, bool lockKind)
    {
        var registry = id.IsRegistry;
        if (_loadStates.TryGetValue(id, out var state) && _sources.ContainsKey(id))
        {
            // A git source loaded at a locked commit is loaded again for another commit (or for
            // none: the newest) unless fixed, as Cargo's `ensure_loaded` does.
            var reload = !state.KindLocked && _sources[id] is Git.GitSource git && git.SourceId.Precise is { } loaded && loaded != id.Precise;
            if (!reload && (state.KindLocked || !state.PreciseLocked || state.PreciseLocked == lockedNamespace || !registry))
            {
                return _sources[id];
            }

            SpeculationAbandoned.ThrowIf(_speculating);
            _sources.Remove(id);
        }

        // Creating a source may fetch (git) and changes what later rounds see: not while speculating.
        SpeculationAbandoned.ThrowIf(_speculating);
        _loadStates[id] = (lockedNamespace && registry, lockKind);
        return EnsureLoaded(id, dependencyName);
    }

    private ISource EnsureLoaded(SourceId id, string dependencyName)
    {
        if (_sources.TryGetValue(id, out var source))
        {
            return source;
        }

        try
        {
            source = _factory.Create(id);
        }
        catch (FerryException error)
        {
            throw LoadError(dependencyName, id, error);
        }

        try
        {
            source.Update();
        }
        catch (FerryException error)
        {
            throw LoadError(dependencyName, id, source.IsReplaced ? new FerryException($"failed to update replaced source {id}", error) : error);
        }

        if (_replaying)
        {
            source.ReplayCargoSchedule(true);
        }

        _sources[id] = source;
        return source;
    }

    private static FerryException LoadError(string dependencyName, SourceId id, Exception cause) =>
        new($"failed to load source for dependency `{dependencyName}`", new FerryException($"unable to update {id}", cause));

    private Summary LockSummary(Summary summary)
    {
        if (_locked.Count == 0 && _patchesAvailable.Count == 0)
        {
            return summary;
        }

        LockedPackage? pair = null;
        if (_locked.TryGetValue((summary.Source, summary.Name), out var candidates))
        {
            pair = candidates.Find(entry => entry.Id == summary.PackageId);
        }

        var result = summary;
        if (pair is not null && !ReferenceEquals(pair.Id, summary.PackageId))
        {
            result = result with { PackageId = pair.Id };
        }

        ImmutableArray<Dependency>.Builder? dependencies = null;
        for (var i = 0; i < summary.Dependencies.Length; i++)
        {
            var dep = summary.Dependencies[i];
            var locked = LockDependency(dep, pair);
            if (dependencies is null && !ReferenceEquals(locked, dep))
            {
                dependencies = ImmutableArray.CreateBuilder<Dependency>(summary.Dependencies.Length);
                dependencies.AddRange(summary.Dependencies, i);
            }

            dependencies?.Add(locked);
        }

        return dependencies is null ? result : result with { Dependencies = dependencies.MoveToImmutable() };
    }

    private Dependency LockDependency(Dependency dep, LockedPackage? pair)
    {
        if (pair is not null)
        {
            foreach (var id in pair.Dependencies)
            {
                // Case 1: locked to exactly this package. Case 3: locked through a [patch] of the
                // dependency's source. Case 2 (source or requirement changed): not a hit.
                var hit = dep.Matches(id)
                    || (dep.MatchesIgnoringSource(id)
                        && _patchesAvailable.TryGetValue(dep.Source.CanonicalUrl, out var patched)
                        && patched.Contains(id));
                if (hit)
                {
                    return id.Source == dep.Source ? dep.LockTo(id) : dep.LockVersion(id.Version);
                }
            }
        }

        // Case 4: a dependency the locked package did not have (or an unlocked package): use
        // any locked package of that source that fits.
        if (_locked.TryGetValue((dep.Source, dep.PackageName), out var candidates))
        {
            foreach (var entry in candidates)
            {
                if (dep.Matches(entry.Id))
                {
                    return dep.LockTo(entry.Id);
                }
            }
        }

        return dep;
    }

    private static async Task<List<Summary>> QueryCandidatesAsync(ISource source, Dependency dep, CancellationToken cancellationToken)
    {
        while (true)
        {
            QueryResult result;
            try
            {
                result = source.Query(dep);
            }
            catch (FerryException error)
            {
                throw LoadError(dep.PackageName, source.SourceId, error);
            }

            if (!result.IsPending)
            {
                return [.. result.Candidates.Where(c => c.Status == IndexSummaryStatus.Candidate).Select(c => c.Summary)];
            }

            if (!source.HasPending)
            {
                throw new FerryException($"internal error: {source.Describe()} keeps `{dep.PackageName}` pending without loading it");
            }

            await source.LoadPendingAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Cargo's <c>summary_for_patch</c>: the one package a patch entry stands for, or a message saying why there is not one.</summary>
    private async Task<(Summary Summary, PackageId? Unlock)> SummaryForPatchAsync(
        PatchDependency patch,
        Url url,
        LockedPatchDependency? locked,
        List<Summary> summaries,
        ISource source,
        CancellationToken cancellationToken)
    {
        var original = patch.Dependency;
        if (summaries.Count == 1)
        {
            return (summaries[0], null);
        }

        if (summaries.Count > 1)
        {
            var versions = summaries.Select(s => s.Version).Order().Select(v => v.ToString()).ToList();
            throw new FerryException(
                $"patch for `{original.PackageName}` in `{original.Source}` resolved to more than one candidate\n"
                + $"note: found versions: {string.Join(", ", versions)}\n"
                + $"help: check `{original.PackageName}` patch definition for `{url}` in `{patch.Location}`\n"
                + $"help: select only one package using `version = \"={versions[^1]}\"`");
        }

        if (locked is not null)
        {
            // The locked version is gone from the patch location: try the patch as written, and unlock it.
            List<Summary> unlocked;
            try
            {
                unlocked = await QueryCandidatesAsync(source, original, cancellationToken).ConfigureAwait(false);
            }
            catch (FerryException)
            {
                unlocked = [];
            }

            var (summary, _) = await SummaryForPatchAsync(patch, url, null, unlocked, source, cancellationToken).ConfigureAwait(false);
            return (summary, locked.PackageId);
        }

        List<Summary> byName;
        try
        {
            byName = await QueryCandidatesAsync(source, original with { Req = VersionReq.Star, LockedVersion = null }, cancellationToken).ConfigureAwait(false);
        }
        catch (FerryException)
        {
            byName = [];
        }

        var found = byName.Select(s => s.Version).Order().Select(v => v.ToString()).ToList();
        if (found.Count == 0)
        {
            throw new FerryException(
                $"patch location `{original.Source}` does not contain packages matching `{original.PackageName}`\n"
                + $"help: check `{original.PackageName}` patch definition for `{url}` in `{patch.Location}`");
        }

        var contains = found.Count == 1 ? $"version `{found[0]}`" : $"versions `{string.Join(", ", found)}`";
        throw new FerryException(
            $"patch `{original.PackageName}` version mismatch\n"
            + $"note: patch location contains {contains}, but patch definition requires `{original.Req}`\n"
            + $"help: check patch location `{original.Source}`\n"
            + $"help: check `{original.PackageName}` patch definition for `{url}` in `{patch.Location}`");
    }

    private void WarnUnusedFields(Dependency dep)
    {
        var unused = new List<string>();
        if (dep.Features.Length != 0)
        {
            unused.Add("`features`");
        }

        if (!dep.DefaultFeatures)
        {
            unused.Add("`default-features`");
        }

        if (unused.Count > 0)
        {
            var fields = string.Join(", ", unused);
            SourceConfig.Context.Shell.Warn(
                $"unused field in patch for `{dep.PackageName}`: {fields}\n  |\n  = help: configure {fields} in the `dependencies` entry");
        }
    }

    /// <summary>A lockfile package and the packages its dependencies resolved to.</summary>
    private sealed record LockedPackage(PackageId Id, ImmutableArray<PackageId> Dependencies);
}
