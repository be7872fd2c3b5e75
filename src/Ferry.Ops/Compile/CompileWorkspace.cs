using System.Collections.Immutable;
using System.Diagnostics;
using Ferry.Build.BuildScripts;
using Ferry.Build.Execution;
using Ferry.Build.Layout;
using Ferry.Build.Profiles;
using Ferry.Build.Rustc;
using Ferry.Build.Selection;
using Ferry.Build.Units;
using Ferry.Core.Configuration;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Lockfile;
using Ferry.Core.Manifest;
using Ferry.Core.Resolution;
using Ferry.Core.Workspaces;
using Ferry.Ops.Resolution;
using Ferry.Resolver;
using Ferry.Sources.Cache;
using Ferry.Resolver.Features;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops.Compile;

/// <summary>
/// The pipeline every compiling command shares (Cargo's <c>compile_ws</c>): load the workspace,
/// resolve against the lockfile (writing it if it changed), pick the packages and their features,
/// ask rustc about the platforms, make the packages' sources available, resolve features, plan
/// the unit graph (roots, dependencies, sharing, LTO), then run the build.
/// </summary>
internal static class CompileWorkspace
{
    public static async Task<CompileOutcome> RunAsync(
        GlobalContext gctx,
        IManifestEnvironment environment,
        IBuildShell shell,
        CompileOptions options,
        Stopwatch started,
        CancellationToken cancellationToken)
    {
        var jobs = Jobs(gctx, options);
        var cli = CliFeatures.FromCommandLine(options.Features, options.AllFeatures, !options.NoDefaultFeatures);
        if (!options.Workspace && options.Exclude.Length > 0)
        {
            throw new FerryException("--exclude can only be used together with --workspace");
        }

        var loader = new ManifestLoader(environment);
        var workspace = WorkspaceArgs.Workspace(options.ManifestPath, environment, loader);
        if (!options.BareFlags.IsEmpty)
        {
            AvailableTargets.Check(workspace, options.BareFlags, SelectedMembers(workspace, options, gctx.Cwd));
        }

        // Cargo's compile_with_exec starts with ws.emit_warnings(), then create_bcx's pre-flight checks.
        workspace.EmitWarnings(shell);
        WarnMisspelledFlags(gctx, shell, options.Intent);

        // What rustc says about the targets (from target/.ferry-rustc-info.json on a no-op build)
        // does not depend on the resolve: learnt on another core meanwhile. A resolve error still
        // comes first, as it would from one thread.
        var targetDir = gctx.TargetDir() ?? workspace.TargetDir;
        var baseEnvironment = gctx.Environment.Variables;
        var envConfig = EnvConfig(gctx);
        var requestedTargets = options.Targets.IsEmpty ? (gctx.Build.Target?.Values(gctx.Cwd) ?? []) : options.Targets;
        var probing = Task.Run(() => new RustcProbe(gctx, baseEnvironment, envConfig).ProbeAsync(targetDir, requestedTargets, cancellationToken), cancellationToken);

        using var registry = WorkspaceResolver.CreateRegistry(gctx, loader);
        var resolver = new WorkspaceResolver(workspace, loader, gctx, registry);
        var previous = resolver.LoadPrevious();
        var lockResolve = await resolver.ResolveWithPreviousAsync(previous, new WorkspaceResolveOptions(), cancellationToken).ConfigureAwait(false);
        var changes = new LockfileChanges(shell, registry, workspace.Members.Select(m => m.PackageId), resolver.HonorsRustVersion(), resolver.RequiredRustVersion);
        if (previous is null)
        {
            changes.PrintGeneration(lockResolve);
        }
        else
        {
            changes.PrintSync(previous, lockResolve);
        }

        LockfileWriter.Write(lockResolve, resolver.LockfilePath, new LockfileWriteOptions
        {
            Lock = gctx.Cli.Frozen ? LockfileLock.Frozen : gctx.Locked ? LockfileLock.Locked : LockfileLock.None,
            LowestRustVersion = resolver.LowestRustVersion(),
            Context = resolver.LockfileContext(),
        });

        var (specs, specKind) = PackageSpecs(workspace, options, gctx.Cwd);
        var members = WorkspaceFeatureSelection.MembersWithFeatures(
            new WorkspaceMembers([.. workspace.Members.Select(m => m.Summary)], workspace.CurrentOpt?.PackageId, workspace.IsVirtual),
            [.. specs.Select(s => (IPackageSpec)new PackageSpecAdapter(s))],
            cli,
            workspace.ResolveBehavior);
        var targeted = await resolver.ResolveWithPreviousAsync(
            lockResolve,
            new WorkspaceResolveOptions { Members = members, RegisterPatches = false },
            cancellationToken).ConfigureAwait(false);

        var targetData = await probing.ConfigureAwait(false);

        var hasDevUnits = options.Filter.NeedDevDeps(options.Intent);
        var memberIds = members.Select(m => m.Id).ToHashSet();
        var packages = await LoadPackagesAsync(gctx, shell, workspace, loader, registry, targeted, memberIds, hasDevUnits, targetData, cancellationToken).ConfigureAwait(false);
        var procMacros = new ProcMacroSet(packages.Values.Where(p => p.IsProcMacro).Select(p => p.Id).ToImmutableHashSet());
        var featureOpts = FeatureOpts.Create(workspace.ResolveBehavior, hasDevUnits ? HasDevUnits.Yes : HasDevUnits.No, ForceAllTargets.No);
        var features = FeatureResolver.Resolve(targeted, targetData.ForFeatures(), members, featureOpts, procMacros);

        var profileName = options.Profile ?? "dev";
        var profiles = ProfileSet.Create(workspace.Profiles, gctx, profileName, targetData.Rustc.Host);
        var interner = new UnitInterner();
        var bcx = new BuildContext(packages, targeted, features, targetData, profiles, interner, hasDevUnits);

        var toBuild = SpecsToIds(specs, targeted, gctx.Cwd).Select(bcx.Package).ToList();
        var explicitHost = CompileKind.Target(targetData.Rustc.Host);
        IReadOnlyList<CompileKind> explicitKinds = targetData.CrossCompiling ? targetData.RequestedKinds : [explicitHost];
        var workspaceMembers = workspace.Members.Select(m => packages.TryGetValue(m.PackageId, out var p) ? p : new BuildPackage(m, true)).ToList();
        var roots = new UnitGenerator(bcx, toBuild, workspaceMembers, specKind, options.Filter, explicitKinds, options.Intent, shell)
        {
            CrateTypeOverride = options.CrateTypes,
            ExtraArgsCommand = options.ExtraArgs.IsEmpty ? null : options.SingleTargetCommand,
        }.Generate();

        var (graph, lto) = UnitGraphPlanner.Plan(bcx, roots, targetData.CrossCompiling ? null : explicitHost, docDeps: options.Intent == UserIntent.Doc && options.DocDeps);
        var rootSet = graph.Roots.ToHashSet();
        var files = new CompilationFiles(
            graph, targetData, lto, workspace.Root, targetDir, profiles.DirName,
            unit => RootExtraArgs.For(unit, rootSet.Contains(unit), options.ExtraArgs, options.DocumentPrivateItems));
        if (options.Intent == UserIntent.Doc)
        {
            DocCollisions.Check(graph, files, toBuild.Select(p => p.Id).ToHashSet(), shell);
        }

        var buildOptions = new BuildOptions
        {
            Jobs = jobs,
            KeepGoing = options.KeepGoing,
            MessageFormat = options.MessageFormat,
            Intent = options.Intent,
            Verbosity = shell.Verbosity,
            ExtraArgs = options.ExtraArgs,
            DocumentPrivateItems = options.DocumentPrivateItems,
            PrimaryPackages = [.. toBuild.Select(p => p.Id)],
            Cwd = gctx.Cwd,
            CargoExe = gctx.Environment.Get("CARGO") ?? Environment.ProcessPath ?? "ferry",
            Progress = ProgressEnabled(gctx, shell),
            BeforeCompiling = (compiled, token) => VerifyBeforeCompilingAsync(registry, targeted, compiled, token),
        };
        var runner = new BuildRunner(bcx, graph, files, buildOptions, shell, workspace.Root, baseEnvironment, gctx, BuildScriptPolicy.FromConfig(gctx.Security), started);
        var compilation = await runner.RunAsync(cancellationToken).ConfigureAwait(false);
        return new CompileOutcome(compilation, workspace, bcx);
    }

    // The packages' trees were checked for shape only (LoadPackagesAsync): the contents of the
    // files of those about to be compiled are checked now, and anything changed is extracted
    // again from the verified archive before rustc reads it.
    private static async Task VerifyBeforeCompilingAsync(Sources.PackageRegistry registry, Resolve resolve, IReadOnlyCollection<PackageId> compiled, CancellationToken cancellationToken)
    {
        var remote = compiled.Where(id => id.Source.IsRegistry).ToList();
        if (remote.Count > 0)
        {
            await PackageSet.DownloadAsync(registry, resolve, remote, PackageDownloadOptions.Default, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Cargo's pre-flight warning: <c>RUST_FLAGS</c> (<c>RUSTDOC_FLAGS</c> for docs) is not the variable it looks like.</summary>
    private static void WarnMisspelledFlags(GlobalContext gctx, IShell shell, UserIntent intent)
    {
        var (wrong, right, tool) = intent == UserIntent.Doc ? ("RUSTDOC_FLAGS", "RUSTDOCFLAGS", "rustdoc") : ("RUST_FLAGS", "RUSTFLAGS", "rust");
        if (gctx.Environment.Get(wrong) is not null)
        {
            shell.Warn($"ignoring environment variable `{wrong}`\n  |\n  = help: {tool} flags are passed via `{right}`");
        }
    }

    private static bool ProgressEnabled(GlobalContext gctx, IBuildShell shell)
    {
        ProgressConfig? progress;
        try
        {
            progress = gctx.Term.Progress;
        }
        catch (FerryException)
        {
            progress = null;
        }

        return (progress?.When ?? "auto") switch
        {
            "never" => false,
            "always" => true,
            _ => shell.ErrWidth is not null && shell.Verbosity != Verbosity.Quiet,
        };
    }

    /// <summary><c>-j</c>, else <c>build.jobs</c>, else the CPU count, with Cargo's checks.</summary>
    private static int Jobs(GlobalContext gctx, CompileOptions options)
    {
        if (options.Jobs is { } jobs)
        {
            return jobs switch
            {
                0 => throw new FerryException("jobs may not be 0"),
                < 0 => Math.Max(1, Environment.ProcessorCount + jobs),
                _ => jobs,
            };
        }

        return gctx.Build.Jobs?.Resolve(Environment.ProcessorCount) ?? Environment.ProcessorCount;
    }

    /// <summary><c>[env]</c> entries that apply to child processes (forced, or not set in the environment).</summary>
    public static ImmutableSortedDictionary<string, string> EnvConfig(GlobalContext gctx)
    {
        var result = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in gctx.Env)
        {
            if (value.AppliesTo(gctx.Environment))
            {
                result[name] = value.Resolve(gctx.Cwd);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Cargo's <c>Packages::from_flags</c> and <c>to_package_id_specs</c>.</summary>
    public static (List<PackageIdSpec> Specs, PackageSpecKind Kind) PackageSpecs(Workspace workspace, CompileOptions options, string cwd)
    {
        List<PackageIdSpec> specs;
        PackageSpecKind kind;
        if (options.Workspace)
        {
            var excluded = options.Exclude.Select(e => (Text: e, IsGlob: Glob(e))).ToList();
            var matched = new HashSet<string>(StringComparer.Ordinal);
            specs = [];
            foreach (var member in workspace.Members)
            {
                var hit = excluded.FirstOrDefault(e => e.IsGlob ? GlobMatches(e.Text, member.Name) : PackageIdSpec.Parse(e.Text, cwd).Matches(member.PackageId));
                if (hit.Text is not null)
                {
                    matched.Add(hit.Text);
                    continue;
                }

                specs.Add(Exact(member.PackageId));
            }

            kind = PackageSpecKind.Default;
        }
        else if (options.Packages.Length > 0)
        {
            specs = [];
            var patterns = new List<string>();
            foreach (var text in options.Packages)
            {
                if (Glob(text))
                {
                    patterns.Add(text);
                    var any = false;
                    foreach (var member in workspace.Members.Where(m => GlobMatches(text, m.Name)))
                    {
                        specs.Add(Exact(member.PackageId));
                        any = true;
                    }

                    if (!any)
                    {
                        throw new FerryException($"package pattern(s) `{text}` not found in workspace `{workspace.Root}`");
                    }
                }
                else
                {
                    specs.Add(PackageIdSpec.Parse(text, cwd));
                }
            }

            kind = new PackageSpecKind(true, [.. options.Packages]);
        }
        else
        {
            specs = [.. workspace.DefaultMembers.Select(m => Exact(m.PackageId))];
            kind = PackageSpecKind.Default;
        }

        if (specs.Count == 0)
        {
            if (workspace.IsVirtual)
            {
                throw new FerryException($"manifest path `{workspace.Root}` contains no package: The manifest is virtual, and the workspace has no members.");
            }

            throw new FerryException("no packages to compile");
        }

        return (specs, kind);
    }

    /// <summary>Cargo's <c>Packages::get_packages</c>: the selected workspace members.</summary>
    public static List<Manifest> SelectedMembers(Workspace workspace, CompileOptions options, string cwd)
    {
        if (options.Workspace)
        {
            return [.. workspace.Members.Where(m => !options.Exclude.Any(e => Glob(e) ? GlobMatches(e, m.Name) : PackageIdSpec.Parse(e, cwd).Matches(m.PackageId)))];
        }

        if (options.Packages.Length == 0)
        {
            return [.. workspace.DefaultMembers];
        }

        return [.. workspace.Members.Where(m => options.Packages.Any(p => Glob(p) ? GlobMatches(p, m.Name) : PackageIdSpec.Parse(p, cwd).Matches(m.PackageId)))];
    }

    private static PackageIdSpec Exact(PackageId id) => PackageIdSpec.Parse(id.ToSpecString());

    private static bool Glob(string text) => text.IndexOfAny(['*', '?', '[', ']']) >= 0;

    private static bool GlobMatches(string pattern, string name) => Ferry.Build.Selection.GlobMatcher.Matches(pattern, name);

    /// <summary>Cargo's <c>specs_to_ids</c>: each spec must name exactly one package of the resolve.</summary>
    public static List<PackageId> SpecsToIds(IReadOnlyList<PackageIdSpec> specs, Resolve resolve, string cwd)
    {
        var ids = resolve.Packages.OrderBy(p => p).ToList();
        var result = new SortedSet<PackageId>();
        foreach (var spec in specs)
        {
            result.Add(PackageIdSpec.QueryString(spec.ToString(), ids, cwd));
        }

        return [.. result];
    }

    /// <summary>
    /// Cargo's <c>download_accessible</c> and package loading: every package reachable from the
    /// selected members through dependencies that apply to a requested platform (or the host), with
    /// dev-dependencies only when dev units are built; path packages read in place, registry packages
    /// made available first.
    /// </summary>
    private static async Task<ImmutableDictionary<PackageId, BuildPackage>> LoadPackagesAsync(
        GlobalContext gctx,
        IShell shell,
        Workspace workspace,
        ManifestLoader loader,
        Sources.PackageRegistry registry,
        Resolve resolve,
        HashSet<PackageId> roots,
        bool hasDevUnits,
        RustcTargetData targetData,
        CancellationToken cancellationToken)
    {
        var used = new HashSet<PackageId>();
        var stack = new Stack<PackageId>(roots.OrderByDescending(r => r));
        var kinds = targetData.RequestedKinds.Append(CompileKind.Host).ToList();
        while (stack.TryPop(out var id))
        {
            if (!used.Add(id))
            {
                continue;
            }

            foreach (var edge in resolve.Dependencies(id))
            {
                if (edge.Declarations.Any(dep =>
                    (dep.Kind != DependencyKind.Development || hasDevUnits)
                    && kinds.Any(kind => targetData.DepPlatformActivated(dep, kind))))
                {
                    stack.Push(edge.Target);
                }
            }
        }

        var memberPaths = workspace.MemberPaths.ToHashSet(StringComparer.Ordinal);
        var result = ImmutableDictionary.CreateBuilder<PackageId, BuildPackage>();
        var remote = new List<(PackageId, string?)>();
        foreach (var id in used.OrderBy(i => i))
        {
            if (id.Source.Kind == SourceKind.Path)
            {
                var path = Path.Combine(id.Source.LocalPath, "Cargo.toml");
                var manifest = workspace.Loaded.TryGetValue(path, out var loaded) && loaded is Manifest member ? member : loader.ReadPackage(path);
                result[id] = new BuildPackage(manifest, memberPaths.Contains(manifest.ManifestPath));
            }
            else if (id.Source.IsRegistry || id.Source.IsGit)
            {
                remote.Add((id, resolve.Checksums.TryGetValue(id, out var checksum) ? checksum : null));
            }
            else
            {
                throw new FerryException($"building packages from `{id.Source}` is not supported yet (`{id}`)");
            }
        }

        if (remote.Count > 0)
        {
            var set = await PackageSet.DownloadAsync(registry, resolve, remote.Select(r => r.Item1), PackageDownloadOptions.Default with { DeferContentCheck = true }, cancellationToken).ConfigureAwait(false);
            // Dependencies' manifests are independent of each other and of the workspace: read on
            // every core, each worker with a loader of its own (a loader caches, it does not lock).
            // The first failure in lockfile order is reported, as a sequential read would.
            var manifests = new Manifest[remote.Count];
            var errors = new Exception?[remote.Count];
            Parallel.For(
                0,
                remote.Count,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                () => new ManifestLoader(loader.Environment),
                (i, _, own) =>
                {
                    try
                    {
                        manifests[i] = own.ReadPackage(Path.Combine(set[remote[i].Item1].Root, "Cargo.toml"));
                    }
                    catch (Exception e) when (e is FerryException or IOException or UnauthorizedAccessException)
                    {
                        errors[i] = e;
                    }

                    return own;
                },
                _ => { });
            for (var i = 0; i < remote.Count; i++)
            {
                if (errors[i] is { } error)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
                }

                var id = remote[i].Item1;
                result[id] = new BuildPackage(manifests[i] with { Summary = manifests[i].Summary with { PackageId = id } }, isMember: false);
            }
        }

        return result.ToImmutable();
    }
}
