namespace Ferry.Build.BuildScripts;

/// <summary>Which targets a <c>rustc-link-arg*</c> instruction applies to (Cargo's <c>LinkArgTarget</c>).</summary>
public enum LinkArgKind
{
    All,
    Cdylib,
    Bin,
    SingleBin,
    Test,
    Bench,
    Example,
}
