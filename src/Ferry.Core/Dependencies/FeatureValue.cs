namespace Ferry.Core.Dependencies;

/// <summary>
/// One entry of a feature's list in <c>[features]</c>: another feature (<c>"std"</c>), an optional
/// dependency (<c>"dep:serde"</c>), or a feature of a dependency (<c>"serde/derive"</c>, or the
/// weak form <c>"serde?/derive"</c> that does not enable the dependency itself).
/// </summary>
public sealed record FeatureValue
{
    private FeatureValue(FeatureValueKind kind, string name, string? depFeature, bool weak)
    {
        Kind = kind;
        Name = name;
        DepFeature = depFeature;
        Weak = weak;
    }

    public FeatureValueKind Kind { get; }

    /// <summary>The feature name, or the dependency name for <see cref="FeatureValueKind.Dep"/> and <see cref="FeatureValueKind.DepFeature"/>.</summary>
    public string Name { get; }

    public string? DepFeature { get; }

    public bool Weak { get; }

    public static FeatureValue Feature(string name) => new(FeatureValueKind.Feature, name, null, false);

    public static FeatureValue Dep(string depName) => new(FeatureValueKind.Dep, depName, null, false);

    public static FeatureValue OfDepFeature(string depName, string feature, bool weak) => new(FeatureValueKind.DepFeature, depName, feature, weak);

    /// <summary>
    /// Parses the string form as Cargo does. <c>dep:x/y</c> keeps the <c>dep:</c> in the dependency
    /// name so validation can reject it with Cargo's message; name validation is the caller's job.
    /// </summary>
    public static FeatureValue Parse(string text)
    {
        var slash = text.IndexOf('/');
        if (slash >= 0)
        {
            var dep = text[..slash];
            var feature = text[(slash + 1)..];
            var weak = dep.EndsWith('?');
            if (weak)
            {
                dep = dep[..^1];
            }

            return OfDepFeature(dep, feature, weak);
        }

        return text.StartsWith("dep:", StringComparison.Ordinal) ? Dep(text[4..]) : Feature(text);
    }

    public override string ToString() => Kind switch
    {
        FeatureValueKind.Feature => Name,
        FeatureValueKind.Dep => "dep:" + Name,
        _ => Weak ? $"{Name}?/{DepFeature}" : $"{Name}/{DepFeature}",
    };
}
