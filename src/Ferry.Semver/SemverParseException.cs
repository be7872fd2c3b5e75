namespace Ferry.Semver;

/// <summary>
/// A version, requirement, comparator or identifier failed to parse. <see cref="Exception.Message"/> is
/// exactly the semver crate's <c>Display</c> text (which is what Cargo prints after <c>Caused by:</c>), so
/// callers add their own context rather than rewording it.
/// </summary>
public sealed class SemverParseException : FormatException
{
    public SemverParseException(string message, string input, int position, SemverErrorKind kind)
        : base(message)
    {
        Input = input;
        Position = position;
        Kind = kind;
    }

    /// <summary>The complete text that was being parsed.</summary>
    public string Input { get; }

    /// <summary>
    /// Zero-based UTF-16 index into <see cref="Input"/> of the offending character, or
    /// <c>Input.Length</c> when the input ended too early. A manifest loader adds this to the column
    /// where the string's contents start.
    /// </summary>
    public int Position { get; }

    public SemverErrorKind Kind { get; }
}
