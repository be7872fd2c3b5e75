namespace Ferry.Ops.Trees;

/// <summary>The kind of an edge of the tree graph, in the order <c>cargo tree</c> prints the sections.</summary>
internal enum TreeEdgeKind
{
    Normal,
    Build,
    Dev,
    Feature,
}
