namespace Ferry.Ops.Scaffold;

internal enum GlobTokenKind
{
    Char,
    AnyChar,
    AnySequence,
    AnyRecursiveSequence,
    AnyWithin,
    AnyExcept,
}
