using System.Collections.Immutable;
using Ferry.Core.Dependencies;

namespace Ferry.Resolver;

/// <summary>Features requested for a root package: <c>--features</c>, <c>--all-features</c>, <c>--no-default-features</c>.</summary>
public sealed record CliFeatures(ImmutableArray<FeatureValue> Features, bool AllFeatures, bool UsesDefaultFeatures)
{
    /// <summary>What lockfile generation asks for: every feature of every member.</summary>
    public static CliFeatures All { get; } = new([], true, true);

    public static CliFeatures Default { get; } = new([], false, true);
}
