using System.Collections.Immutable;
using Ferry.Build.Profiles;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Manifest.Targets;
using Ferry.Resolver.Features;
using Ferry.Util.Diagnostics;

namespace Ferry.Build.Units;

/// <summary>
/// Builds the unit graph from the root units (Cargo's <c>unit_dependencies.rs</c>): a unit depends on
/// the libraries of its package's dependencies that apply to it (build-dependencies for build
/// scripts, dev-dependencies for tests and examples, platform-specific ones whose platform matches
/// the unit's kind, optional ones the feature resolver turned on), on its package's library (for
/// binaries, tests, examples), on running its package's build script, and a build script run on
/// the runs of the build scripts of dependencies with <c>links</c> (for <c>DEP_*</c> variables).
/// </summary>
internal sealed class UnitDependencies
{
    private readonly BuildContext _bcx;
    private readonly bool _rustcTest;
    private readonly bool _docDeps;
    private readonly Dictionary<Unit, List<UnitDep>> _graph = [];
    private readonly HashSet<(Unit Parent, Unit Child)> _devEdges = [];

    private UnitDependencies(BuildContext bcx, bool rustcTest, bool docDeps)
    {
        _bcx = bcx;
        _rustcTest = rustcTest;
        _docDeps = docDeps;
    }

    /// <param name="docDeps">Cargo's <c>wants_deps_docs</c> (<c>cargo doc</c> without <c>--no-deps</c>): doc units also depend on their dependencies' doc units.</param>
    public static Dictionary<Unit, List<UnitDep>> Build(BuildContext bcx, IReadOnlyList<Unit> roots, bool rustcTest, bool docDeps = false)
    {
        var builder = new UnitDependencies(bcx, rustcTest, docDeps);
        foreach (var root in roots)
        {
            UnitFor unitFor;
            if (root.Mode.IsAnyTest() || rustcTest)
            {
                unitFor = root.Target.ProcMacro ? UnitFor.HostTest(root.Kind) : UnitFor.Test(root.Kind);
            }
            else if (root.Target.IsCustomBuild)
            {
                unitFor = UnitFor.ForHost(false, root.Kind);
            }
            else if (root.Target.ProcMacro)
            {
                unitFor = UnitFor.ForHost(true, root.Kind);
            }
            else if (root.Target.ForHost)
            {
                unitFor = UnitFor.Compiler(root.Kind);
            }
            else
            {
                unitFor = UnitFor.Normal(root.Kind);
            }

            builder.DepsOf(root, unitFor);
        }

        LinksValidation.Validate(bcx, builder._graph);
        builder.ConnectRunCustomBuildDeps();
        foreach (var list in builder._graph.Values)
        {
            list.Sort((a, b) => UnitOrder.Compare(a.Unit, b.Unit));
        }

        return builder._graph;
    }

    private void DepsOf(Unit unit, UnitFor unitFor)
    {
        // An explicit stack: dependency chains in real graphs are deep enough to matter.
        var stack = new Stack<(Unit, UnitFor)>();
        stack.Push((unit, unitFor));
        while (stack.TryPop(out var item))
        {
            var (current, currentFor) = item;
            if (_graph.ContainsKey(current))
            {
                continue;
            }

            var deps = ComputeDeps(current, currentFor);
            _graph[current] = deps;
            foreach (var dep in deps)
            {
                if (!_graph.ContainsKey(dep.Unit))
                {
                    stack.Push((dep.Unit, dep.UnitFor));
                }
            }
        }
    }

    private List<UnitDep> ComputeDeps(Unit unit, UnitFor unitFor)
    {
        if (unit.Mode == CompileMode.RunCustomBuild)
        {
            return ComputeDepsCustomBuild(unit, unitFor);
        }

        if (unit.Mode == CompileMode.Doc)
        {
            return ComputeDepsDoc(unit, unitFor);
        }

        var result = new List<UnitDep>();
        foreach (var (depId, declarations) in Deps(unit, unitFor))
        {
            var depPackage = _bcx.Package(depId);
            if (depPackage.Library is not { } lib)
            {
                continue;
            }

            var mode = CheckOrBuildMode(unit.Mode, lib);
            var depFor = unitFor.WithDependency(unit.Target.IsCustomBuild, lib.ForHost, lib.ProcMacro);
            var dep = NewUnitDep(unit, depPackage, lib, depFor, ForTarget(unit.Kind, lib), mode, declarations);
            result.Add(dep);
            if (declarations.All(d => !d.IsTransitive))
            {
                _devEdges.Add((unit, dep.Unit));
            }
        }

        if (unit.Target.IsCustomBuild)
        {
            return result;
        }

        result.AddRange(DepBuildScript(unit, unitFor));
        if (unit.Target.IsLib && unit.Mode != CompileMode.Doctest)
        {
            return result;
        }

        if (MaybeLib(unit, unitFor) is { } lib2)
        {
            result.Add(lib2);
        }

        if (!unit.Mode.IsCheck() && unit.Mode.IsAnyTest() && (unit.Target.IsTest || unit.Target.IsBench))
        {
            // Integration tests and benches get the package's binaries (CARGO_BIN_EXE_*).
            foreach (var target in unit.Package.Manifest.Targets.Where(t => t.IsBin))
            {
                if (target.RequiredFeatures is { } required && !required.All(f => AllFeatures(unit.Package.Id, unit.Kind).Contains(f)))
                {
                    continue;
                }

                result.Add(NewUnitDep(unit, unit.Package, target, UnitFor.Normal(unitFor.RootCompileKind), ForTarget(unit.Kind, target), CompileMode.Build, null));
            }
        }

        return result;
    }

    private List<UnitDep> ComputeDepsCustomBuild(Unit unit, UnitFor unitFor)
    {
        if (unit.Package.Manifest.Links is { } links && _bcx.TargetData.TargetConfig(unit.Kind).LinksOverrides.ContainsKey(links))
        {
            // The configuration supplies this script's output: nothing to compile or run.
            return [];
        }

        var scriptFor = unitFor.ForCustomBuild();
        return [NewUnitDep(unit, unit.Package, unit.Target, scriptFor, CompileKind.Host, CompileMode.Build, null)];
    }

    private List<UnitDep> ComputeDepsDoc(Unit unit, UnitFor unitFor)
    {
        var result = new List<UnitDep>();
        foreach (var (depId, declarations) in Deps(unit, unitFor))
        {
            var depPackage = _bcx.Package(depId);
            if (depPackage.Library is not { } lib)
            {
                continue;
            }

            var depFor = unitFor.WithDependency(unit.Target.IsCustomBuild, lib.ForHost, lib.ProcMacro);
            result.Add(NewUnitDep(unit, depPackage, lib, depFor, ForTarget(unit.Kind, lib), CheckOrBuildMode(unit.Mode, lib), declarations));
            if (lib.Documented && _docDeps)
            {
                result.Add(NewUnitDep(unit, depPackage, lib, depFor, ForTarget(unit.Kind, lib), unit.Mode, null));
            }
        }

        result.AddRange(DepBuildScript(unit, unitFor));
        if (unit.Target.IsBin || unit.Target.IsExample)
        {
            if (MaybeLib(unit, unitFor) is { } lib2)
            {
                result.Add(lib2);
            }

            // The library's docs too, for intra-doc links from the binary's.
            if (unit.Package.Manifest.Targets.FirstOrDefault(t => t.IsLib && t.CrateTypes.Any(CrateTypes.IsLinkable) && t.Documented) is { } docLib)
            {
                var docFor = unitFor.WithDependency(unit.Target.IsCustomBuild, docLib.ForHost, docLib.ProcMacro);
                result.Add(NewUnitDep(unit, unit.Package, docLib, docFor, ForTarget(unit.Kind, docLib), unit.Mode, null));
            }
        }

        return result;
    }

    private UnitDep? MaybeLib(Unit unit, UnitFor unitFor)
    {
        var lib = unit.Package.Manifest.Targets.FirstOrDefault(t => t.IsLib && t.CrateTypes.Any(CrateTypes.IsLinkable));
        if (lib is null)
        {
            return null;
        }

        var depFor = unitFor.WithDependency(unit.Target.IsCustomBuild, lib.ForHost, lib.ProcMacro);
        return NewUnitDep(unit, unit.Package, lib, depFor, ForTarget(unit.Kind, lib), CheckOrBuildMode(unit.Mode, lib), null);
    }

    private IEnumerable<UnitDep> DepBuildScript(Unit unit, UnitFor unitFor)
    {
        if (unit.Package.CustomBuild is not { } script)
        {
            yield break;
        }

        var profile = ProfileSet.RunCustomBuild(unit.Profile);
        var scriptFor = unitFor.ForCustomBuild();
        yield return NewUnitDepWithProfile(unit, unit.Package, script, scriptFor, unit.Kind, CompileMode.RunCustomBuild, profile, null);
    }

    private static CompileMode CheckOrBuildMode(CompileMode mode, Target target) => mode switch
    {
        CompileMode.Check or CompileMode.CheckTest or CompileMode.Doc => target.ForHost ? CompileMode.Build : CompileMode.Check,
        _ => CompileMode.Build,
    };

    /// <summary>Build scripts and proc-macros are always built for the host.</summary>
    private static CompileKind ForTarget(CompileKind kind, Target target) => target.ForHost ? CompileKind.Host : kind;

    private UnitDep NewUnitDep(Unit parent, BuildPackage package, Target target, UnitFor unitFor, CompileKind kind, CompileMode mode, IReadOnlyList<Dependency>? declarations)
    {
        var profile = _bcx.Profiles.Get(package.Id, package.IsMember, package.IsLocal, unitFor, kind);
        return NewUnitDepWithProfile(parent, package, target, unitFor, kind, mode, profile, declarations);
    }

    private UnitDep NewUnitDepWithProfile(Unit parent, BuildPackage package, Target target, UnitFor unitFor, CompileKind kind, CompileMode mode, Profile profile, IReadOnlyList<Dependency>? declarations)
    {
        var listed = declarations is null ? null : (IReadOnlyList<Dependency>)[.. _bcx.Resolve.Dependencies(parent.Package.Id).Where(e => e.Target == package.Id).SelectMany(e => e.Declarations)];
        var (externName, depName) = ExternCrateName(parent.Package.Id, package.Id, target, listed);
        var features = _bcx.Features.TryGetActivatedFeatures(package.Id, unitFor.FeaturesFor, out var activated) ? activated : [];
        var info = _bcx.TargetData.Info(kind);
        var unit = _bcx.Interner.Intern(package, target, profile, kind, mode, features, info.Rustflags, info.Rustdocflags, 0);
        var isPublic = declarations?.Any(d => d.Public) ?? false;
        return new UnitDep(unit, unitFor, externName, depName, isPublic, false);
    }

    /// <summary>Cargo's <c>extern_crate_name_and_dep_name</c>: the rename in the manifest (with <c>_</c>), else the library's crate name.</summary>
    private static (string Extern, string? DepName) ExternCrateName(PackageId from, PackageId to, Target target, IReadOnlyList<Dependency>? declarations)
    {
        var crateName = target.Name.Replace('-', '_');
        if (declarations is null || from == to || declarations.Count == 0)
        {
            return (crateName, null);
        }

        (string, string?) Pair(Dependency d) => d.ExplicitNameInToml is { } renamed ? (renamed.Replace('-', '_'), renamed) : (crateName, null);
        var first = Pair(declarations[0]);
        foreach (var other in declarations.Skip(1))
        {
            if (Pair(other).Item1 != first.Item1)
            {
                throw new FerryException($"the crate `{from}` depends on crate `{to}` multiple times with different names");
            }
        }

        return first;
    }

    /// <summary>The dependencies of a unit's package that apply to it (Cargo's <c>State::deps</c>).</summary>
    private List<(PackageId Id, List<Dependency> Declarations)> Deps(Unit unit, UnitFor unitFor)
    {
        var result = new List<(PackageId, List<Dependency>)>();
        var id = unit.Package.Id;
        foreach (var edge in _bcx.Resolve.Dependencies(id))
        {
            var declarations = new List<Dependency>();
            foreach (var dep in edge.Declarations)
            {
                if (unit.Target.IsCustomBuild != (dep.Kind == DependencyKind.Build))
                {
                    continue;
                }

                if (!dep.IsTransitive && !unit.Target.IsTest && !unit.Target.IsExample && !unit.Mode.IsAnyTest())
                {
                    continue;
                }

                if (!_bcx.TargetData.DepPlatformActivated(dep, unit.Kind))
                {
                    continue;
                }

                if (dep.Optional && !_bcx.Features.IsDepActivated(id, unitFor.FeaturesFor, dep.NameInToml))
                {
                    continue;
                }

                declarations.Add(dep);
            }

            if (declarations.Count > 0)
            {
                result.Add((edge.Target, declarations));
            }
        }

        return result;
    }

    private readonly Dictionary<(PackageId, CompileKind), HashSet<string>> _allFeatures = [];

    /// <summary>Cargo's <c>resolve_all_features</c> for required-features checks: own features plus <c>dep/feature</c> of each dependency.</summary>
    private HashSet<string> AllFeatures(PackageId package, CompileKind kind)
    {
        if (_allFeatures.TryGetValue((package, kind), out var cached))
        {
            return cached;
        }

        var set = RequiredFeatures.AllFeatures(_bcx, package, [kind]);
        _allFeatures[(package, kind)] = set;
        return set;
    }

    /// <summary>
    /// Cargo's <c>connect_run_custom_build_deps</c>: running a build script waits for (and reads the
    /// <c>DEP_*</c> metadata of) the build scripts of its package's <c>links</c> dependencies.
    /// </summary>
    private void ConnectRunCustomBuildDeps()
    {
        var reverse = new Dictionary<Unit, HashSet<Unit>>();
        foreach (var (unit, deps) in _graph)
        {
            foreach (var dep in deps)
            {
                if (dep.Unit.Mode == CompileMode.RunCustomBuild)
                {
                    if (!reverse.TryGetValue(dep.Unit, out var set))
                    {
                        set = [];
                        reverse[dep.Unit] = set;
                    }

                    set.Add(unit);
                }
            }
        }

        var additions = new List<(Unit, List<UnitDep>)>();
        foreach (var unit in _graph.Keys.Where(u => u.Mode == CompileMode.RunCustomBuild))
        {
            if (!reverse.TryGetValue(unit, out var parents))
            {
                continue;
            }

            var toAdd = new Dictionary<Unit, UnitDep>();
            foreach (var parent in parents.OrderBy(u => u.Index))
            {
                foreach (var other in _graph[parent])
                {
                    if (other.Unit.Package == unit.Package || !(other.Unit.IsLinkable && other.Unit.Package.Manifest.Links is not null))
                    {
                        continue;
                    }

                    if (_devEdges.Contains((parent, other.Unit)))
                    {
                        continue;
                    }

                    var run = _graph[other.Unit].FirstOrDefault(d => d.Unit.Mode == CompileMode.RunCustomBuild);
                    if (run is not null && !toAdd.ContainsKey(run.Unit))
                    {
                        toAdd[run.Unit] = run with { DepName = other.DepName ?? other.Unit.Package.Name };
                    }
                }
            }

            if (toAdd.Count > 0)
            {
                additions.Add((unit, toAdd.Values.ToList()));
            }
        }

        foreach (var (unit, deps) in additions)
        {
            _graph[unit].AddRange(deps);
        }
    }
}
