using Ferry.Core.Identity;

namespace Ferry.Resolver.Features;

/// <summary>A package and which of its feature sets is meant.</summary>
public readonly record struct PackageFeaturesKey(PackageId Package, FeaturesFor FeaturesFor);
