namespace Ferry.Ops.Scaffold;

/// <summary>
/// What joining the enclosing workspace means for the new package: the <c>[workspace.package]</c>
/// keys it inherits, whether it inherits <c>[lints]</c>, and — when it was added to
/// <c>workspace.members</c> — the name and root directory for the <c>Adding</c> status line.
/// </summary>
internal sealed record MembershipResult(IReadOnlyList<string> InheritedKeys, bool InheritLints, string? AddedName, string? WorkspaceRoot)
{
    public static MembershipResult None { get; } = new([], false, null, null);
}
