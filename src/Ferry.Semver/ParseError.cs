using System.Globalization;
using System.Text;

namespace Ferry.Semver;

/// <summary>
/// A parse failure described without allocating, so <c>TryParse</c> on the index hot path never pays
/// for an exception or a message string; <see cref="ToException"/> builds both only when asked.
/// </summary>
internal readonly struct ParseError
{
    public ParseError(SemverErrorKind kind, SemverComponent component, int position, int rune = -1)
    {
        Kind = kind;
        Component = component;
        Position = position;
        Rune = rune;
    }

    public SemverErrorKind Kind { get; }

    public SemverComponent Component { get; }

    public int Position { get; }

    /// <summary>The offending Unicode scalar (or lone surrogate) for the character-carrying kinds, else -1.</summary>
    public int Rune { get; }

    public SemverParseException ToException(string input) => new(Message(), input, Position, Kind);

    public string Message() => Kind switch
    {
        SemverErrorKind.Empty => "empty string, expected a semver version",
        SemverErrorKind.UnexpectedEnd => $"unexpected end of input while parsing {Name(Component)}",
        SemverErrorKind.UnexpectedChar => $"unexpected character {QuoteChar(Rune)} while parsing {Name(Component)}",
        SemverErrorKind.UnexpectedCharAfter => $"unexpected character {QuoteChar(Rune)} after {Name(Component)}",
        SemverErrorKind.ExpectedCommaFound => $"expected comma after {Name(Component)}, found {QuoteChar(Rune)}",
        SemverErrorKind.LeadingZero => $"invalid leading zero in {Name(Component)}",
        SemverErrorKind.Overflow => $"value of {Name(Component)} exceeds u64::MAX",
        SemverErrorKind.EmptySegment => $"empty identifier segment in {Name(Component)}",
        SemverErrorKind.IllegalCharacter => $"unexpected character in {Name(Component)}",
        SemverErrorKind.WildcardNotTheOnlyComparator =>
            $"wildcard req ({char.ConvertFromUtf32(Rune)}) must be the only comparator in the version req",
        SemverErrorKind.UnexpectedAfterWildcard => "unexpected character after wildcard in version req",
        SemverErrorKind.ExcessiveComparators => "excessive number of version comparators",
        _ => throw new InvalidOperationException($"unknown error kind {Kind}"),
    };

    private static string Name(SemverComponent component) => component switch
    {
        SemverComponent.Major => "major version number",
        SemverComponent.Minor => "minor version number",
        SemverComponent.Patch => "patch version number",
        SemverComponent.Prerelease => "pre-release identifier",
        SemverComponent.Build => "build metadata",
        _ => throw new InvalidOperationException($"unknown component {component}"),
    };

    /// <summary>
    /// Rust's <c>{:?}</c> for a <c>char</c>, which the crate uses to quote the offending character:
    /// single quotes, backslash escapes for \0 \t \r \n \\ \', and <c>\u{hex}</c> for characters Rust
    /// considers unprintable or grapheme-extending. The Unicode tables are .NET's, not Rust's, so a
    /// character whose category changed between Unicode versions may be quoted differently.
    /// </summary>
    internal static string QuoteChar(int rune)
    {
        var sb = new StringBuilder(8);
        sb.Append('\'');
        switch (rune)
        {
            case 0: sb.Append("\\0"); break;
            case '\t': sb.Append("\\t"); break;
            case '\r': sb.Append("\\r"); break;
            case '\n': sb.Append("\\n"); break;
            case '\\': sb.Append("\\\\"); break;
            case '\'': sb.Append("\\'"); break;
            default:
                if (NeedsUnicodeEscape(rune))
                {
                    sb.Append("\\u{").Append(rune.ToString("x", CultureInfo.InvariantCulture)).Append('}');
                }
                else
                {
                    sb.Append(char.ConvertFromUtf32(rune));
                }

                break;
        }

        sb.Append('\'');
        return sb.ToString();
    }

    private static bool NeedsUnicodeEscape(int rune)
    {
        // Lone surrogates cannot occur in a Rust string; escaping them is the closest faithful answer.
        if (rune is >= 0xD800 and <= 0xDFFF || !System.Text.Rune.IsValid(rune))
        {
            return true;
        }

        if (rune == ' ')
        {
            return false;
        }

        // Grapheme_Extend is mostly Mn + Me, plus ZWNJ and the halfwidth sound marks.
        if (rune is 0x200C or 0xFF9E or 0xFF9F)
        {
            return true;
        }

        return System.Text.Rune.GetUnicodeCategory(new System.Text.Rune(rune)) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.EnclosingMark => true,
            _ => false,
        };
    }
}
