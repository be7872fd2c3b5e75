using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;

namespace Ferry.Resolver.Features;

/// <summary>
/// The outcome of <see cref="FeatureResolver.Resolve"/>: the features and optional dependencies in
/// use per package and feature set, and the queries the unit graph and <c>tree</c> walk with.
/// Every query takes the feature set the caller means; under resolver 1 the host and normal sets
/// are one and the same, so <see cref="FeaturesFor.HostDep"/> is answered from the normal set.
/// </summary>
public sealed class ResolvedFeatures
{
    private readonly Resolve _resolve;
    private readonly TargetData _targetData;
    private readonly IProcMacroInfo _procMacros;
    private readonly ImmutableHashSet<PackageId> _members;

    internal ResolvedFeatures(
        Resolve resolve,
        TargetData targetData,
        FeatureOpts opts,
        IProcMacroInfo procMacros,
        ImmutableHashSet<PackageId> members,
        ImmutableDictionary<PackageFeaturesKey, ImmutableArray<string>> activatedFeatures,
        ImmutableDictionary<PackageFeaturesKey, ImmutableHashSet<string>> activatedDependencies)
    {
        _resolve = resolve;
        _targetData = targetData;
        Opts = opts;
        _procMacros = procMacros;
        _members = members;
        ActivatedFeatureSets = activatedFeatures;
        ActivatedDependencies = activatedDependencies;
    }

    public FeatureOpts Opts { get; }

    /// <summary>Every visited (package, feature set) with its features, sorted; keys are already collapsed under resolver 1.</summary>
    public ImmutableDictionary<PackageFeaturesKey, ImmutableArray<string>> ActivatedFeatureSets { get; }

    /// <summary>The optional dependencies (by name in the manifest) in use per (package, feature set).</summary>
    public ImmutableDictionary<PackageFeaturesKey, ImmutableHashSet<string>> ActivatedDependencies { get; }

    /// <summary>
    /// The features of a package's feature set, sorted. Asking for a set the resolver never
    /// reached is a bug in the caller's walk (Cargo panics), so it throws.
    /// </summary>
    public ImmutableArray<string> ActivatedFeatures(PackageId package, FeaturesFor featuresFor) =>
        TryGetActivatedFeatures(package, featuresFor, out var features)
            ? features
            : throw new InvalidOperationException($"did not find features for ({package}, {featuresFor}) within the activated features");

    /// <summary>Like <see cref="ActivatedFeatures"/>, for callers that do not know what was activated (<c>clean -p</c>).</summary>
    public bool TryGetActivatedFeatures(PackageId package, FeaturesFor featuresFor, out ImmutableArray<string> features) =>
        ActivatedFeatureSets.TryGetValue(Key(package, featuresFor), out features);

    /// <summary>Whether the resolver reached this feature set of the package at all.</summary>
    public bool IsActivated(PackageId package, FeaturesFor featuresFor) => ActivatedFeatureSets.ContainsKey(Key(package, featuresFor));

    /// <summary>
    /// Whether the optional dependency <paramref name="depName"/> (its name in the manifest) of a
    /// package is in use. Only meaningful for optional dependencies; required ones are never listed.
    /// </summary>
    public bool IsDepActivated(PackageId package, FeaturesFor featuresFor, string depName) =>
        ActivatedDependencies.TryGetValue(Key(package, featuresFor), out var deps) && deps.Contains(depName);

    /// <summary>
    /// The dependency declarations of <paramref name="package"/> in use when its
    /// <paramref name="featuresFor"/> set is built for <paramref name="kind"/> (the host for host
    /// dependencies): platform-specific ones must match that platform (a build-dependency's
    /// platform is always the host's) unless the target data shows all targets, and optional ones
    /// must have been enabled. Build-dependencies are included, and dev-dependencies of the
    /// requested members; the caller keeps what the unit needs (build-dependencies for a build
    /// script, dev-dependencies for tests and examples, whose features are only resolved with
    /// <see cref="HasDevUnits.Yes"/> under resolver 2).
    /// Sorted by package, then declaration kind and name, as <c>cargo tree</c> lists them.
    /// </summary>
    public ImmutableArray<ActiveDependency> ActiveDependencies(PackageId package, FeaturesFor featuresFor, CompileKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var result = ImmutableArray.CreateBuilder<ActiveDependency>();
        foreach (var edge in _resolve.Dependencies(package).OrderBy(e => e.Target))
        {
            foreach (var dep in edge.Declarations.OrderBy(d => d.Kind).ThenBy(d => d.NameInToml, StringComparer.Ordinal))
            {
                if (dep.Kind == DependencyKind.Development && !_members.Contains(package))
                {
                    // Only the requested members' dev-dependencies are part of this command.
                    continue;
                }

                var platformKind = kind.IsHost || dep.Kind == DependencyKind.Build ? CompileKind.Host : kind;
                if (!_targetData.AllTargets && !_targetData.DepPlatformActivated(dep, platformKind))
                {
                    continue;
                }

                if (dep.Optional && !IsDepActivated(package, featuresFor, dep.NameInToml))
                {
                    continue;
                }

                var depFeaturesFor = DependencyFeaturesFor(featuresFor, dep, edge.Target);
                result.Add(new ActiveDependency(edge.Target, dep, depFeaturesFor, depFeaturesFor == FeaturesFor.HostDep ? CompileKind.Host : kind));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// The feature set a dependency is built with: whatever a host dependency uses is for the
    /// host too; otherwise build-dependencies and proc-macros are for the host, the rest inherit.
    /// </summary>
    public FeaturesFor DependencyFeaturesFor(FeaturesFor parent, Dependency dep, PackageId target)
    {
        ArgumentNullException.ThrowIfNull(dep);
        if (parent == FeaturesFor.HostDep)
        {
            return FeaturesFor.HostDep;
        }

        return dep.Kind == DependencyKind.Build || _procMacros.HasProcMacroLib(target) ? FeaturesFor.HostDep : FeaturesFor.NormalOrDev;
    }

    private PackageFeaturesKey Key(PackageId package, FeaturesFor featuresFor) => new(package, Opts.Key(featuresFor));
}
