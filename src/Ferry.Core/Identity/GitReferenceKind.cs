namespace Ferry.Core.Identity;

/// <summary>Declaration order is Cargo's ordering of git references (tag, branch, rev, default).</summary>
public enum GitReferenceKind
{
    Tag,
    Branch,
    Rev,
    DefaultBranch,
}
