namespace Ferry.Build.Layout;

/// <summary>What an output file is for (Cargo's <c>FileFlavor</c>).</summary>
public enum FileFlavor
{
    Normal,
    Auxiliary,
    Linkable,
    Rmeta,
    DebugInfo,
}
