using System.Collections.Immutable;
using Ferry.Core.Configuration;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Lockfile;
using Ferry.Core.Manifest;
using Ferry.Core.Resolution;
using Ferry.Core.Workspaces;
using Ferry.Resolver;
using Ferry.Sources;
using Ferry.Util.Diagnostics;
using Ferry.Util.Processes;

namespace Ferry.Ops.Resolution;

/// <summary>
/// Resolves a workspace the way Cargo's <c>ops::resolve</c> does: members are preloaded, the
/// previous lockfile's packages are preferred and its edges registered as locks (except what
/// looks changed, which is "poisoned" and re-resolved), <c>[patch]</c> entries are registered and
/// locked, <c>[replace]</c> entries are pinned, the resolver runs round by round against the
/// sources, and the result keeps the previous lockfile's format and checksums.
/// </summary>
internal sealed class WorkspaceResolver
{
    private readonly Workspace _workspace;
    private readonly ManifestLoader _loader;
    private readonly GlobalContext _gctx;
    private readonly PackageRegistry _registry;
    private Task<RustVersion?>? _rustcVersion;

    public WorkspaceResolver(Workspace workspace, ManifestLoader loader, GlobalContext gctx, PackageRegistry registry)
    {
        _workspace = workspace;
        _loader = loader;
        _gctx = gctx;
        _registry = registry;
    }

    public static PackageRegistry CreateRegistry(GlobalContext gctx, ManifestLoader loader, bool respectSourceConfig = true) =>
        PackageRegistry.Create(gctx, new ManifestSummaryReader(loader), respectSourceConfig: respectSourceConfig);

    /// <summary>The context a lockfile is read in: which path packages exist.</summary>
    public ILockfileContext LockfileContext() =>
        new LockfileContext(PathPackages.Collect(_workspace, _loader).Select(m => m.PackageId));

    public string LockfilePath => Path.Combine(_workspace.Root, CargoLock.FileName);

    public Resolve? LoadPrevious() => CargoLock.Load(LockfilePath, LockfileContext());

    public async Task<Resolve> ResolveWithPreviousAsync(Resolve? previous, WorkspaceResolveOptions options, CancellationToken cancellationToken, PreciseUpdate? precise = null)
    {
        var members = _workspace.Members.ToList();
        if (members.Count == 0)
        {
            throw new FerryException("you can't generate a lockfile for an empty workspace.");
        }

        if (previous is null && _gctx.Shell.Verbosity != Verbosity.Quiet)
        {
            // A new lockfile's report checks packages against rustc's version: ask rustc (through
            // the rustup proxy, tens of milliseconds) while the index is being fetched.
            _ = RustcVersionAsync();
        }

        foreach (var manifest in _workspace.Loaded.Values)
        {
            if (manifest is Manifest package)
            {
                _registry.AddPreloaded(package.Summary);
            }
        }

        var prefs = new VersionPreferences();
        if (_gctx.Cli.Unstable.Contains("minimal-versions"))
        {
            prefs.MinimumVersionsFirst = true;
        }

        foreach (var id in options.AllowYanked)
        {
            prefs.AllowYanked(id);
        }

        if (HonorsRustVersion())
        {
            var rustVersions = members.Select(m => m.RustVersion).OfType<RustVersion>().ToList();
            if (rustVersions.Count == 0 && await RustcVersionAsync().ConfigureAwait(false) is { } rustc)
            {
                rustVersions.Add(rustc);
            }

            prefs.SetRustVersions(rustVersions);
        }

        var keepPrevious = options.KeepPrevious ?? (_ => true);
        var avoidPatchIds = options.RegisterPatches
            ? await RegisterPatchEntriesAsync(previous, prefs, keepPrevious, cancellationToken).ConfigureAwait(false)
            : [];
        bool Keep(PackageId id) => keepPrevious(id) && !avoidPatchIds.Contains(id);

        var devDeps = options.HasDevUnits || true;
        if (previous is not null)
        {
            RegisterPreviousLocks(previous, Keep, devDeps);
            foreach (var id in previous.Packages)
            {
                if (Keep(id))
                {
                    prefs.PreferPackageId(id);
                }
            }
        }

        if (options.RegisterPatches)
        {
            _registry.LockPatches();
        }

        var roots = options.Members is { } selected
            ? selected.Select(member => (_registry.Lock(member.Member), new ResolveOpts(devDeps, new RequestedFeatures.Cli(member.Features)))).ToList()
            : members.Select(member => (_registry.Lock(member.Summary), new ResolveOpts(devDeps, new RequestedFeatures.Cli(options.Features)))).ToList();

        var request = new ResolveRequest(
            roots,
            LockReplacements(previous, Keep),
            precise is null ? _registry : new PreciseUpdateQuery(_registry, precise.From, precise.Target.Version, _gctx.Shell),
            prefs,
            ResolveVersions.WithRustVersion(LowestRustVersion()))
        {
            Diagnostics = _registry,
        };
        var outcome = await ResolveDriver.ResolveAsync(_registry, request, cancellationToken).ConfigureAwait(false);
        var resolved = outcome.Resolve.WithUnusedPatches(_registry.UnusedPatches(outcome.Resolve));
        if (options.RegisterPatches && !resolved.UnusedPatches.IsEmpty)
        {
            WarnUnusedPatches(resolved);
        }

        return previous is null ? resolved : LockfileMerge.MergeFrom(resolved, previous);
    }

    public RustVersion? LowestRustVersion()
    {
        RustVersion? lowest = null;
        foreach (var member in _workspace.Members)
        {
            if (member.RustVersion is { } version && (lowest is null || version < lowest))
            {
                lowest = version;
            }
        }

        return lowest;
    }

    /// <summary>Resolver 3 (or <c>resolver.incompatible-rust-versions = "fallback"</c>) prefers versions the MSRV can build.</summary>
    public bool HonorsRustVersion()
    {
        var honors = _workspace.ResolveBehavior == ResolveBehavior.V3;
        if (_gctx.Resolver.IncompatibleRustVersions is { } setting)
        {
            honors = setting == "fallback";
        }

        return honors;
    }

    /// <summary>
    /// The Rust version change reports check packages against: the lowest member <c>rust-version</c>
    /// when the resolve honours it, else the installed rustc's (Cargo's <c>annotate_required_rust_version</c>).
    /// </summary>
    public RustVersion? RequiredRustVersion()
    {
        if (HonorsRustVersion() && LowestRustVersion() is { } lowest)
        {
            return lowest;
        }

        return RustcVersionAsync().GetAwaiter().GetResult();
    }

    // One `rustc -vV` per command, shared by whoever asks first, so not cancellable by one asker.
    private Task<RustVersion?> RustcVersionAsync() => _rustcVersion ??= QueryRustcVersionAsync();

    private async Task<RustVersion?> QueryRustcVersionAsync()
    {
        var rustc = _gctx.Tool("rustc", _gctx.Build.Rustc, required: false) ?? "rustc";
        try
        {
            var result = await ProcessRunner.RunAsync(rustc, ["-vV"], _gctx.Cwd, null, CancellationToken.None).ConfigureAwait(false);
            foreach (var line in result.EnsureSuccess().Stdout.Split('\n'))
            {
                if (line.StartsWith("release: ", StringComparison.Ordinal))
                {
                    var release = line["release: ".Length..].Trim();
                    var dash = release.IndexOf('-');
                    return RustVersion.TryParse(dash >= 0 ? release[..dash] : release, out var parsed, out _) ? parsed : null;
                }
            }
        }
        catch (FerryException)
        {
        }

        return null;
    }

    private async Task<HashSet<PackageId>> RegisterPatchEntriesAsync(Resolve? previous, VersionPreferences prefs, Func<PackageId, bool> keepPrevious, CancellationToken cancellationToken)
    {
        var avoid = new HashSet<PackageId>();
        foreach (var entry in _workspace.RootMaybe.Patch)
        {
            foreach (var dep in entry.Dependencies)
            {
                prefs.PreferDependency(dep);
            }

            var registrations = new List<PatchDependency>();
            foreach (var dep in entry.Dependencies)
            {
                LockedPatchDependency? locked = null;
                if (previous is not null)
                {
                    var candidates = previous.Packages.Concat(previous.UnusedPatches).Where(keepPrevious).OrderBy(id => id).ToList();
                    if (candidates.FirstOrDefault(dep.Matches) is { } lockedId)
                    {
                        locked = new LockedPatchDependency(dep.LockTo(lockedId), lockedId);
                    }
                }

                registrations.Add(new PatchDependency(dep, entry.Location, locked));
            }

            var unlocked = await _registry.PatchAsync(entry.Url, registrations, cancellationToken).ConfigureAwait(false);
            if (previous is null)
            {
                continue;
            }

            var canonical = Core.Urls.CanonicalUrl.Of(entry.Url);
            foreach (var unlock in unlocked)
            {
                avoid.Add(unlock.PackageId);
                foreach (var id in previous.Packages)
                {
                    if (unlock.Patch.Dependency.MatchesIgnoringSource(id) && id.Source.CanonicalUrl == canonical)
                    {
                        avoid.Add(id);
                    }
                }
            }
        }

        return avoid;
    }

    /// <summary>
    /// Cargo's <c>register_previous_locks</c>: lock every kept package to what it resolved to
    /// before, except what a manifest change invalidated — a dependency nothing in the previous
    /// resolve satisfies poisons every locked package of its source, and a path package whose
    /// version changed is unlocked.
    /// </summary>
    private void RegisterPreviousLocks(Resolve previous, Func<PackageId, bool> keep, bool devDeps)
    {
        var avoidLocking = new HashSet<PackageId>();
        foreach (var node in previous.Packages)
        {
            if (!keep(node))
            {
                AddDeps(previous, node, avoidLocking);
            }
        }

        var memberPaths = _workspace.MemberPaths.ToHashSet(StringComparer.Ordinal);
        var pending = new Stack<Manifest>(_workspace.Members);
        var visited = new HashSet<PackageId>();
        while (pending.Count > 0)
        {
            var package = pending.Pop();
            if (!visited.Add(package.PackageId))
            {
                continue;
            }

            var isMember = memberPaths.Contains(package.ManifestPath);
            foreach (var dep in package.Dependencies)
            {
                if (!isMember && (dep.Optional || !dep.IsTransitive))
                {
                    continue;
                }

                if (!dep.IsTransitive && !devDeps)
                {
                    continue;
                }

                if (PathPackage(dep.Source) is { } pathPackage)
                {
                    pending.Push(pathPackage);
                    continue;
                }

                if (previous.Packages.Any(dep.MatchesIgnoringSource))
                {
                    continue;
                }

                foreach (var id in previous.Packages)
                {
                    if (id.Source == dep.Source)
                    {
                        AddDeps(previous, id, avoidLocking);
                    }
                }
            }
        }

        foreach (var node in previous.Packages)
        {
            if (PathPackage(node.Source) is { } pkg && pkg.PackageId != node)
            {
                avoidLocking.Add(node);
            }
        }

        bool KeepLocked(PackageId id) => keep(id) && !avoidLocking.Contains(id);
        _registry.ClearLock();
        foreach (var node in previous.Packages.OrderBy(id => id))
        {
            if (!KeepLocked(node))
            {
                continue;
            }

            var deps = previous.Dependencies(node).Select(edge => edge.Target).Where(KeepLocked).ToList();
            if (MasterBranchGitSource(node, previous) is { } master)
            {
                _registry.RegisterLock(master, deps);
            }

            _registry.RegisterLock(node, deps);
        }
    }

    private static void AddDeps(Resolve resolve, PackageId node, HashSet<PackageId> set)
    {
        var stack = new Stack<PackageId>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!set.Add(id))
            {
                continue;
            }

            foreach (var edge in resolve.Dependencies(id))
            {
                stack.Push(edge.Target);
            }
        }
    }

    /// <summary>V1/V2 lockfiles wrote a git default branch as <c>branch=master</c>: the lock applies under both spellings.</summary>
    private static PackageId? MasterBranchGitSource(PackageId id, Resolve resolve)
    {
        if (resolve.Version <= ResolveVersion.V2 && id.Source.Kind == SourceKind.Git && id.Source.Git?.Kind == GitReferenceKind.DefaultBranch)
        {
            var source = SourceId.ForGit(id.Source.Url, GitReference.Branch("master")).WithPrecise(id.Source.Precise);
            return new PackageId(id.Name, id.Version, source);
        }

        return null;
    }

    private Manifest? PathPackage(SourceId source)
    {
        if (source.Kind != SourceKind.Path)
        {
            return null;
        }

        try
        {
            return _loader.ReadPackage(Path.Combine(source.LocalPath, "Cargo.toml"));
        }
        catch (FerryException)
        {
            return null;
        }
    }

    private List<PackageReplacement> LockReplacements(Resolve? previous, Func<PackageId, bool> keep)
    {
        var result = new List<PackageReplacement>();
        foreach (var replace in _workspace.RootMaybe.Replace)
        {
            var dep = replace.Dependency;
            if (previous is not null)
            {
                foreach (var (key, value) in previous.Replacements.OrderBy(pair => pair.Key))
                {
                    if (replace.Spec.Matches(key) && dep.Matches(value) && keep(value))
                    {
                        dep = dep.LockTo(value);
                        break;
                    }
                }
            }

            result.Add(new PackageReplacement(replace.Spec.ToString(), replace.Spec.Matches, dep));
        }

        return result;
    }

    private void WarnUnusedPatches(Resolve resolve)
    {
        var sourcesByName = new Dictionary<string, List<SourceId>>(StringComparer.Ordinal);
        foreach (var id in resolve.Packages)
        {
            if (!sourcesByName.TryGetValue(id.Name, out var list))
            {
                list = [];
                sourcesByName[id.Name] = list;
            }

            if (!list.Contains(id.Source))
            {
                list.Add(id.Source);
            }
        }

        var patchedUrls = new Dictionary<PackageId, HashSet<Core.Urls.CanonicalUrl>>();
        foreach (var (url, summaries) in _registry.Patches)
        {
            foreach (var summary in summaries)
            {
                if (!patchedUrls.TryGetValue(summary.PackageId, out var set))
                {
                    set = [];
                    patchedUrls[summary.PackageId] = set;
                }

                set.Add(url);
            }
        }

        var plain = new List<PackageId>();
        foreach (var unused in resolve.UnusedPatches)
        {
            if (sourcesByName.TryGetValue(unused.Name, out var ids) && patchedUrls.TryGetValue(unused, out var urls) && ids.All(id => !urls.Contains(id.CanonicalUrl)))
            {
                var help = "perhaps you meant one of the following:" + string.Concat(ids.Select(id => "\n\t" + id.DisplayRegistryName));
                _gctx.Shell.Warn($"patch `{unused}` was not used in the crate graph\nhelp: {help}");
            }
            else
            {
                plain.Add(unused);
            }
        }

        if (plain.Count > 0)
        {
            foreach (var unused in plain)
            {
                _gctx.Shell.Warn($"patch `{unused}` was not used in the crate graph");
            }

            _gctx.Shell.Note(
                "Check that the patched package version and available features are compatible\n"
                + "with the dependency requirements. If the patch has a different version from\n"
                + "what is locked in the Cargo.lock file, run `cargo update` to use the new\n"
                + "version. This may also occur with an optional dependency that is not enabled.");
        }
    }
}
