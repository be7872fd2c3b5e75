using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Resolver.Features;

namespace Ferry.Build.Units;

/// <summary>What <c>required-features</c> is checked against (Cargo's <c>resolve_all_features</c>).</summary>
internal static class RequiredFeatures
{
    /// <summary>The package's own features plus <c>dep/feature</c> for every feature of its dependencies in use.</summary>
    public static HashSet<string> AllFeatures(BuildContext bcx, PackageId package, IReadOnlyList<CompileKind> requestedKinds)
    {
        var features = new HashSet<string>(StringComparer.Ordinal);
        if (bcx.Features.TryGetActivatedFeatures(package, FeaturesFor.NormalOrDev, out var own))
        {
            features.UnionWith(own);
        }

        var devUnits = bcx.HasDevUnits;
        foreach (var edge in bcx.Resolve.Dependencies(package))
        {
            var applies = edge.Declarations.Any(dep =>
                (dep.Kind != DependencyKind.Development || devUnits)
                && requestedKinds.Append(CompileKind.Host).Any(kind => bcx.TargetData.DepPlatformActivated(dep, kind)));
            if (!applies)
            {
                continue;
            }

            var isProcMacro = bcx.Packages.TryGetValue(edge.Target, out var target) && target.IsProcMacro;
            foreach (var dep in edge.Declarations)
            {
                var featuresFor = isProcMacro || dep.Kind == DependencyKind.Build ? FeaturesFor.HostDep : FeaturesFor.NormalOrDev;
                if (bcx.Features.TryGetActivatedFeatures(edge.Target, featuresFor, out var depFeatures))
                {
                    foreach (var feature in depFeatures)
                    {
                        features.Add($"{dep.NameInToml}/{feature}");
                    }
                }
            }
        }

        return features;
    }
}
