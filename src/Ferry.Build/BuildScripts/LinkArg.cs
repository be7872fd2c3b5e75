using Ferry.Build.Units;
using Ferry.Core.Manifest.Targets;

namespace Ferry.Build.BuildScripts;

/// <summary>A linker argument from a build script, with the targets it is for (<see cref="BinName"/> for <c>rustc-link-arg-bin</c>).</summary>
public sealed record LinkArg(LinkArgKind Kind, string Value, string? BinName = null)
{
    public bool AppliesTo(Target target, CompileMode mode) => Kind switch
    {
        LinkArgKind.All => true,
        LinkArgKind.Cdylib => !mode.IsAnyTest() && target.IsLib && target.CrateTypes.Contains("cdylib"),
        LinkArgKind.Bin => target.IsBin,
        LinkArgKind.SingleBin => target.IsBin && target.Name == BinName,
        LinkArgKind.Test => target.IsTest,
        LinkArgKind.Bench => target.IsBench,
        LinkArgKind.Example => target.Kind == TargetKind.ExampleBin,
        _ => false,
    };
}
