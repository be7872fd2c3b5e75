using Ferry.Core.Manifest;
using Ferry.Resolver;
using Ferry.Resolver.Features;

namespace Ferry.Tests.Resolver.Features;

/// <summary>
/// Resolver 1 compatibility (Cargo's <c>-Zfeatures=compare</c>): with every rule off, every
/// member and feature requested and every platform counted, the feature resolver must find the
/// features the dependency resolver recorded — exactly, except that the dependency resolver
/// also counts weak <c>dep?/feat</c> features whose dependency nothing enables (it resolves
/// such dependencies anyway), so there the feature resolver may only find fewer.
/// </summary>
public sealed class ResolverOneCompatibilityTests
{
    [Theory]
    [MemberData(nameof(FeatureDifferentialTests.Fixtures), MemberType = typeof(FeatureDifferentialTests))]
    public async Task UnifiedFeaturesMatchTheDependencyResolver(string name)
    {
        var fixture = FeatureDifferentialTests.Load(name);
        using var project = new FixtureProject(fixture);
        var (workspace, resolve, _, procMacros, registry) = await FerryTree.LoadAsync(project);
        using var _ = registry;
        var members = WorkspaceFeatureSelection.MembersWithFeatures(FerryTree.Members(workspace), [], CliFeatures.All, ResolveBehavior.V1);
        var features = FeatureResolver.Resolve(
            resolve,
            TargetData.ForAllTargets(FerryTree.HostInfo()),
            members,
            FeatureOpts.Create(ResolveBehavior.V1, HasDevUnits.Yes, ForceAllTargets.Yes),
            procMacros);
        var weak = fixture.Files.Any(f => f.Contents.Contains("?/", StringComparison.Ordinal));
        foreach (var package in resolve.Packages)
        {
            var legacy = resolve.Features.TryGetValue(package, out var f) ? f : [];
            if (weak)
            {
                // A dependency only a weak feature names may not be reached at all.
                if (features.TryGetActivatedFeatures(package, FeaturesFor.NormalOrDev, out var reached))
                {
                    Assert.Empty(reached.Except(legacy));
                }

                continue;
            }

            Assert.Equal(legacy.ToArray(), features.ActivatedFeatures(package, FeaturesFor.NormalOrDev).ToArray());
        }

        if (!weak)
        {
            Assert.Equal(resolve.Packages.Count(), features.ActivatedFeatureSets.Count);
        }
    }
}
