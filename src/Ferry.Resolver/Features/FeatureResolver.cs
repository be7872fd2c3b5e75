using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Util.Diagnostics;

namespace Ferry.Resolver.Features;

/// <summary>
/// The feature resolver: the pass after dependency resolution that decides, for each package and
/// each of its feature sets (<see cref="FeaturesFor"/>), which features are on and which optional
/// dependencies are in use. It follows Cargo's <c>resolver/features.rs</c>.
///
/// Why a second pass: the dependency resolver has to unify features to choose versions (an
/// optional dependency that a feature turns on must be resolved), and the lockfile is resolved
/// with every feature of every member. The build needs something narrower — the features of this
/// command's packages, on this command's platforms — and resolver 2 narrows further: host
/// dependencies (build-dependencies, proc-macros and what they use) get a feature set of their own,
/// dev-dependencies count only when dev units are built, dependencies for platforms not being
/// built for are ignored, and a weak <c>dep?/feat</c> enables <c>feat</c> only if something else
/// enables <c>dep</c>. With all of that switched off (<see cref="FeatureOpts"/> for resolver 1) the
/// pass computes the dependency resolver's unified features, so one algorithm serves both.
///
/// It takes any <see cref="Ferry.Core.Resolution.Resolve"/> that contains the requested members'
/// packages: the lockfile's resolve (every feature, every member's dev-dependencies) or Cargo's
/// targeted second resolve give the same answer, because only edges reachable through activated
/// features are followed, and dev-dependencies only for the requested members (the lockfile also
/// has those of the other members, which Cargo's targeted resolve leaves out). No validation
/// happens here; the feature maps were validated when the summaries were built, and unknown
/// command-line features are reported by the dependency resolver's targeted pass.
///
/// The result is a least fixpoint, so the order of steps does not matter; an explicit work stack
/// replaces Cargo's recursion so that deep graphs cannot exhaust the call stack.
/// </summary>
public sealed class FeatureResolver
{
    private readonly Resolve _resolve;
    private readonly TargetData _targetData;
    private readonly FeatureOpts _opts;
    private readonly IProcMacroInfo _procMacros;
    private readonly ImmutableHashSet<PackageId> _members;

    // Host dependencies are tracked separately whenever a rule could tell them apart: decoupled
    // features, and platform filtering (a build-dependency's platform is the host's).
    private readonly bool _trackForHost;
    private readonly Dictionary<PackageFeaturesKey, SortedSet<string>> _features = [];
    private readonly Dictionary<PackageFeaturesKey, HashSet<string>> _dependencies = [];
    private readonly HashSet<PackageFeaturesKey> _processedDeps = [];

    // `dep?/feat` seen before `dep` was enabled: (package, features for, dep name) -> features.
    private readonly Dictionary<(PackageId, FeaturesFor, string), HashSet<string>> _deferredWeak = [];

    // Optional dependencies already followed, per package and (uncollapsed) feature set.
    private readonly HashSet<(PackageId, FeaturesFor, string)> _followedDependencies = [];
    private readonly Dictionary<PackageFeaturesKey, ImmutableArray<FeatureDepLink>> _linkCache = [];
    private readonly Stack<FeatureWork> _work = new();

    private FeatureResolver(Resolve resolve, TargetData targetData, FeatureOpts opts, IProcMacroInfo procMacros, ImmutableHashSet<PackageId> members)
    {
        _members = members;
        _resolve = resolve;
        _targetData = targetData;
        _opts = opts;
        _procMacros = procMacros;
        _trackForHost = opts.DecoupleHostDeps || opts.IgnoreInactiveTargets;
    }

    /// <summary>
    /// Resolves the features of <paramref name="members"/> (from
    /// <see cref="WorkspaceFeatureSelection.MembersWithFeatures"/>) and of everything they use.
    /// </summary>
    public static ResolvedFeatures Resolve(
        Resolve resolve,
        TargetData targetData,
        IReadOnlyList<MemberFeatures> members,
        FeatureOpts opts,
        IProcMacroInfo procMacros)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        ArgumentNullException.ThrowIfNull(targetData);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(opts);
        ArgumentNullException.ThrowIfNull(procMacros);
        if (targetData.AllTargets && opts.IgnoreInactiveTargets)
        {
            throw new ArgumentException("`--target all` needs feature options created with ForceAllTargets.Yes", nameof(opts));
        }

        var memberIds = members.Select(m => m.Id).ToImmutableHashSet();
        var resolver = new FeatureResolver(resolve, targetData, opts, procMacros, memberIds);
        foreach (var member in members)
        {
            var values = resolver.ValuesFromRequested(member.Member, member.Features);
            var featuresFor = FeaturesFor.NormalOrDev;
            if (resolver._trackForHost && procMacros.HasAnyProcMacro(member.Id))
            {
                // A proc-macro member is built for the host, but its tests and binaries (and
                // `cargo test`) need it for the target too.
                resolver.ActivatePackage(member.Id, FeaturesFor.NormalOrDev, values);
                featuresFor = FeaturesFor.HostDep;
            }

            resolver.ActivatePackage(member.Id, featuresFor, values);
        }

        resolver.Drain();
        return new ResolvedFeatures(
            resolve,
            targetData,
            opts,
            procMacros,
            memberIds,
            resolver._features.ToImmutableDictionary(pair => pair.Key, pair => pair.Value.ToImmutableArray()),
            resolver._dependencies.ToImmutableDictionary(pair => pair.Key, pair => pair.Value.ToImmutableHashSet(StringComparer.Ordinal)));
    }

    private void Drain()
    {
        while (_work.TryPop(out var work))
        {
            if (work.Value is { } value)
            {
                ActivateValue(work.Package, work.FeaturesFor, value);
            }
            else
            {
                ActivateRequiredDependencies(work.Package, work.FeaturesFor);
            }
        }
    }

    private PackageFeaturesKey SaveKey(PackageId package, FeaturesFor featuresFor) => new(package, _opts.Key(featuresFor));

    /// <summary>Turns on a package's feature set with the given values, then (once) its required dependencies.</summary>
    private void ActivatePackage(PackageId package, FeaturesFor featuresFor, IEnumerable<FeatureValue> values)
    {
        // Every visited package gets an entry, even with no features: the build asks for all of them.
        FeatureSet(package, featuresFor);
        _work.Push(new FeatureWork(package, featuresFor, null));
        foreach (var value in values)
        {
            _work.Push(new FeatureWork(package, featuresFor, value));
        }
    }

    private void ActivateRequiredDependencies(PackageId package, FeaturesFor featuresFor)
    {
        // Safe to do once: anything that later turns on a feature or optional dependency of this
        // package follows it right then.
        if (!_processedDeps.Add(new PackageFeaturesKey(package, featuresFor)))
        {
            return;
        }

        foreach (var link in Links(package, featuresFor))
        {
            // Optional dependencies wait for a feature to enable them.
            if (!link.Dependency.Optional)
            {
                ActivatePackage(link.Target, link.FeaturesFor, ValuesFromDependency(link.Target, link.Dependency));
            }
        }
    }

    private void ActivateValue(PackageId package, FeaturesFor featuresFor, FeatureValue value)
    {
        switch (value.Kind)
        {
            case FeatureValueKind.Feature:
                ActivateFeature(package, featuresFor, value.Name);
                break;
            case FeatureValueKind.Dep:
                ActivateDependency(package, featuresFor, value.Name);
                break;
            default:
                ActivateDependencyFeature(package, featuresFor, value.Name, value.DepFeature!, value.Weak);
                break;
        }
    }

    private void ActivateFeature(PackageId package, FeaturesFor featuresFor, string feature)
    {
        if (!FeatureSet(package, featuresFor).Add(feature))
        {
            return;
        }

        // A name missing from the map is an implicit optional-dependency feature of an old
        // index entry, or was refused earlier; it is recorded and enables nothing.
        if (Summary(package).Features.TryGetValue(feature, out var values))
        {
            foreach (var value in values)
            {
                _work.Push(new FeatureWork(package, featuresFor, value));
            }
        }
    }

    /// <summary><c>dep:name</c>: the optional dependency is in use, with what it declares and any deferred weak features.</summary>
    private void ActivateDependency(PackageId package, FeaturesFor featuresFor, string depName)
    {
        var key = SaveKey(package, featuresFor);
        if (!_dependencies.TryGetValue(key, out var enabled))
        {
            enabled = new HashSet<string>(StringComparer.Ordinal);
            _dependencies[key] = enabled;
        }

        enabled.Add(depName);
        _deferredWeak.Remove((package, featuresFor, depName), out var deferred);
        if (!_followedDependencies.Add((package, featuresFor, depName)) && deferred is null)
        {
            // Already followed every declaration of this name from this feature set, and there
            // are no deferred weak features to carry over: doing it again would change nothing.
            return;
        }

        foreach (var link in Links(package, featuresFor))
        {
            if (link.Dependency.NameInToml != depName)
            {
                continue;
            }

            if (deferred is not null)
            {
                foreach (var feature in deferred)
                {
                    _work.Push(new FeatureWork(link.Target, link.FeaturesFor, FeatureValue.Parse(feature)));
                }
            }

            ActivatePackage(link.Target, link.FeaturesFor, ValuesFromDependency(link.Target, link.Dependency));
        }
    }

    /// <summary><c>dep/feat</c> and <c>dep?/feat</c>.</summary>
    private void ActivateDependencyFeature(PackageId package, FeaturesFor featuresFor, string depName, string depFeature, bool weak)
    {
        foreach (var link in Links(package, featuresFor))
        {
            if (link.Dependency.NameInToml != depName)
            {
                continue;
            }

            if (link.Dependency.Optional)
            {
                if (weak && !IsEnabled(package, featuresFor, depName))
                {
                    // Weak, and the dependency is not on (yet): remember in case something enables it.
                    var key = (package, featuresFor, depName);
                    if (!_deferredWeak.TryGetValue(key, out var pending))
                    {
                        pending = new HashSet<string>(StringComparer.Ordinal);
                        _deferredWeak[key] = pending;
                    }

                    pending.Add(depFeature);
                    continue;
                }

                ActivateDependency(package, featuresFor, depName);
                if (!weak && Summary(package).Features.ContainsKey(depName))
                {
                    // The strong form also turns on the implicit feature of the same name, unless
                    // `dep:` hid it.
                    ActivateFeature(package, featuresFor, depName);
                }
            }

            _work.Push(new FeatureWork(link.Target, link.FeaturesFor, FeatureValue.Parse(depFeature)));
        }
    }

    private bool IsEnabled(PackageId package, FeaturesFor featuresFor, string depName) =>
        _dependencies.TryGetValue(SaveKey(package, featuresFor), out var enabled) && enabled.Contains(depName);

    private SortedSet<string> FeatureSet(PackageId package, FeaturesFor featuresFor)
    {
        var key = SaveKey(package, featuresFor);
        if (!_features.TryGetValue(key, out var set))
        {
            set = new SortedSet<string>(StringComparer.Ordinal);
            _features[key] = set;
        }

        return set;
    }

    private ImmutableArray<FeatureValue> ValuesFromDependency(PackageId target, Dependency dep)
    {
        var values = ImmutableArray.CreateBuilder<FeatureValue>(dep.Features.Length + 1);
        foreach (var feature in dep.Features)
        {
            values.Add(FeatureValue.Parse(feature));
        }

        if (dep.DefaultFeatures && Summary(target).Features.ContainsKey("default"))
        {
            values.Add(FeatureValue.Feature("default"));
        }

        return values.ToImmutable();
    }

    private ImmutableArray<FeatureValue> ValuesFromRequested(Summary member, CliFeatures cli)
    {
        var values = ImmutableArray.CreateBuilder<FeatureValue>();
        values.AddRange(cli.Features);
        if (cli.UsesDefaultFeatures && member.Features.ContainsKey("default"))
        {
            values.Add(FeatureValue.Feature("default"));
        }

        if (cli.AllFeatures)
        {
            values.AddRange(member.Features.Keys.Select(FeatureValue.Feature));
        }

        return values.ToImmutable();
    }

    /// <summary>The declarations a feature set follows, after the platform and dev-dependency rules, with the feature set each one activates.</summary>
    private ImmutableArray<FeatureDepLink> Links(PackageId package, FeaturesFor featuresFor)
    {
        var key = new PackageFeaturesKey(package, featuresFor);
        if (_linkCache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var links = ImmutableArray.CreateBuilder<FeatureDepLink>();
        foreach (var edge in _resolve.Dependencies(package))
        {
            foreach (var dep in edge.Declarations)
            {
                if (dep.Platform is not null && _opts.IgnoreInactiveTargets && !PlatformActivated(dep, featuresFor))
                {
                    continue;
                }

                if (dep.Kind == DependencyKind.Development && (_opts.DecoupleDevDeps || !_members.Contains(package)))
                {
                    continue;
                }

                var depFeaturesFor = featuresFor != FeaturesFor.HostDep
                    && _trackForHost
                    && (dep.Kind == DependencyKind.Build || _procMacros.HasProcMacroLib(edge.Target))
                        ? FeaturesFor.HostDep
                        : featuresFor;
                links.Add(new FeatureDepLink(edge.Target, dep, depFeaturesFor));
            }
        }

        var result = links.ToImmutable();
        _linkCache[key] = result;
        return result;
    }

    private bool PlatformActivated(Dependency dep, FeaturesFor featuresFor)
    {
        // Build-dependencies, and anything a host dependency uses, run on the host.
        if (dep.Kind == DependencyKind.Build || featuresFor == FeaturesFor.HostDep)
        {
            return _targetData.DepPlatformActivated(dep, CompileKind.Host);
        }

        foreach (var kind in _targetData.RequestedKinds)
        {
            if (_targetData.DepPlatformActivated(dep, kind))
            {
                return true;
            }
        }

        return false;
    }

    private Summary Summary(PackageId package) =>
        _resolve.Summaries.TryGetValue(package, out var summary)
            ? summary
            : throw new FerryException($"internal error: no summary for `{package}` in the resolve");
}
