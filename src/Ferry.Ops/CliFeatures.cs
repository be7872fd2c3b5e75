using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops;

/// <summary>
/// <c>--features</c>, <c>--all-features</c>, <c>--no-default-features</c> as Cargo reads them
/// (<c>CliFeatures::from_command_line</c>): values split on spaces and commas, with its syntax errors.
/// </summary>
public sealed record CliFeatures(ImmutableArray<FeatureValue> Features, bool AllFeatures, bool UsesDefaultFeatures)
{
    public static CliFeatures Parse(IEnumerable<string> features, bool allFeatures, bool noDefaultFeatures)
    {
        var values = ImmutableArray.CreateBuilder<FeatureValue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in features)
        {
            foreach (var feature in argument.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                var value = FeatureValue.Parse(feature);
                if (value.Kind == FeatureValueKind.Dep)
                {
                    throw new FerryException($"feature `{feature}` is not allowed to use explicit `dep:` syntax");
                }

                if (value.Kind == FeatureValueKind.DepFeature && value.DepFeature!.Contains('/', StringComparison.Ordinal))
                {
                    throw new FerryException($"multiple slashes in feature `{feature}` is not allowed");
                }

                if (seen.Add(value.ToString()))
                {
                    values.Add(value);
                }
            }
        }

        return new CliFeatures(values.ToImmutable(), allFeatures, !noDefaultFeatures);
    }
}
