using Ferry.Core.Dependencies;
using Ferry.Core.Identity;

namespace Ferry.Resolver.Features;

/// <summary>A declaration the feature resolver follows: the package it resolved to and the feature set it activates there.</summary>
internal readonly record struct FeatureDepLink(PackageId Target, Dependency Dependency, FeaturesFor FeaturesFor);
