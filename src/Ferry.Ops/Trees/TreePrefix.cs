namespace Ferry.Ops.Trees;

/// <summary><c>--prefix</c>: box-drawing indentation, the depth as a number, or nothing.</summary>
internal enum TreePrefix
{
    Indent,
    Depth,
    None,
}
