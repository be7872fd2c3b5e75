using Ferry.Util.Diagnostics;

namespace Ferry.Core.Dependencies;

/// <summary>
/// <c>feature `x` includes `foo/bar`, but `foo` is not a dependency</c>. A type of its own because
/// Cargo reports this one as a located diagnostic pointing at the feature's array.
/// </summary>
public sealed class MissingFeatureDependencyException : FerryException
{
    public MissingFeatureDependencyException(string feature, FeatureValue value)
        : base($"feature `{feature}` includes `{value}`, but `{value.Name}` is not a dependency")
    {
        Feature = feature;
        Value = value;
    }

    public string Feature { get; }

    public FeatureValue Value { get; }
}
