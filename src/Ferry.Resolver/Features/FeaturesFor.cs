namespace Ferry.Resolver.Features;

/// <summary>
/// Which feature set of a package is meant. Under resolver 2 a package used both as a normal
/// dependency and as a build-dependency (or by a proc-macro) is built twice, each time with its
/// own features; under resolver 1 both keys name the same, unified set. (Cargo's third kind,
/// artifact dependencies with a <c>target</c>, is unstable and not modelled.)
/// </summary>
public enum FeaturesFor
{
    /// <summary>A normal or dev-dependency, built for the requested target.</summary>
    NormalOrDev,

    /// <summary>A build-dependency, a proc-macro, or anything they depend on: built for the host.</summary>
    HostDep,
}
