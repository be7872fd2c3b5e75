namespace Ferry.Ops.Trees;

/// <summary>An edge to node <paramref name="Node"/> (an index into <see cref="TreeGraph"/>), of one kind.</summary>
internal readonly record struct TreeEdge(TreeEdgeKind Kind, int Node, bool Public);
