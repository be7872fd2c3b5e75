namespace Ferry.Ops.Trees;

/// <summary>The placeholders of <c>--format</c>: <c>{p}</c>, <c>{l}</c>, <c>{r}</c>, <c>{f}</c>, <c>{lib}</c> (and their long names).</summary>
internal enum TreeFormatChunkKind
{
    Raw,
    Package,
    License,
    Repository,
    Features,
    LibName,
}
