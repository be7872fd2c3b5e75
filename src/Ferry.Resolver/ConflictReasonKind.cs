namespace Ferry.Resolver;

/// <summary>Declaration order is Cargo's ordering of conflict reasons (it decides message order).</summary>
public enum ConflictReasonKind
{
    Semver,
    Links,
    MissingFeature,
    RequiredDependencyAsFeature,
    NonImplicitDependencyAsFeature,
}
