namespace Ferry.Core.Dependencies;

public enum FeatureValueKind
{
    Feature,
    Dep,
    DepFeature,
}
