using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Util.Diagnostics;

namespace Ferry.Resolver;

/// <summary>Features requested for a root package: <c>--features</c>, <c>--all-features</c>, <c>--no-default-features</c>.</summary>
public sealed record CliFeatures(ImmutableArray<FeatureValue> Features, bool AllFeatures, bool UsesDefaultFeatures)
{
    /// <summary>What lockfile generation asks for: every feature of every member.</summary>
    public static CliFeatures All { get; } = new([], true, true);

    public static CliFeatures Default { get; } = new([], false, true);

    /// <summary>
    /// Parses <c>--features</c> values as Cargo does: each value is split at whitespace and commas
    /// (<c>-F "a b,c"</c>), empty pieces are dropped, and the set is kept sorted and without
    /// duplicates. <c>dep:</c> is refused (the command line enables features, not dependencies),
    /// as is a second slash; the first offender in sorted order is the one reported.
    /// </summary>
    public static CliFeatures FromCommandLine(IEnumerable<string> features, bool allFeatures, bool usesDefaultFeatures)
    {
        ArgumentNullException.ThrowIfNull(features);
        var set = new SortedSet<FeatureValue>(FeatureValueComparer.Instance);
        foreach (var value in features)
        {
            foreach (var word in value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (var piece in word.Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    set.Add(FeatureValue.Parse(piece));
                }
            }
        }

        foreach (var feature in set)
        {
            switch (feature.Kind)
            {
                case FeatureValueKind.Dep:
                    throw new FerryException($"feature `{feature}` is not allowed to use explicit `dep:` syntax");
                case FeatureValueKind.DepFeature when feature.DepFeature!.Contains('/'):
                    throw new FerryException($"multiple slashes in feature `{feature}` is not allowed");
            }
        }

        return new CliFeatures([.. set], allFeatures, usesDefaultFeatures);
    }

    /// <summary>No named features, with or without everything (Cargo's <c>CliFeatures::new_all</c>).</summary>
    public static CliFeatures NewAll(bool allFeatures) => allFeatures ? All : Default;

    public bool Equals(CliFeatures? other) =>
        other is not null
        && AllFeatures == other.AllFeatures
        && UsesDefaultFeatures == other.UsesDefaultFeatures
        && Features.AsSpan().SequenceEqual(other.Features.AsSpan());

    public override int GetHashCode() => HashCode.Combine(AllFeatures, UsesDefaultFeatures, Features.Length);
}
