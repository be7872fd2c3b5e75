using Ferry.Core.Dependencies;
using Ferry.Core.Identity;

namespace Ferry.Resolver.Features;

/// <summary>
/// One pending step of the feature resolver: activate <see cref="Value"/> on a package's feature
/// set, or (when it is null) walk the set's non-optional dependencies.
/// </summary>
internal readonly record struct FeatureWork(PackageId Package, FeaturesFor FeaturesFor, FeatureValue? Value);
