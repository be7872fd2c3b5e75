namespace Ferry.Semver;

/// <summary>
/// The pre-release part of a version (<c>alpha.1</c> in <c>1.0.0-alpha.1</c>); empty for a release.
/// Ordering is SemVer precedence as the semver crate implements it: a release sorts after every
/// pre-release; dot-separated identifiers compare numerically when both are all digits, in ASCII order
/// when both have a letter or hyphen, and numeric before alphanumeric; a longer list wins a tie.
/// </summary>
public readonly struct Prerelease : IEquatable<Prerelease>, IComparable<Prerelease>
{
    // null, never "", for the empty value so default(Prerelease) is Empty and comparisons can
    // short-circuit on a reference check.
    private readonly string? _text;

    internal Prerelease(string? validatedText) => _text = string.IsNullOrEmpty(validatedText) ? null : validatedText;

    public static Prerelease Empty => default;

    public bool IsEmpty => _text is null;

    /// <summary>The identifiers exactly as written, or <c>""</c>.</summary>
    public string AsString => _text ?? string.Empty;

    /// <summary>Parses identifiers such as <c>alpha.1</c> (no leading <c>-</c>); <c>""</c> gives <see cref="Empty"/>.</summary>
    public static Prerelease Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = 0;
        if (!SemverParser.Identifier(text, ref i, SemverComponent.Prerelease, out var end, out var error))
        {
            throw error.ToException(text);
        }

        if (end != text.Length)
        {
            throw new ParseError(SemverErrorKind.IllegalCharacter, SemverComponent.Prerelease, end).ToException(text);
        }

        return new Prerelease(text);
    }

    public static bool operator ==(Prerelease left, Prerelease right) => left.Equals(right);

    public static bool operator !=(Prerelease left, Prerelease right) => !left.Equals(right);

    public static bool operator <(Prerelease left, Prerelease right) => left.CompareTo(right) < 0;

    public static bool operator <=(Prerelease left, Prerelease right) => left.CompareTo(right) <= 0;

    public static bool operator >(Prerelease left, Prerelease right) => left.CompareTo(right) > 0;

    public static bool operator >=(Prerelease left, Prerelease right) => left.CompareTo(right) >= 0;

    public bool Equals(Prerelease other) => string.Equals(_text, other._text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Prerelease other && Equals(other);

    public override int GetHashCode() => _text is null ? 0 : StringComparer.Ordinal.GetHashCode(_text);

    public int CompareTo(Prerelease other)
    {
        if (ReferenceEquals(_text, other._text))
        {
            return 0;
        }

        if (_text is null)
        {
            return 1;
        }

        if (other._text is null)
        {
            return -1;
        }

        return IdentifierOrdering.Compare(_text, other._text, numericIgnoresLeadingZeros: false);
    }

    public override string ToString() => AsString;
}
