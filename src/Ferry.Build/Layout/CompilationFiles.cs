using System.Collections.Immutable;
using Ferry.Build.Rustc;
using Ferry.Build.Units;
using Ferry.Core.Identity;
using Ferry.Resolver.Features;
using Ferry.Util.Diagnostics;

namespace Ferry.Build.Layout;

/// <summary>
/// Names every file and directory of a build (Cargo's <c>CompilationFiles</c>): the per-unit hashes
/// (<see cref="UnitMetadata"/>), output directories, the files rustc writes for a unit, which of them
/// are uplifted to where users look (<c>target/debug/foo</c>), fingerprint and build-script
/// directories.
/// </summary>
/// <remarks>
/// The hashes cover what Cargo's cover — package id (path packages relative to the workspace root, so
/// moving a checkout keeps its build), features, profile, mode, LTO, compile kind, target, the
/// compiler's version, the dependencies' hashes, and for file names also RUSTFLAGS — so an output is
/// kept apart exactly when Cargo keeps it apart.
/// </remarks>
public sealed class CompilationFiles
{
    private readonly UnitGraph _graph;
    private readonly RustcTargetData _targetData;
    private readonly string _workspaceRoot;
    private readonly BuildLayout _host;
    private readonly ImmutableDictionary<string, BuildLayout> _targets;
    private readonly Dictionary<Unit, UnitMetadata> _metas = [];
    private readonly Dictionary<Unit, ImmutableArray<OutputFile>> _outputs = [];
    private readonly IReadOnlyDictionary<Unit, LtoMode> _lto;
    private readonly HashSet<Unit> _roots;

    private readonly Func<Unit, ImmutableArray<string>>? _extraArgsFor;

    /// <param name="extraArgsFor">A root unit's extra arguments (Cargo's <c>extra_args_for</c>), mixed into its unit id.</param>
    public CompilationFiles(UnitGraph graph, RustcTargetData targetData, IReadOnlyDictionary<Unit, LtoMode> lto, string workspaceRoot, string targetDir, string profileDir, Func<Unit, ImmutableArray<string>>? extraArgsFor = null)
    {
        _extraArgsFor = extraArgsFor;
        _graph = graph;
        _targetData = targetData;
        _lto = lto;
        _workspaceRoot = workspaceRoot;
        _roots = [.. graph.Roots];
        _host = BuildLayout.For(targetDir, null, profileDir);
        _targets = targetData.RequestedKinds.Where(k => !k.IsHost)
            .ToImmutableDictionary(k => k.Triple!, k => BuildLayout.For(targetDir, ExtraFlags.ShortName(k.Triple!), profileDir));
        foreach (var unit in graph.Units)
        {
            MetadataOf(unit);
        }
    }

    public BuildLayout HostLayout => _host;

    public IEnumerable<BuildLayout> Layouts => _targets.Values.Prepend(_host);

    public BuildLayout Layout(CompileKind kind) => kind.IsHost ? _host : _targets[kind.Triple!];

    public UnitMetadata Metadata(Unit unit) => _metas[unit];

    public LtoMode Lto(Unit unit) => _lto.TryGetValue(unit, out var lto) ? lto : new LtoMode(LtoKind.OnlyObject);

    /// <summary>The <c>name-hash</c> directory of a unit (package name plus its unit id, or a hash of the package alone).</summary>
    public string PkgDir(Unit unit)
    {
        var meta = _metas[unit];
        var hash = meta.UsePkgDir ? meta.UnitIdHex : StableHasher.Hex(new StableHasher().Add(2).Add(StablePackageId(unit.Package.Id)).Finish());
        return $"{unit.Package.Name}-{hash}";
    }

    public string DepsDir(Unit unit) => Layout(unit.Kind).Deps;

    public string HostDeps => _host.Deps;

    public string FingerprintDir(Unit unit) => Path.Combine(Layout(unit.Kind).Fingerprint, PkgDir(unit));

    /// <summary>Where a build script is compiled to (<c>build/pkg-hash/</c>, always the host's layout).</summary>
    public string BuildScriptDir(Unit unit) => Path.Combine(_host.Build, PkgDir(unit));

    /// <summary>Where a build script runs and keeps its output (<c>build/pkg-hash/</c> of the run unit).</summary>
    public string BuildScriptRunDir(Unit unit) => Path.Combine(Layout(unit.Kind).Build, PkgDir(unit));

    public string BuildScriptOutDir(Unit unit) => Path.Combine(BuildScriptRunDir(unit), "out");

    public string IncrementalDir(Unit unit) => Layout(unit.Kind).Incremental;

    public string OutputDir(Unit unit)
    {
        if (unit.Mode == CompileMode.Doc)
        {
            return Path.Combine(Layout(unit.Kind).Root, "doc");
        }

        if (unit.Target.IsCustomBuild)
        {
            return BuildScriptDir(unit);
        }

        return unit.Target.IsExample ? Layout(unit.Kind).Examples : DepsDir(unit);
    }

    /// <summary>A file in the unit's fingerprint directory: <c>[prefix][test-|run-]KIND-NAME</c>.</summary>
    public string FingerprintFilePath(Unit unit, string prefix)
    {
        var flavor = unit.Mode.IsAnyTest() ? "test-" : unit.Mode == CompileMode.Doc ? "doc-" : unit.Mode == CompileMode.RunCustomBuild ? "run-" : string.Empty;
        return Path.Combine(FingerprintDir(unit), $"{prefix}{flavor}{unit.Target.KindDescription}-{unit.Target.Name}");
    }

    public string MessageCachePath(Unit unit) => FingerprintFilePath(unit, "output-");

    /// <summary>The uplifted location of a binary target (for <c>cargo run</c>).</summary>
    public string BinLinkForTarget(Core.Manifest.Targets.Target target, CompileKind kind)
    {
        var files = _targetData.Info(kind).Files("bin") ?? throw new FerryException("target must support `bin`");
        return Path.Combine(Layout(kind).Dest, files.Prefix + (target.BinaryFilename ?? target.Name) + files.Suffix);
    }

    public ImmutableArray<OutputFile> Outputs(Unit unit)
    {
        if (_outputs.TryGetValue(unit, out var cached))
        {
            return cached;
        }

        var outputs = CalcOutputs(unit);
        _outputs[unit] = outputs;
        return outputs;
    }

    private ImmutableArray<OutputFile> CalcOutputs(Unit unit)
    {
        switch (unit.Mode)
        {
            case CompileMode.Doc:
                return [new OutputFile(Path.Combine(OutputDir(unit), unit.CrateName, "index.html"), null, FileFlavor.Normal)];
            case CompileMode.RunCustomBuild or CompileMode.Doctest:
                return [];
        }

        var info = _targetData.Info(unit.Kind);
        var types = new List<(string Prefix, string Suffix, FileFlavor Flavor, string? CrateType, bool ReplaceHyphens)>();
        if (unit.Mode.IsCheck())
        {
            types.Add(("lib", ".rmeta", FileFlavor.Rmeta, null, true));
        }
        else if (unit.Mode == CompileMode.Test)
        {
            var files = info.Files("bin") ?? throw new FerryException($"cannot produce bin for `{unit.Package.Id}` as the target `{info.ShortName}` does not support these crate types");
            types.Add((files.Prefix, files.Suffix, FileFlavor.Normal, "bin", false));
        }
        else
        {
            var unsupported = new List<string>();
            foreach (var crateType in unit.Target.CrateTypes)
            {
                if (info.Files(crateType) is not { } files)
                {
                    unsupported.Add(crateType);
                    continue;
                }

                var normalized = crateType == "lib" ? "rlib" : crateType;
                types.Add((files.Prefix, files.Suffix, CrateTypes.IsLinkable(crateType) ? FileFlavor.Linkable : FileFlavor.Normal, normalized, normalized != "bin"));
                if (normalized is "bin" or "dylib" or "cdylib" or "proc-macro" && !info.ShortName.Contains("-apple-", StringComparison.Ordinal) && !info.ShortName.EndsWith("-msvc", StringComparison.Ordinal))
                {
                    types.Add((files.Prefix, files.Suffix + ".dwp", FileFlavor.DebugInfo, normalized, normalized != "bin"));
                }
            }

            if (types.Count == 0)
            {
                throw unsupported.Count > 0
                    ? new FerryException($"cannot produce {string.Join(", ", unsupported)} for `{unit.Package.Id}` as the target `{info.ShortName}` does not support these crate types")
                    : new FerryException($"cannot compile `{unit.Package.Id}` as the target `{info.ShortName}` does not support any of the output crate types");
            }

            if (!unit.Target.CrateTypes.Any(CrateTypes.RequiresUpstreamObjects))
            {
                types.Add(("lib", ".rmeta", FileFlavor.Rmeta, null, true));
            }
        }

        var outDir = OutputDir(unit);
        var extra = _metas[unit].ExtraFilename;
        var result = ImmutableArray.CreateBuilder<OutputFile>();
        foreach (var (prefix, suffix, flavor, crateType, replaceHyphens) in types)
        {
            var name = extra is null ? $"{prefix}{unit.CrateName}{suffix}" : $"{prefix}{unit.CrateName}-{extra}{suffix}";
            var path = Path.Combine(outDir, name);
            result.Add(new OutputFile(path, UpliftTo(unit, prefix, suffix, flavor, crateType, replaceHyphens, path), flavor));
        }

        return result.ToImmutable();
    }

    private string? UpliftTo(Unit unit, string prefix, string suffix, FileFlavor flavor, string? crateType, bool replaceHyphens, string fromPath)
    {
        if (unit.Mode != CompileMode.Build || flavor == FileFlavor.Rmeta)
        {
            return null;
        }

        if (!unit.Target.IsBin && !unit.Target.IsCustomBuild && crateType != "dylib" && !_roots.Contains(unit))
        {
            return null;
        }

        var name = unit.Target.BinaryFilename ?? (replaceHyphens ? unit.CrateName : unit.Target.Name);
        var fileName = prefix + name + suffix;
        string uplift;
        if (unit.Target.IsExample)
        {
            uplift = Path.Combine(Layout(unit.Kind).Examples, fileName);
        }
        else if (unit.Target.IsCustomBuild)
        {
            uplift = Path.Combine(BuildScriptDir(unit), fileName);
        }
        else
        {
            uplift = Path.Combine(Layout(unit.Kind).Dest, fileName);
        }

        return uplift == fromPath ? null : uplift;
    }

    /// <summary>A package id with path sources made relative to the workspace root (Cargo's <c>stable_hash</c>).</summary>
    private string StablePackageId(PackageId id)
    {
        var source = id.Source.Kind == SourceKind.Path
            ? "path+" + Path.GetRelativePath(_workspaceRoot, id.Source.LocalPath).Replace('\\', '/')
            : id.Source.Kind + "+" + id.Source.CanonicalUrl.Text + "#" + (id.Source.Precise ?? string.Empty);
        return $"{id.Name}\u001f{id.Version}\u001f{source}";
    }

    private UnitMetadata MetadataOf(Unit unit)
    {
        if (_metas.TryGetValue(unit, out var done))
        {
            return done;
        }

        // Post-order without recursion: dependencies first.
        var stack = new Stack<(Unit Unit, bool Expanded)>();
        stack.Push((unit, false));
        while (stack.TryPop(out var item))
        {
            if (_metas.ContainsKey(item.Unit))
            {
                continue;
            }

            var deps = _graph.Deps(item.Unit);
            if (!item.Expanded)
            {
                stack.Push((item.Unit, true));
                foreach (var dep in deps)
                {
                    if (!_metas.ContainsKey(dep.Unit))
                    {
                        stack.Push((dep.Unit, false));
                    }
                }

                continue;
            }

            _metas[item.Unit] = ComputeMetadata(item.Unit, deps.Select(d => _metas[d.Unit]).ToList());
        }

        return _metas[unit];
    }

    private UnitMetadata ComputeMetadata(Unit unit, List<UnitMetadata> deps)
    {
        var shared = new StableHasher()
            .Add(2)
            .Add(StablePackageId(unit.Package.Id))
            .AddAll(unit.Features)
            .Add(unit.Profile.Comparable)
            .Add(unit.Mode.ToString())
            .Add(Lto(unit).ToString())
            .Add(unit.Kind.Triple ?? "<host>")
            .Add(unit.Target.Name)
            .Add(unit.Target.Kind.ToString())
            .AddAll(unit.Target.CrateTypes);
        var rustc = _targetData.Rustc;
        foreach (var line in rustc.VerboseVersion.Split('\n'))
        {
            if (unit.Kind.IsHost || !line.StartsWith("host: ", StringComparison.Ordinal))
            {
                shared.Add(line.TrimEnd('\r'));
            }
        }

        if (unit.Package.IsMember && rustc.WorkspaceWrapper is { } wrapper)
        {
            shared.Add(wrapper);
        }

        var sharedValue = shared.Finish();
        var cMetadata = new StableHasher().Add(sharedValue).AddAll(deps.Select(d => d.CMetadataHex).Order(StringComparer.Ordinal)).Finish();
        var unitIdHasher = new StableHasher().Add(sharedValue).AddAll(deps.Select(d => d.UnitIdHex).Order(StringComparer.Ordinal));
        var extraArgs = _extraArgsFor?.Invoke(unit) ?? [];
        if (!extraArgs.IsEmpty && !extraArgs.Any(f => f.StartsWith("--remap-path-prefix", StringComparison.Ordinal)))
        {
            unitIdHasher.AddAll(extraArgs);
        }

        var flags = unit.Mode == CompileMode.Doc ? unit.Rustdocflags : unit.Rustflags;
        if (!flags.Any(f => f.StartsWith("--remap-path-prefix", StringComparison.Ordinal)))
        {
            unitIdHasher.AddAll(flags);
        }

        var unitId = unitIdHasher.Finish();
        return new UnitMetadata(unitId, cMetadata, UseExtraFilename(unit), UsePkgDir(unit));
    }

    private bool UseExtraFilename(Unit unit)
    {
        if (unit.Mode == CompileMode.Doc)
        {
            return false;
        }

        if (unit.Mode.IsAnyTest() || unit.Mode.IsCheck())
        {
            return true;
        }

        return !DynamicPathArtifact(unit);
    }

    private bool UsePkgDir(Unit unit) => UseExtraFilename(unit);

    /// <summary>dylibs and cdylibs of path packages keep their plain names, so they can be found by name at run time.</summary>
    private bool DynamicPathArtifact(Unit unit)
    {
        var shortName = _targetData.ShortName(unit.Kind);
        var isExecutable = unit.Target.IsBin || unit.Target.Kind == Core.Manifest.Targets.TargetKind.ExampleBin;
        var dynamicLib = unit.Target.IsLib && (unit.Target.CrateTypes.Contains("dylib") || unit.Target.CrateTypes.Contains("cdylib"));
        return (dynamicLib
                || (isExecutable && shortName == "wasm32-unknown-emscripten")
                || (isExecutable && shortName.Contains("msvc", StringComparison.Ordinal)))
            && unit.Package.Id.Source.Kind == SourceKind.Path;
    }
}
