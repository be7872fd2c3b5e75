namespace Ferry.Core.Archive;

/// <summary>
/// One file or directory in the tree <see cref="CrateEntryPolicy"/> builds from the entries,
/// keyed by path component. Walking components instead of looking up every ancestor's full path
/// keeps each entry's cost linear in its name, however deep a hostile archive nests it.
/// </summary>
internal sealed class CrateTreeNode
{
    private Dictionary<string, CrateTreeNode>? _children;

    public CrateTreeNode(CrateEntryKind kind, bool isExplicit)
    {
        Kind = kind;
        IsExplicit = isExplicit;
    }

    public CrateEntryKind Kind { get; }

    /// <summary>True once an entry of its own named it (a directory may first appear only as a parent).</summary>
    public bool IsExplicit { get; set; }

    /// <summary>Looks a child up without allocating a string for the name.</summary>
    public CrateTreeNode? Child(ReadOnlySpan<char> name) =>
        _children is not null && _children.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var child) ? child : null;

    public CrateTreeNode Add(ReadOnlySpan<char> name, CrateEntryKind kind, bool isExplicit)
    {
        var child = new CrateTreeNode(kind, isExplicit);
        (_children ??= new Dictionary<string, CrateTreeNode>(StringComparer.Ordinal)).Add(name.ToString(), child);
        return child;
    }
}
