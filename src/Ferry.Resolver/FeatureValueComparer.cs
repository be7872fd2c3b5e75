using Ferry.Core.Dependencies;

namespace Ferry.Resolver;

/// <summary>
/// Cargo's derived order of <c>FeatureValue</c> (plain features, then <c>dep:</c>, then
/// <c>dep/feature</c>; then names ordinally, strong before weak). Sets of command-line features
/// are iterated in this order, which decides which bad value an error names first.
/// </summary>
internal sealed class FeatureValueComparer : IComparer<FeatureValue>
{
    public static FeatureValueComparer Instance { get; } = new();

    public int Compare(FeatureValue? x, FeatureValue? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var c = x.Kind.CompareTo(y.Kind);
        if (c == 0)
        {
            c = string.CompareOrdinal(x.Name, y.Name);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.DepFeature, y.DepFeature);
        }

        if (c == 0)
        {
            c = x.Weak.CompareTo(y.Weak);
        }

        return Math.Sign(c);
    }
}
