namespace Ferry.Semver;

/// <summary>
/// The build-metadata part of a version (<c>build.5</c> in <c>1.0.0+build.5</c>); empty when absent.
/// SemVer precedence ignores it, but the semver crate (and therefore Cargo's <c>Version</c> equality and
/// ordering) uses it as the last tie-breaker: numeric identifiers compare by value and then by length
/// (<c>0 &lt; 00 &lt; 1 &lt; 01</c>), otherwise as for <see cref="Prerelease"/>, and empty sorts first.
/// </summary>
public readonly struct BuildMetadata : IEquatable<BuildMetadata>, IComparable<BuildMetadata>
{
    private readonly string? _text;

    internal BuildMetadata(string? validatedText) => _text = string.IsNullOrEmpty(validatedText) ? null : validatedText;

    public static BuildMetadata Empty => default;

    public bool IsEmpty => _text is null;

    public string AsString => _text ?? string.Empty;

    /// <summary>Parses identifiers such as <c>build.5</c> (no leading <c>+</c>); <c>""</c> gives <see cref="Empty"/>.</summary>
    public static BuildMetadata Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = 0;
        if (!SemverParser.Identifier(text, ref i, SemverComponent.Build, out var end, out var error))
        {
            throw error.ToException(text);
        }

        if (end != text.Length)
        {
            throw new ParseError(SemverErrorKind.IllegalCharacter, SemverComponent.Build, end).ToException(text);
        }

        return new BuildMetadata(text);
    }

    public static bool operator ==(BuildMetadata left, BuildMetadata right) => left.Equals(right);

    public static bool operator !=(BuildMetadata left, BuildMetadata right) => !left.Equals(right);

    public static bool operator <(BuildMetadata left, BuildMetadata right) => left.CompareTo(right) < 0;

    public static bool operator <=(BuildMetadata left, BuildMetadata right) => left.CompareTo(right) <= 0;

    public static bool operator >(BuildMetadata left, BuildMetadata right) => left.CompareTo(right) > 0;

    public static bool operator >=(BuildMetadata left, BuildMetadata right) => left.CompareTo(right) >= 0;

    public bool Equals(BuildMetadata other) => string.Equals(_text, other._text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is BuildMetadata other && Equals(other);

    public override int GetHashCode() => _text is null ? 0 : StringComparer.Ordinal.GetHashCode(_text);

    public int CompareTo(BuildMetadata other)
    {
        if (ReferenceEquals(_text, other._text))
        {
            return 0;
        }

        // Unlike a pre-release, absent metadata is simply the shortest list, so it sorts first.
        if (_text is null)
        {
            return -1;
        }

        if (other._text is null)
        {
            return 1;
        }

        return IdentifierOrdering.Compare(_text, other._text, numericIgnoresLeadingZeros: true);
    }

    public override string ToString() => AsString;
}
