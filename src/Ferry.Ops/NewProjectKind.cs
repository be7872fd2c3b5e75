namespace Ferry.Ops;

/// <summary>The template <c>new</c>/<c>init</c> start from.</summary>
public enum NewProjectKind
{
    Bin,
    Lib,
}
