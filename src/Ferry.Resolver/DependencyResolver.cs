using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Util.Diagnostics;

namespace Ferry.Resolver;

/// <summary>
/// Cargo's dependency resolver: a depth-first search that activates the newest acceptable
/// version of each dependency, most constrained dependency first, and backtracks on conflicts
/// (one version per semver-compatible range and source, one package per <c>links</c> value,
/// features that must exist). Dead ends are cached per dependency so they are not explored
/// again, and a failure jumps straight back to the newest decision involved in the conflict.
///
/// The same choices as Cargo's are the point — Cargo.lock must come out byte-identical — so the
/// search order is Cargo's: the ordering of pending frames, of candidates, of conflict sets and
/// of backtrack frames all follow its rules.
///
/// The resolver never waits for I/O. When a source has not loaded a package yet, the
/// dependency is left out of the round; <see cref="RunRound"/> reports that more data is needed,
/// the caller loads it, and the next round starts over with everything learnt so far (query
/// results and the conflict cache are kept across rounds, as in Cargo).
/// </summary>
public sealed class DependencyResolver
{
    private readonly ResolveRequest _request;
    private readonly RegistryQueryer _queryer;
    private readonly ConflictCache _pastConflicts = new();

    public DependencyResolver(ResolveRequest request)
    {
        _request = request;
        _queryer = new RegistryQueryer(request.Registry, request.Replacements, request.Preferences);
    }

    /// <summary>Runs rounds against an already fully loaded registry (tests, offline data).</summary>
    public static Resolve ResolveLoaded(ResolveRequest request)
    {
        var resolver = new DependencyResolver(request);
        var outcome = resolver.RunRound();
        if (outcome is null)
        {
            throw new FerryException("internal error: the registry reported pending data after loading everything");
        }

        return outcome;
    }

    /// <summary>One round of the search; null when some source answered "not loaded yet" (load it and call again).</summary>
    public Resolve? RunRound()
    {
        _queryer.StartRound();
        var cx = ActivateDepsLoop();
        if (_queryer.HadPending)
        {
            return null;
        }

        var resolve = BuildResolve(cx);
        CycleCheck.Check(resolve);
        return resolve;
    }

    private ResolverContext ActivateDepsLoop()
    {
        var cx = ResolverContext.Empty.Clone();
        var backtrackStack = new List<BacktrackFrame>();
        var remainingDeps = RemainingDeps.Empty;

        foreach (var (summary, opts) in _request.Roots)
        {
            try
            {
                if (Activate(cx, null, summary, opts) is { } frame)
                {
                    remainingDeps = remainingDeps.Push(frame);
                }
            }
            catch (ConflictException)
            {
                throw new FerryException("internal error: a root package conflicted during activation");
            }
        }

        var ticks = 0;
        while (true)
        {
            remainingDeps = remainingDeps.PopMostConstrained(out var popped);
            if (popped is not { } next)
            {
                break;
            }

            if (++ticks > _request.MaxTicks)
            {
                throw new FerryException(
                    $"dependency resolution gave up after {_request.MaxTicks} steps: the dependency graph is pathological (too many conflicting version combinations)",
                    null,
                    ["help: pin conflicting dependencies to narrower version requirements, or run `ferry update` to start from newer versions"]);
            }

            var parent = next.Parent;
            var dep = next.Dep.Dependency;
            var candidates = next.Dep.Candidates;
            var features = next.Dep.Features;
            var justHereForTheErrorMessages = next.JustForErrorMessages && _pastConflicts.Conflicting(cx, dep) is not null;

            var remainingCandidates = new RemainingCandidates(candidates);
            var conflicting = new ConflictMap();
            var backtracked = false;

            while (true)
            {
                var candidateNext = remainingCandidates.Next(conflicting, cx);
                Summary candidate;
                bool hasAnother;
                if (candidateNext is { } found)
                {
                    (candidate, hasAnother) = found;
                }
                else
                {
                    ConflictMap? generalized = null;
                    if (!justHereForTheErrorMessages && !backtracked)
                    {
                        _pastConflicts.Insert(dep, conflicting);
                        generalized = GeneralizeConflicting(cx, parent, dep, conflicting);
                    }

                    var frame = FindCandidate(cx, backtrackStack, parent, backtracked, generalized ?? conflicting);
                    if (frame is null)
                    {
                        throw ActivationErrors.Build(cx, _queryer, _request.Diagnostics, parent, dep, conflicting, candidates);
                    }

                    (candidate, hasAnother, var restored) = frame.Value;
                    cx = restored.Context;
                    remainingDeps = restored.RemainingDeps;
                    remainingCandidates = restored.RemainingCandidates;
                    parent = restored.Parent;
                    dep = restored.Dep;
                    features = restored.Features;
                    conflicting = restored.ConflictingActivations;
                    backtracked = true;
                }

                if (justHereForTheErrorMessages && !backtracked && hasAnother)
                {
                    continue;
                }

                var backtrack = hasAnother
                    ? new BacktrackFrame(cx.Clone(), remainingDeps, remainingCandidates.Clone(), parent, dep, features, new ConflictMap(conflicting))
                    : null;

                var pid = candidate.PackageId;
                var opts = new ResolveOpts(false, new RequestedFeatures.FromDependency(features, dep.DefaultFeatures));
                bool successfullyActivated;
                try
                {
                    var frame = Activate(cx, (parent, dep), candidate, opts);
                    if (frame is null)
                    {
                        successfullyActivated = true;
                    }
                    else
                    {
                        successfullyActivated = CheckNewFrame(
                            cx, frame, pid, parent, backtracked, justHereForTheErrorMessages, hasAnother, conflicting, backtrackStack, ref remainingDeps);
                    }
                }
                catch (ConflictException conflict)
                {
                    conflicting[conflict.ConflictingWith] = conflict.Reason;
                    successfullyActivated = false;
                }

                if (successfullyActivated)
                {
                    if (backtrack is not null)
                    {
                        backtrackStack.Add(backtrack);
                    }

                    break;
                }

                if (backtrack is not null)
                {
                    cx = backtrack.Context;
                }
            }
        }

        return cx;
    }

    /// <summary>
    /// After activating <paramref name="pid"/>: if one of its dependencies is already known to be
    /// unresolvable with what is active, skip it (unless it is needed for the error message).
    /// Returns whether the candidate counts as successfully activated.
    /// </summary>
    private bool CheckNewFrame(
        ResolverContext cx,
        DepsFrame frame,
        PackageId pid,
        Summary parent,
        bool backtracked,
        bool justHereForTheErrorMessages,
        bool hasAnother,
        ConflictMap conflicting,
        List<BacktrackFrame> backtrackStack,
        ref RemainingDeps remainingDeps)
    {
        var hasPastConflictingDep = justHereForTheErrorMessages;
        if (!hasPastConflictingDep)
        {
            foreach (var sibling in frame.Remaining)
            {
                if (_pastConflicts.Conflicting(cx, sibling.Dependency) is { } known)
                {
                    foreach (var (id, reason) in known)
                    {
                        if (id != pid)
                        {
                            conflicting[id] = reason;
                        }
                    }

                    hasPastConflictingDep = true;
                    break;
                }
            }
        }

        if (!hasPastConflictingDep && _pastConflicts.DependenciesConflictingWith(pid) is { } knownRelatedBadDeps)
        {
            foreach (var (otherParent, otherDep) in remainingDeps.Iter())
            {
                if (!knownRelatedBadDeps.Contains(otherDep))
                {
                    continue;
                }

                if (_pastConflicts.FindConflicting(cx, otherDep, pid) is { } conflict)
                {
                    var rel = conflict[pid];
                    foreach (var (id, reason) in conflict)
                    {
                        if (id != pid)
                        {
                            conflicting[id] = reason;
                        }
                    }

                    conflicting[otherParent] = rel;
                    hasPastConflictingDep = true;
                    break;
                }
            }
        }

        var activateForErrorMessage = hasPastConflictingDep && !hasAnother
            && (justHereForTheErrorMessages || FindCandidate(cx, [.. backtrackStack], parent, backtracked, conflicting) is null);
        if (activateForErrorMessage)
        {
            backtrackStack.Clear();
        }

        if (!hasPastConflictingDep || activateForErrorMessage)
        {
            remainingDeps = remainingDeps.Push(frame with { JustForErrorMessages = hasPastConflictingDep });
            return true;
        }

        return false;
    }

    /// <summary>Activates a candidate; returns its dependency frame, or null when nothing new was activated.</summary>
    private DepsFrame? Activate(ResolverContext cx, (Summary Parent, Dependency Dep)? parent, Summary candidate, ResolveOpts opts)
    {
        var candidatePid = candidate.PackageId;
        cx.IncrementAge();
        if (parent is { } p)
        {
            cx.LinkParent(candidatePid, p.Parent.PackageId, p.Dep);
        }

        var activated = cx.FlagActivated(candidate, opts, parent);
        if (_queryer.ReplacementSummary(candidatePid) is { } replace)
        {
            // `[replace]` activates the replacement without linking it to the parent, as Cargo does.
            if (cx.FlagActivated(replace, opts, null) && activated)
            {
                return null;
            }

            candidate = replace;
        }
        else if (activated)
        {
            return null;
        }

        var built = _queryer.BuildDeps(cx, parent?.Parent.PackageId, candidate, opts);
        if (built.UsedFeatures.Count > 0)
        {
            cx.AddFeatures(candidate.PackageId, built.UsedFeatures);
        }

        return new DepsFrame(candidate, false, built.Deps, 0);
    }

    private static (Summary Candidate, bool HasAnother, BacktrackFrame Frame)? FindCandidate(
        ResolverContext cx,
        List<BacktrackFrame> backtrackStack,
        Summary parent,
        bool backtracked,
        ConflictMap conflicting)
    {
        var age = backtracked ? null : cx.IsConflicting(parent.PackageId, conflicting);
        BacktrackFrame? newFrame = null;
        if (age is { } limit)
        {
            while (backtrackStack.Count > 0)
            {
                var frame = backtrackStack[^1];
                backtrackStack.RemoveAt(backtrackStack.Count - 1);
                if (frame.Context.Age < limit)
                {
                    newFrame = frame;
                    break;
                }
            }
        }
        else if (backtrackStack.Count > 0)
        {
            newFrame = backtrackStack[^1];
            backtrackStack.RemoveAt(backtrackStack.Count - 1);
        }

        if (newFrame is null)
        {
            return null;
        }

        // The saved frame is reused, so the candidate iterator and conflict map are its own copies.
        var candidates = newFrame.RemainingCandidates.Clone();
        var conflicts = new ConflictMap(newFrame.ConflictingActivations);
        var context = newFrame.Context.Clone();
        var next = candidates.Next(conflicts, context) ?? throw new FerryException("internal error: a saved backtrack frame has no candidate left");
        return (next.Candidate, next.HasAnother, newFrame with { Context = context, RemainingCandidates = candidates, ConflictingActivations = conflicts });
    }

    /// <summary>
    /// Tries to turn the conflict at hand into a more general one: if every version the parent
    /// of the newest conflicting package could have picked is known to fail too, then that
    /// parent itself is the problem, and the search can jump back further.
    /// </summary>
    private ConflictMap? GeneralizeConflicting(ResolverContext cx, Summary parent, Dependency dep, ConflictMap conflicting)
    {
        var criticalAge = -1;
        PackageId? criticalId = null;
        foreach (var id in conflicting.Keys)
        {
            if (cx.IsActive(id) is not { } age)
            {
                return null;
            }

            if (age > criticalAge || (age == criticalAge && criticalId is not null && id.CompareTo(criticalId) > 0))
            {
                criticalAge = age;
                criticalId = id;
            }
        }

        if (criticalId is null)
        {
            return null;
        }

        var criticalReason = conflicting[criticalId];
        if (cx.Parents.IsPathFromTo(parent.PackageId, criticalId))
        {
            return null;
        }

        foreach (var (criticalParent, criticalParentsDeps) in cx.Parents.Edges(criticalId))
        {
            if (cx.IsActive(criticalParent) is not { } parentAge || parentAge >= criticalAge)
            {
                continue;
            }

            foreach (var criticalParentsDep in criticalParentsDeps)
            {
                var candidates = _queryer.Query(criticalParentsDep) ?? throw new FerryException("internal error: an already used dependency is now pending");
                var others = new List<(PackageId Id, ConflictMap Conflict)>();
                var all = true;
                for (var i = candidates.Count - 1; i >= 0; i--)
                {
                    var other = candidates[i].PackageId;
                    var found = _pastConflicts.Find(dep, id => id == other ? criticalAge : cx.IsActive(id), other, criticalAge);
                    if (found is null)
                    {
                        all = false;
                        break;
                    }

                    others.Add((other, found));
                }

                if (!all)
                {
                    continue;
                }

                var con = new ConflictMap(conflicting);
                foreach (var (_, other) in others)
                {
                    con.Extend(other);
                }

                foreach (var (otherId, _) in others)
                {
                    con.Remove(otherId);
                }

                con[criticalParent] = criticalReason;
                _pastConflicts.Insert(dep, con);
                return con;
            }
        }

        return null;
    }

    private Resolve BuildResolve(ResolverContext cx)
    {
        var summaries = ImmutableDictionary.CreateBuilder<PackageId, Summary>();
        var checksums = ImmutableDictionary.CreateBuilder<PackageId, string?>();
        foreach (var (summary, _) in cx.Activations.Values)
        {
            summaries[summary.PackageId] = summary;
            checksums[summary.PackageId] = summary.Checksum;
        }

        // Parents map child -> parent; the resolve graph points parent -> child.
        var edges = new Dictionary<PackageId, SortedDictionary<PackageId, ImmutableArray<Dependency>>>();
        foreach (var id in summaries.Keys)
        {
            edges[id] = new SortedDictionary<PackageId, ImmutableArray<Dependency>>();
        }

        foreach (var child in cx.Parents.Nodes)
        {
            if (!edges.ContainsKey(child))
            {
                edges[child] = new SortedDictionary<PackageId, ImmutableArray<Dependency>>();
            }

            foreach (var (parentId, deps) in cx.Parents.Edges(child))
            {
                if (!edges.TryGetValue(parentId, out var children))
                {
                    children = new SortedDictionary<PackageId, ImmutableArray<Dependency>>();
                    edges[parentId] = children;
                }

                children[child] = [.. deps];
            }
        }

        var graph = ImmutableDictionary.CreateBuilder<PackageId, ImmutableArray<ResolvedEdge>>();
        foreach (var (id, children) in edges)
        {
            graph[id] = [.. children.Select(pair => new ResolvedEdge(pair.Key, pair.Value))];
        }

        var replacements = ImmutableDictionary.CreateBuilder<PackageId, PackageId>();
        foreach (var (original, replacement) in _queryer.UsedReplacements)
        {
            if (summaries.ContainsKey(original))
            {
                replacements[original] = replacement.PackageId;
            }
        }

        var features = ImmutableDictionary.CreateBuilder<PackageId, ImmutableArray<string>>();
        foreach (var (id, set) in cx.ResolveFeatures)
        {
            features[id] = [.. set];
        }

        return new Resolve(
            graph.ToImmutable(),
            replacements.ToImmutable(),
            features.ToImmutable(),
            checksums.ToImmutable(),
            ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal),
            [],
            _request.Version,
            summaries.ToImmutable());
    }
}
