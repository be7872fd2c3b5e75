namespace Ferry.Tests.Resolver.Features;

/// <summary>Sections of a node's children, printed in this order (Cargo's <c>EdgeKind</c>).</summary>
internal enum TreeEdgeKind
{
    Normal,
    Build,
    Dev,
    Feature,
}
