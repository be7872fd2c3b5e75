namespace Ferry.Resolver;

/// <summary>Why an activated package rules out a candidate: same semver range, same <c>links</c>, or a feature problem.</summary>
public sealed record ConflictReason(ConflictReasonKind Kind, string Detail = "") : IComparable<ConflictReason>
{
    public static ConflictReason Semver { get; } = new(ConflictReasonKind.Semver);

    public bool IsLinks => Kind == ConflictReasonKind.Links;

    public int CompareTo(ConflictReason? other)
    {
        if (other is null)
        {
            return 1;
        }

        var kind = Kind.CompareTo(other.Kind);
        return kind != 0 ? kind : string.CompareOrdinal(Detail, other.Detail);
    }
}
