using System.Collections.Immutable;
using System.Text.Json;
using Ferry.Build.BuildScripts;
using Ferry.Build.Fingerprints;
using Ferry.Build.Layout;
using Ferry.Build.Units;
using Ferry.Util.IO;

namespace Ferry.Build.Execution;

/// <summary>
/// Computes fingerprints, decides freshness before anything runs (dependencies first, so a dirty
/// dependency makes its dependents dirty), and records fingerprints after success (Cargo's
/// <c>fingerprint::prepare_target</c>). Crash safety: a dirty unit's stored hash is deleted before it
/// builds and written last, atomically, after its outputs and dep-info; a build killed at any point
/// leaves every unfinished unit without a hash, hence dirty next time.
/// </summary>
internal sealed class FingerprintTracker
{
    private readonly BuildState _state;
    private readonly Dictionary<Unit, Fingerprint> _fingerprints = [];
    private readonly Dictionary<string, DateTime?> _mtimeCache = new(StringComparer.Ordinal);
    private readonly Dictionary<BuildPackage, string> _packageFingerprints = [];

    public FingerprintTracker(BuildState state)
    {
        _state = state;
    }

    private CompilationFiles Files => _state.Files;

    /// <summary>The root all build-relative paths in fingerprints are relative to (the target directory).</summary>
    public string BuildRoot => Files.HostLayout.Root;

    public Fingerprint Get(Unit unit) => _fingerprints[unit];

    public string HashPath(Unit unit) => Files.FingerprintFilePath(unit, string.Empty);

    public string DepInfoPath(Unit unit) => Files.FingerprintFilePath(unit, "dep-");

    /// <summary>Decides the freshness of every unit; dependencies before dependents.</summary>
    public Dictionary<Unit, Freshness> PrepareAll(IEnumerable<Unit> topologicalOrder)
    {
        var result = new Dictionary<Unit, Freshness>();
        foreach (var unit in topologicalOrder)
        {
            result[unit] = Prepare(unit);
        }

        return result;
    }

    private Freshness Prepare(Unit unit)
    {
        var fingerprint = Calculate(unit);
        CheckFilesystem(fingerprint);
        var hashPath = HashPath(unit);
        string? oldHash;
        try
        {
            oldHash = UnlockedFile.ReadAllText(hashPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Freshness.Dirty(DirtyReason.FreshBuild);
        }

        if (oldHash == fingerprint.HashHex && fingerprint.Status.IsUpToDate)
        {
            return Freshness.Fresh;
        }

        try
        {
            using var json = JsonDocument.Parse(UnlockedFile.ReadAllBytes(hashPath + ".json"));
            return Freshness.Dirty(fingerprint.Compare(json.RootElement));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return Freshness.Dirty(DirtyReason.FreshBuild);
        }
    }

    public Fingerprint Calculate(Unit unit)
    {
        if (_fingerprints.TryGetValue(unit, out var done))
        {
            return done;
        }

        var fingerprint = unit.Mode == CompileMode.RunCustomBuild ? CalculateRunCustomBuild(unit) : CalculateNormal(unit);
        _fingerprints[unit] = fingerprint;
        return fingerprint;
    }

    private Fingerprint CalculateNormal(Unit unit)
    {
        var deps = _state.Graph.Deps(unit)
            .Where(d => !d.Unit.Target.IsBin)
            .Select(d => NewDep(unit, d))
            .OrderBy(d => d.PackageId, StringComparer.Ordinal)
            .ToList();
        var local = unit.Mode == CompileMode.Doc
            ? LocalFingerprint.Precalculated(PackageFingerprintOf(unit.Package))
            : LocalFingerprint.CheckDepInfo(Path.GetRelativePath(BuildRoot, DepInfoPath(unit)));
        var outputs = Files.Outputs(unit)
            .Where(o => o.Flavor is not (FileFlavor.DebugInfo or FileFlavor.Auxiliary))
            .Select(o => o.Path)
            .ToList();
        var target = unit.Target;
        var profile = string.Join(
            '|',
            unit.Profile.Comparable,
            unit.Mode.ToString(),
            string.Join(' ', _state.ExtraArgsFor(unit)),
            Files.Lto(unit).ToString(),
            string.Join(' ', unit.Package.Manifest.LintRustflags));
        return new Fingerprint
        {
            Unit = unit,
            Rustc = _state.Bcx.TargetData.Rustc.VerboseVersion,
            Features = "[" + string.Join(", ", unit.Features.Select(f => $"\"{f}\"")) + "]",
            DeclaredFeatures = "[" + string.Join(", ", unit.Package.Manifest.Summary.Features.Keys.Order(StringComparer.Ordinal).Select(f => $"\"{f}\"")) + "]",
            Target = string.Join(
                '|',
                target.Kind.ToString(),
                target.Name,
                string.Join(',', target.CrateTypes),
                target.Edition,
                target.Harness,
                target.Tested,
                target.Benched,
                target.Doctested,
                Path.GetRelativePath(unit.Package.Root, target.SrcPath),
                string.Join(',', target.RequiredFeatures ?? [])),
            Path = unit.Package.IsLocal ? Path.GetRelativePath(_state.WorkspaceRoot, target.SrcPath) : target.SrcPath,
            Profile = profile,
            Rustflags = unit.Mode == CompileMode.Doc ? unit.Rustdocflags : unit.Rustflags,
            Config = _state.Linker(unit.Kind) ?? string.Empty,
            CompileKind = unit.Kind.Triple ?? "host",
            Deps = deps,
            Local = [local],
            Outputs = outputs,
        };
    }

    private Fingerprint CalculateRunCustomBuild(Unit unit)
    {
        var overridden = unit.Package.Manifest.Links is { } links && _state.Bcx.TargetData.TargetConfig(unit.Kind).LinksOverrides.TryGetValue(links, out var over)
            ? over
            : null;
        List<LocalFingerprint> local;
        List<DepFingerprint> deps;
        List<string> outputs;
        if (overridden is not null)
        {
            local = [LocalFingerprint.Precalculated(OverrideFingerprint(overridden))];
            deps = [];
            outputs = [];
        }
        else
        {
            var outputFile = Path.Combine(Files.BuildScriptRunDir(unit), "output");
            var previous = PreviousRerunRules(outputFile);
            local = BuildScriptLocal(unit, previous.Changed, previous.EnvChanged) ?? [LocalFingerprint.Precalculated(PackageFingerprintOf(unit.Package))];
            deps = _state.Graph.Deps(unit).Select(d => NewDep(unit, d)).ToList();
            outputs = [outputFile];
        }

        return new Fingerprint
        {
            Unit = unit,
            Rustc = _state.Bcx.TargetData.Rustc.VerboseVersion,
            Rustflags = unit.Rustflags,
            Deps = deps,
            Local = local,
            Outputs = outputs,
        };
    }

    /// <summary>The rerun rules a script printed last time it ran (the unit's <c>output</c> file), or none.</summary>
    private static (ImmutableArray<string> Changed, ImmutableArray<string> EnvChanged) PreviousRerunRules(string outputFile)
    {
        string text;
        try
        {
            text = UnlockedFile.ReadAllText(outputFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ([], []);
        }

        var changed = ImmutableArray.CreateBuilder<string>();
        var envChanged = ImmutableArray.CreateBuilder<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var data = line.StartsWith("cargo::", StringComparison.Ordinal) ? line[7..] : line.StartsWith("cargo:", StringComparison.Ordinal) ? line[6..] : null;
            if (data is null)
            {
                continue;
            }

            if (data.StartsWith("rerun-if-changed=", StringComparison.Ordinal))
            {
                changed.Add(data["rerun-if-changed=".Length..].TrimEnd());
            }
            else if (data.StartsWith("rerun-if-env-changed=", StringComparison.Ordinal))
            {
                envChanged.Add(data["rerun-if-env-changed=".Length..].TrimEnd());
            }
        }

        return (changed.ToImmutable(), envChanged.ToImmutable());
    }

    /// <summary>Cargo's <c>local_fingerprints_deps</c>; null when the script printed no rerun rules.</summary>
    public List<LocalFingerprint>? BuildScriptLocal(Unit unit, IReadOnlyList<string> rerunIfChanged, IReadOnlyList<string> rerunIfEnvChanged)
    {
        if (rerunIfChanged.Count == 0 && rerunIfEnvChanged.Count == 0)
        {
            return null;
        }

        var local = new List<LocalFingerprint>();
        var root = unit.Package.Root;
        if (rerunIfChanged.Count > 0)
        {
            var output = Path.GetRelativePath(BuildRoot, Path.Combine(Files.BuildScriptRunDir(unit), "output"));
            var paths = rerunIfChanged.Select(p =>
            {
                var full = Path.IsPathRooted(p) ? p : Path.Combine(root, p);
                return full.StartsWith(root + "/", StringComparison.Ordinal) ? full[(root.Length + 1)..] : p;
            }).ToImmutableArray();
            local.Add(LocalFingerprint.RerunIfChanged(output, paths));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in rerunIfEnvChanged)
        {
            if (seen.Add(name))
            {
                local.Add(LocalFingerprint.RerunIfEnvChanged(name, CurrentEnv(name)));
            }
        }

        return local;
    }

    private string? CurrentEnv(string name) =>
        _state.EnvConfig.TryGetValue(name, out var configured) ? configured : _state.Gctx.Environment.Get(name);

    private static string OverrideFingerprint(Core.Configuration.LinksOverride value) =>
        StableHasher.Hex(new StableHasher()
            .AddAll(value.LibraryPaths).AddAll(value.LibraryLinks).AddAll(value.LinkerArgs.Select(a => $"{a.Target}={a.Arg}"))
            .AddAll(value.Cfgs).AddAll(value.CheckCfgs).AddAll(value.Env.Select(e => $"{e.Name}={e.Value}"))
            .AddAll(value.Metadata.Select(m => $"{m.Key}={m.Value}")).Finish());

    private DepFingerprint NewDep(Unit parent, UnitDep dep)
    {
        var fingerprint = Calculate(dep.Unit);
        var id = dep.Unit.Package.IsLocal ? dep.Unit.Package.Name : dep.Unit.Package.Id.ToSpecString();
        return new DepFingerprint(id, dep.ExternCrateName, dep.Public, fingerprint, _state.OnlyRequiresRmeta(parent, dep.Unit));
    }

    private string PackageFingerprintOf(BuildPackage package)
    {
        if (!_packageFingerprints.TryGetValue(package, out var value))
        {
            value = PackageFingerprint.Of(package);
            _packageFingerprints[package] = value;
        }

        return value;
    }

    private DateTime? Mtime(string path)
    {
        if (_mtimeCache.TryGetValue(path, out var cached))
        {
            return cached;
        }

        DateTime? mtime = null;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists)
            {
                mtime = info.LastWriteTimeUtc;
            }
            else if (Directory.Exists(path))
            {
                mtime = RecursiveMtime(path);
            }
        }
        catch (IOException)
        {
        }

        _mtimeCache[path] = mtime;
        return mtime;
    }

    private static DateTime RecursiveMtime(string directory)
    {
        var newest = Directory.GetLastWriteTimeUtc(directory);
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var time = File.GetLastWriteTimeUtc(file);
            if (time > newest)
            {
                newest = time;
            }
        }

        return newest;
    }

    /// <summary>Cargo's <c>check_filesystem</c>: outputs present, no dependency output newer, no stale local input.</summary>
    private void CheckFilesystem(Fingerprint fingerprint)
    {
        var mtimes = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var output in fingerprint.Outputs)
        {
            if (ReadMtime(output) is not { } mtime)
            {
                fingerprint.Status = new FsStatus(FsStatusKind.StaleItem) { Item = StaleItemKind.FailedToReadMetadata, Path = output };
                return;
            }

            mtimes[output] = mtime;
        }

        if (mtimes.Count == 0)
        {
            fingerprint.Status = new FsStatus(FsStatusKind.UpToDate) { Mtimes = mtimes };
            return;
        }

        var maxMtime = mtimes.Values.Max();
        foreach (var dep in fingerprint.Deps)
        {
            var status = dep.Fingerprint.Status;
            if (!status.IsUpToDate)
            {
                fingerprint.Status = new FsStatus(FsStatusKind.StaleDepFingerprint) { Dependency = dep.Fingerprint.Unit };
                return;
            }

            var depMtimes = status.Mtimes!;
            DateTime depMtime;
            if (dep.OnlyRequiresRmeta)
            {
                var rmeta = depMtimes.FirstOrDefault(p => p.Key.EndsWith(".rmeta", StringComparison.Ordinal));
                if (rmeta.Key is null)
                {
                    continue;
                }

                depMtime = rmeta.Value;
            }
            else if (depMtimes.Count > 0)
            {
                depMtime = depMtimes.Values.Max();
            }
            else
            {
                continue;
            }

            if (depMtime > maxMtime)
            {
                fingerprint.Status = new FsStatus(FsStatusKind.StaleDependency)
                {
                    Dependency = dep.Fingerprint.Unit,
                    StaleMtime = depMtime,
                    ReferenceMtime = maxMtime,
                };
                return;
            }
        }

        foreach (var local in fingerprint.Local)
        {
            if (FindStaleItem(fingerprint.Unit, local) is { } stale)
            {
                fingerprint.Status = stale;
                return;
            }
        }

        fingerprint.Status = new FsStatus(FsStatusKind.UpToDate) { Mtimes = mtimes };
    }

    private static DateTime? ReadMtime(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists ? info.LastWriteTimeUtc : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private FsStatus? FindStaleItem(Unit unit, LocalFingerprint local)
    {
        var pkgRoot = unit.Package.Root;
        switch (local.Kind)
        {
            case LocalKind.CheckDepInfo:
                var depInfoPath = Path.Combine(BuildRoot, local.Text);
                EncodedDepInfo? info = null;
                try
                {
                    info = EncodedDepInfo.Parse(UnlockedFile.ReadAllText(depInfoPath));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                }

                if (info is null)
                {
                    return new FsStatus(FsStatusKind.StaleItem) { Item = StaleItemKind.MissingFile, Path = depInfoPath };
                }

                foreach (var (key, previous) in info.Env)
                {
                    string? current;
                    if (PackageEnv.IsMetadata(key))
                    {
                        current = PackageEnv.Metadata(unit.Package).First(p => p.Key == key).Value;
                    }
                    else if (key == "CARGO")
                    {
                        current = _state.Options.CargoExe;
                    }
                    else
                    {
                        current = CurrentEnv(key);
                    }

                    if (current != previous)
                    {
                        return new FsStatus(FsStatusKind.StaleItem) { Item = StaleItemKind.ChangedEnv, Path = key };
                    }
                }

                return FindStaleFile(depInfoPath, info.Files.Select(f => EncodedDepInfo.Resolve(f, pkgRoot, BuildRoot)));
            case LocalKind.RerunIfChanged:
                return FindStaleFile(Path.Combine(BuildRoot, local.Text), local.Paths.Select(p => Path.Combine(pkgRoot, p)));
            default:
                return null;
        }
    }

    private FsStatus? FindStaleFile(string reference, IEnumerable<string> paths)
    {
        if (ReadMtime(reference) is not { } referenceMtime)
        {
            return new FsStatus(FsStatusKind.StaleItem) { Item = StaleItemKind.MissingFile, Path = reference };
        }

        foreach (var path in paths)
        {
            if (Mtime(path) is not { } mtime)
            {
                return new FsStatus(FsStatusKind.StaleItem) { Item = StaleItemKind.MissingFile, Path = path };
            }

            if (mtime > referenceMtime)
            {
                return new FsStatus(FsStatusKind.StaleItem)
                {
                    Item = StaleItemKind.ChangedFile,
                    Path = path,
                    StaleMtime = mtime,
                    ReferenceMtime = referenceMtime,
                };
            }
        }

        return null;
    }

    /// <summary>Before a dirty unit runs: forget its old hash, so an interrupted build cannot look finished.</summary>
    public void ClearStored(Unit unit)
    {
        try
        {
            File.Delete(HashPath(unit));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Creates <c>invoked.timestamp</c> in a directory and returns its mtime: the time the work started, in the file system's clock.</summary>
    public static DateTime InvocationTime(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "invoked.timestamp");
        File.WriteAllText(path, "This file has an mtime of when this was started.");
        return File.GetLastWriteTimeUtc(path);
    }

    /// <summary>After success: the unit's hash and details, written atomically, last.</summary>
    public void Write(Unit unit)
    {
        var fingerprint = _fingerprints[unit];
        fingerprint.Invalidate();
        var path = HashPath(unit);
        AtomicFile.WriteAllText(path + ".json", fingerprint.ToJson());
        AtomicFile.WriteAllText(path, fingerprint.HashHex);
    }

    /// <summary>
    /// Cargo's <c>translate_dep_info</c>: rustc's <c>.d</c> file into the fingerprint directory, paths
    /// relative to the build root or package root (registry packages' own files dropped: they never
    /// change), environment variables kept when the user could change them; then the file's mtime
    /// is set back to when rustc started, so sources edited during the build count as changed.
    /// </summary>
    public void TranslateDepInfo(Unit unit, string rustcDepInfo, string rustcCwd, IReadOnlyDictionary<string, string?> commandEnv, DateTime invocation)
    {
        if (!File.Exists(rustcDepInfo))
        {
            return;
        }

        var parsed = RustcDepInfo.Parse(UnlockedFile.ReadAllText(rustcDepInfo));
        var buildRoot = BuildRoot;
        var pkgRoot = unit.Package.Root;
        var files = new List<(char, string)>();
        foreach (var file in parsed.Files)
        {
            var absolute = Path.GetFullPath(Path.Combine(rustcCwd, file));
            if (absolute.StartsWith(buildRoot + "/", StringComparison.Ordinal))
            {
                files.Add(('B', absolute[(buildRoot.Length + 1)..]));
            }
            else if (absolute.StartsWith(pkgRoot + "/", StringComparison.Ordinal))
            {
                if (unit.IsLocal)
                {
                    files.Add(('P', absolute[(pkgRoot.Length + 1)..]));
                }
            }
            else
            {
                files.Add(('A', absolute));
            }
        }

        var env = parsed.Env
            .Where(e => PackageEnv.IsMetadata(e.Name) || _state.EnvConfig.ContainsKey(e.Name) || !commandEnv.ContainsKey(e.Name) || e.Name == "CARGO")
            .ToList();
        var target = DepInfoPath(unit);
        AtomicFile.WriteAllText(target, new EncodedDepInfo(files, env).Serialize());
        File.SetLastWriteTimeUtc(target, invocation);
    }
}
