using System.Collections.Immutable;
using System.Text;
using Ferry.Build.Profiles;
using Ferry.Build.Units;
using Ferry.Core.Dependencies;
using Ferry.Core.Manifest.Targets;
using Ferry.Resolver.Features;
using Ferry.Util.Diagnostics;
using Ferry.Util.Text;

namespace Ferry.Build.Selection;

/// <summary>
/// Turns the selected packages and the target filter into root units (Cargo's <c>UnitGenerator</c>):
/// default targets per intent, named targets with Cargo's "no bin target named" errors and
/// suggestions, <c>required-features</c> (skipped silently for default selections, an error for
/// named ones), and one unit per requested compile kind.
/// </summary>
public sealed class UnitGenerator
{
    private readonly BuildContext _bcx;
    private readonly IReadOnlyList<BuildPackage> _packages;
    private readonly IReadOnlyList<BuildPackage> _workspaceMembers;
    private readonly PackageSpecKind _spec;
    private readonly CompileFilter _filter;
    private readonly IReadOnlyList<CompileKind> _explicitKinds;
    private readonly UserIntent _intent;
    private readonly IShell _shell;

    public UnitGenerator(BuildContext bcx, IReadOnlyList<BuildPackage> packages, IReadOnlyList<BuildPackage> workspaceMembers, PackageSpecKind spec, CompileFilter filter, IReadOnlyList<CompileKind> explicitKinds, UserIntent intent, IShell shell)
    {
        _bcx = bcx;
        _packages = packages;
        _workspaceMembers = workspaceMembers;
        _spec = spec;
        _filter = filter;
        _explicitKinds = explicitKinds;
        _intent = intent;
        _shell = shell;
    }

    private sealed record Proposal(BuildPackage Package, Target Target, bool RequiresFeatures, CompileMode Mode);

    /// <summary><c>cargo rustc --crate-type</c>: replaces the crate types of the one selected library or example library.</summary>
    public ImmutableArray<string>? CrateTypeOverride { get; init; }

    /// <summary><c>cargo rustc -- ARGS</c> / <c>cargo rustdoc -- ARGS</c>: the command whose extra arguments need a single root unit.</summary>
    public string? ExtraArgsCommand { get; init; }

    public ImmutableArray<Unit> Generate()
    {
        var proposals = CreateProposals();
        var units = ProposalsToUnits(proposals);
        if (ExtraArgsCommand is { } command && units.Length != 1)
        {
            throw new FerryException($"extra arguments to `{command}` can only be passed to one target, consider filtering\nthe package by passing, e.g., `--lib` or `--bin NAME` to specify a single target");
        }

        if (CrateTypeOverride is { } crateTypes)
        {
            if (units.Length != 1)
            {
                throw new FerryException("crate types to rustc can only be passed to one target, consider filtering\nthe package by passing, e.g., `--lib` or `--example` to specify a single target");
            }

            var unit = units[0];
            if (unit.Target.Kind is not (TargetKind.Lib or TargetKind.ExampleLib))
            {
                throw new FerryException("crate types can only be specified for libraries and example libraries.\nBinaries, tests, and benchmarks are always the `bin` crate type");
            }

            var target = unit.Target with { CrateTypes = crateTypes };
            units = [_bcx.Interner.Intern(unit.Package, target, unit.Profile, unit.Kind, unit.Mode, unit.Features, unit.Rustflags, unit.Rustdocflags, unit.DepHash)];
        }

        return units;
    }

    private CompileMode DefaultMode => _intent switch
    {
        UserIntent.Test or UserIntent.Bench => CompileMode.Test,
        UserIntent.Check => CompileMode.Check,
        UserIntent.CheckTest => CompileMode.CheckTest,
        UserIntent.Doc => CompileMode.Doc,
        UserIntent.Doctest => CompileMode.Doctest,
        _ => CompileMode.Build,
    };

    private List<Proposal> CreateProposals()
    {
        var proposals = new List<Proposal>();
        if (_filter.IsDefault)
        {
            foreach (var package in _packages)
            {
                foreach (var target in DefaultTargets(package.Manifest.Targets))
                {
                    proposals.Add(new Proposal(package, target, !_filter.RequiredFeaturesFilterable, DefaultMode));
                }

                // `cargo test` also runs the library's doctests, when it has any to run.
                if (_intent == UserIntent.Test && package.Manifest.Targets.FirstOrDefault(t => t.IsLib && t.Doctested && t.IsDoctestable) is { } lib)
                {
                    proposals.Add(new Proposal(package, lib, false, CompileMode.Doctest));
                }
            }

            return proposals;
        }

        if (_filter.Lib != LibRule.False)
        {
            var libs = FilterTargets(t => t.IsLib, false, DefaultMode);
            if (_intent == UserIntent.Doctest)
            {
                foreach (var skipped in libs.Where(p => !p.Target.IsDoctestable))
                {
                    _shell.Warn($"doc tests are not supported for crate type(s) `{string.Join(", ", skipped.Target.CrateTypes)}` in package `{skipped.Package.Name}`");
                }

                libs = [.. libs.Where(p => p.Target.IsDoctestable)];
            }

            if (!_filter.AllTargets && libs.Count == 0 && _filter.Lib == LibRule.True)
            {
                var names = _packages.Select(p => p.Name).ToList();
                throw new FerryException(names.Count == 1
                    ? $"no library targets found in package `{names[0]}`"
                    : $"no library targets found in packages: {string.Join(", ", names)}");
            }

            proposals.AddRange(libs);
        }

        Func<Target, bool> testFilter = _filter.Tests.All ? t => t.Tested : t => t.IsTest;
        Func<Target, bool> benchFilter = _filter.Benches.All ? t => t.Benched : t => t.IsBench;
        var testMode = _intent switch
        {
            UserIntent.Build => CompileMode.Test,
            UserIntent.Check or UserIntent.CheckTest => CompileMode.CheckTest,
            _ => DefaultMode,
        };
        proposals.AddRange(ListRuleTargets(_filter.Bins, "bin", t => t.IsBin, DefaultMode));
        proposals.AddRange(ListRuleTargets(_filter.Examples, "example", t => t.IsExample, DefaultMode));
        proposals.AddRange(ListRuleTargets(_filter.Tests, "test", testFilter, testMode));
        proposals.AddRange(ListRuleTargets(_filter.Benches, "bench", benchFilter, testMode));
        return proposals;
    }

    private IEnumerable<Target> DefaultTargets(ImmutableArray<Target> targets) => _intent switch
    {
        UserIntent.Bench => targets.Where(t => t.Benched),
        UserIntent.Test => targets.Where(t => t.Tested || t.IsExample),
        UserIntent.Doc => targets.Where(t => t.Documented && (!t.IsBin || !targets.Any(l => l.IsLib && l.Name.Replace('-', '_') == t.Name.Replace('-', '_')))),
        _ => targets.Where(t => t.IsBin || t.IsLib),
    };

    private List<Proposal> FilterTargets(Func<Target, bool> predicate, bool requiresFeatures, CompileMode mode) =>
        _packages.SelectMany(p => p.Manifest.Targets.Where(predicate).Select(t => new Proposal(p, t, requiresFeatures, mode))).ToList();

    private List<Proposal> ListRuleTargets(FilterRule rule, string description, Func<Target, bool> isKind, CompileMode mode)
    {
        if (rule.All)
        {
            return FilterTargets(isKind, false, mode);
        }

        var result = new List<Proposal>();
        foreach (var name in rule.Names)
        {
            result.AddRange(FindNamedTargets(name, description, isKind, mode));
        }

        return result;
    }

    private List<Proposal> FindNamedTargets(string name, string description, Func<Target, bool> isKind, CompileMode mode)
    {
        var isGlob = GlobMatcher.IsPattern(name);
        bool Filter(Target t) => isKind(t) && (isGlob ? GlobMatcher.Matches(name, t.Name) : t.Name == name);
        var proposals = FilterTargets(Filter, true, mode);
        if (proposals.Count > 0)
        {
            return proposals;
        }

        var targets = new SortedDictionary<string, List<BuildPackage>>(StringComparer.Ordinal);
        foreach (var package in _packages)
        {
            foreach (var target in package.Manifest.Targets.Where(isKind))
            {
                if (!targets.TryGetValue(target.Name, out var list))
                {
                    list = [];
                    targets[target.Name] = list;
                }

                list.Add(package);
            }
        }

        var suggestion = EditDistance.Closest(name, targets.Keys) is { } similar ? $"\n\nhelp: a target with a similar name exists: `{similar}`" : string.Empty;
        var elsewhere = _workspaceMembers
            .Select(p => (p.Name, Targets: p.Manifest.Targets.Where(Filter).Select(t => t.Name).Order(StringComparer.Ordinal).ToList()))
            .Where(pair => pair.Targets.Count > 0)
            .ToList();
        var message = new StringBuilder($"no {description} target {(isGlob ? "matches pattern" : "named")} `{name}`{_spec.UnmatchedSuffix}{suggestion}");
        if (elsewhere.Count > 0)
        {
            foreach (var (package, names) in elsewhere)
            {
                message.Append($"\nhelp: available {description} in `{package}` package:");
                foreach (var target in names)
                {
                    message.Append($"\n    {target}");
                }
            }
        }
        else if (suggestion.Length == 0 && targets.Count > 0)
        {
            message.Append($"\nhelp: available {description} targets:");
            foreach (var (targetName, packages) in targets)
            {
                if (packages.Count == 1)
                {
                    message.Append($"\n    {targetName}");
                }
                else
                {
                    foreach (var package in packages)
                    {
                        message.Append($"\n    {targetName} in package {package.Name}");
                    }
                }
            }
        }

        throw new FerryException(message.ToString());
    }

    private ImmutableArray<Unit> ProposalsToUnits(List<Proposal> proposals)
    {
        var features = new Dictionary<BuildPackage, HashSet<string>>();
        var units = new HashSet<Unit>();
        foreach (var (package, target, requiresFeatures, mode) in proposals)
        {
            var unavailable = new List<string>();
            if (target.RequiredFeatures is { } required)
            {
                ValidateRequiredFeatures(target.Name, required, package);
                if (!features.TryGetValue(package, out var all))
                {
                    all = RequiredFeatures.AllFeatures(_bcx, package.Id, _bcx.TargetData.RequestedKinds);
                    features[package] = all;
                }

                unavailable.AddRange(required.Where(f => !all.Contains(f)));
            }

            if (target.IsLib || unavailable.Count == 0)
            {
                units.UnionWith(NewUnits(package, target, mode));
            }
            else if (requiresFeatures)
            {
                var needed = target.RequiredFeatures!.Value;
                throw new FerryException(
                    $"target `{target.Name}` in package `{package.Name}` requires the features: {string.Join(", ", needed.Select(f => $"`{f}`"))}\n" +
                    $"Consider enabling them by passing, e.g., `--features=\"{string.Join(' ', needed)}\"`");
            }
        }

        var list = units.ToList();
        list.Sort(UnitOrder.Compare);
        UnmatchedTargetFilters(list);
        return [.. list];
    }

    private IEnumerable<Unit> NewUnits(BuildPackage package, Target target, CompileMode initialMode)
    {
        var mode = initialMode == CompileMode.Test && target.IsExample && !_filter.IsSpecific && !target.Tested ? CompileMode.Build : initialMode;
        var featuresFor = target.ProcMacro ? FeaturesFor.HostDep : FeaturesFor.NormalOrDev;
        var features = _bcx.Features.TryGetActivatedFeatures(package.Id, featuresFor, out var activated) ? activated : [];
        foreach (var explicitKind in _explicitKinds)
        {
            var unitFor = initialMode.IsAnyTest() ? UnitFor.Test(explicitKind)
                : target.ForHost ? UnitFor.Compiler(explicitKind)
                : UnitFor.Normal(explicitKind);
            var profile = _bcx.Profiles.Get(package.Id, package.IsMember, package.IsLocal, unitFor, explicitKind);
            var kind = target.ForHost ? CompileKind.Host : explicitKind;
            var info = _bcx.TargetData.Info(kind);
            yield return _bcx.Interner.Intern(package, target, profile, kind, mode, features, info.Rustflags, info.Rustdocflags, 0);
        }
    }

    private void ValidateRequiredFeatures(string targetName, ImmutableArray<string> required, BuildPackage package)
    {
        var summary = package.Manifest.Summary;
        foreach (var feature in required)
        {
            var value = FeatureValue.Parse(feature);
            switch (value.Kind)
            {
                case FeatureValueKind.Feature:
                    if (!summary.Features.ContainsKey(value.Name))
                    {
                        _shell.Warn($"invalid feature `{feature}` in required-features of target `{targetName}`: `{feature}` is not present in [features] section");
                    }

                    break;
                case FeatureValueKind.Dep:
                    throw new FerryException($"invalid feature `{feature}` in required-features of target `{targetName}`: `dep:` prefixed feature values are not allowed in required-features");
                case FeatureValueKind.DepFeature when value.Weak:
                    throw new FerryException($"invalid feature `{feature}` in required-features of target `{targetName}`: optional dependency with `?` is not allowed in required-features");
                case FeatureValueKind.DepFeature:
                    var edge = _bcx.Resolve.Dependencies(package.Id).FirstOrDefault(e => e.Declarations.Any(d => d.NameInToml == value.Name));
                    if (edge is null)
                    {
                        _shell.Warn($"invalid feature `{feature}` in required-features of target `{targetName}`: dependency `{value.Name}` does not exist");
                    }
                    else if (_bcx.Resolve.Summaries.TryGetValue(edge.Target, out var depSummary)
                        && !depSummary.Features.ContainsKey(value.DepFeature!)
                        && !depSummary.Dependencies.Any(d => d.NameInToml == value.DepFeature && d.Optional))
                    {
                        _shell.Warn($"invalid feature `{feature}` in required-features of target `{targetName}`: feature `{value.DepFeature}` does not exist in package `{edge.Target}`");
                    }

                    break;
            }
        }
    }

    private void UnmatchedTargetFilters(List<Unit> units)
    {
        if (_filter.IsDefault || units.Count > 0)
        {
            return;
        }

        var filters = new StringBuilder();
        var missCount = 0;
        void Append(FilterRule rule, string text)
        {
            if (rule.All)
            {
                missCount++;
                filters.Append(text);
            }
        }

        if (_filter.AllTargets)
        {
            filters.Append(" `all-targets`");
        }
        else
        {
            Append(_filter.Bins, " `bins`,");
            Append(_filter.Tests, " `tests`,");
            Append(_filter.Examples, " `examples`,");
            Append(_filter.Benches, " `benches`,");
            if (filters.Length > 0)
            {
                filters.Length--;
            }
        }

        _shell.Warn($"target {(missCount > 1 ? "filters" : "filter")}{filters} specified, but no targets matched; this is a no-op");
    }
}
