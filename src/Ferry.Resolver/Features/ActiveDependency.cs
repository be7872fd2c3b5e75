using Ferry.Core.Dependencies;
using Ferry.Core.Identity;

namespace Ferry.Resolver.Features;

/// <summary>
/// One dependency declaration of a package that is in use for a given feature set and compile
/// kind: the package it resolved to, the declaration (its <see cref="Dependency.Kind"/> tells a
/// build script's dependency from a test's), and how the dependency itself is built — for the
/// host (with its host features) or for the same kind as its parent.
/// </summary>
public sealed record ActiveDependency(PackageId Target, Dependency Declaration, FeaturesFor FeaturesFor, CompileKind Kind)
{
    public string NameInToml => Declaration.NameInToml;

    public bool IsBuild => Declaration.Kind == DependencyKind.Build;

    public bool IsForHost => FeaturesFor == FeaturesFor.HostDep;
}
