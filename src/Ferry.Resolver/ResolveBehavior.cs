using Ferry.Util.Diagnostics;

namespace Ferry.Resolver;

/// <summary>The <c>resolver</c> setting: 1 (unified features), 2 (feature resolver v2), 3 (v2 plus MSRV-aware versions).</summary>
public enum ResolveBehavior
{
    V1 = 1,
    V2 = 2,
    V3 = 3,
}

public static class ResolveBehaviors
{
    public static ResolveBehavior FromManifest(string value) => value switch
    {
        "1" => ResolveBehavior.V1,
        "2" => ResolveBehavior.V2,
        "3" => ResolveBehavior.V3,
        _ => throw new FerryException($"`resolver` setting `{value}` is not valid, valid options are \"1\", \"2\" or \"3\""),
    };
}
