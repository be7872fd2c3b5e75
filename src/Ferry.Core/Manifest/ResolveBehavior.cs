namespace Ferry.Core.Manifest;

/// <summary>The <c>resolver</c> setting: which feature resolver and which MSRV policy the workspace uses.</summary>
public enum ResolveBehavior
{
    V1 = 1,
    V2 = 2,
    V3 = 3,
}
