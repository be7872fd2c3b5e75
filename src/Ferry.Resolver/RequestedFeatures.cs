using System.Collections.Immutable;

namespace Ferry.Resolver;

/// <summary>
/// The features a package is activated with: from the command line for roots, or from the
/// dependency edge (its <c>features</c> list plus <c>default-features</c>) for everything else.
/// </summary>
public abstract record RequestedFeatures
{
    private RequestedFeatures()
    {
    }

    public sealed record Cli(CliFeatures Features) : RequestedFeatures;

    public sealed record FromDependency(ImmutableSortedSet<string> Features, bool UsesDefaultFeatures) : RequestedFeatures
    {
        public bool Equals(FromDependency? other) =>
            other is not null && UsesDefaultFeatures == other.UsesDefaultFeatures && Features.SetEquals(other.Features);

        public override int GetHashCode() => HashCode.Combine(UsesDefaultFeatures, Features.Count);
    }
}
