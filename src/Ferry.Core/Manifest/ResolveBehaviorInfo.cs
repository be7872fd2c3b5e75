using Ferry.Util.Diagnostics;

namespace Ferry.Core.Manifest;

public static class ResolveBehaviorInfo
{
    /// <summary>Cargo's <c>ResolveBehavior::from_manifest</c>.</summary>
    public static ResolveBehavior FromManifest(string text) => text switch
    {
        "1" => ResolveBehavior.V1,
        "2" => ResolveBehavior.V2,
        "3" => ResolveBehavior.V3,
        _ => throw new FerryException($"`resolver` setting `{text}` is not valid, valid options are \"1\", \"2\" or \"3\""),
    };

    public static string ToManifest(ResolveBehavior behavior) => behavior switch
    {
        ResolveBehavior.V1 => "1",
        ResolveBehavior.V2 => "2",
        _ => "3",
    };
}
