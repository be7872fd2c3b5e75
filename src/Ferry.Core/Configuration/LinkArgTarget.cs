namespace Ferry.Core.Configuration;

/// <summary>Which targets a <c>rustc-link-arg*</c> override applies to.</summary>
public enum LinkArgTarget
{
    All,
    Cdylib,
    Bin,
    Test,
    Bench,
    Example,
}
