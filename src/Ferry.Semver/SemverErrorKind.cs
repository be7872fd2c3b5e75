namespace Ferry.Semver;

/// <summary>What went wrong while parsing; one member per variant of the semver crate's <c>ErrorKind</c>.</summary>
public enum SemverErrorKind
{
    Empty,
    UnexpectedEnd,
    UnexpectedChar,
    UnexpectedCharAfter,
    ExpectedCommaFound,
    LeadingZero,
    Overflow,
    EmptySegment,
    IllegalCharacter,
    WildcardNotTheOnlyComparator,
    UnexpectedAfterWildcard,
    ExcessiveComparators,
}
