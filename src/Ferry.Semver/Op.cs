namespace Ferry.Semver;

/// <summary>A comparator's operator. <see cref="Wildcard"/> is <c>1.*</c> / <c>1.2.x</c> written without an operator.</summary>
public enum Op
{
    Exact,
    Greater,
    GreaterEq,
    Less,
    LessEq,
    Tilde,
    Caret,
    Wildcard,
}
