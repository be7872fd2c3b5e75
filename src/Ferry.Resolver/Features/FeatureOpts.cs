using Ferry.Core.Manifest;

namespace Ferry.Resolver.Features;

/// <summary>
/// Which of resolver 2's narrowing rules apply. Resolver 1 turns them all off, which makes the
/// feature resolver compute exactly the dependency resolver's unified features (one set per
/// package, every platform, dev-dependencies included).
/// </summary>
public sealed record FeatureOpts
{
    /// <summary>Build-dependencies and proc-macros (and what they depend on) get features of their own.</summary>
    public bool DecoupleHostDeps { get; init; }

    /// <summary>Dev-dependencies enable nothing unless dev units are built.</summary>
    public bool DecoupleDevDeps { get; init; }

    /// <summary>Dependencies for platforms not being built for enable nothing.</summary>
    public bool IgnoreInactiveTargets { get; init; }

    /// <summary>Cargo's <c>FeatureOpts::new</c>: the rules of the resolver version, then the command's exceptions.</summary>
    public static FeatureOpts Create(ResolveBehavior behavior, HasDevUnits hasDevUnits, ForceAllTargets forceAllTargets)
    {
        var v2 = behavior is ResolveBehavior.V2 or ResolveBehavior.V3;
        return new FeatureOpts
        {
            DecoupleHostDeps = v2,

            // Dev-dependencies cannot be decoupled when they are in use: the library would have
            // to be built once more, with and without them.
            DecoupleDevDeps = v2 && hasDevUnits == HasDevUnits.No,
            IgnoreInactiveTargets = v2 && forceAllTargets == ForceAllTargets.No,
        };
    }

    /// <summary>Under resolver 1 there is a single feature set per package: every key collapses to normal.</summary>
    public FeaturesFor Key(FeaturesFor featuresFor) => DecoupleHostDeps ? featuresFor : FeaturesFor.NormalOrDev;
}
