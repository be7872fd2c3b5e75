using System.Collections.Immutable;

namespace Ferry.Semver;

/// <summary>
/// Hand-written recursive-descent parser that mirrors the semver crate's <c>parse.rs</c> step by step,
/// because Cargo users see that crate's exact error texts and its exact notion of which component an
/// error belongs to ("after patch version number" vs "while parsing minor version number"). Works on
/// spans with an index instead of regexes so loading an index of ~170,000 versions stays cheap, and
/// reports failures as a <see cref="ParseError"/> value so <c>TryParse</c> never throws.
/// Only ASCII is ever accepted, so indexing UTF-16 code units is equivalent to the crate's byte indexing;
/// the one place a whole character matters (quoting it in a message) decodes a full scalar.
/// </summary>
internal static class SemverParser
{
    /// <summary>The semver crate refuses requirements with more comparators than this.</summary>
    public const int MaxComparators = 32;

    public static bool TryParseVersion(ReadOnlySpan<char> s, out Version? version, out ParseError error)
    {
        version = null;
        if (s.IsEmpty)
        {
            error = new ParseError(SemverErrorKind.Empty, SemverComponent.Major, 0);
            return false;
        }

        var i = 0;
        if (!Numeric(s, ref i, SemverComponent.Major, out var major, out error)
            || !Dot(s, ref i, SemverComponent.Major, out error)
            || !Numeric(s, ref i, SemverComponent.Minor, out var minor, out error)
            || !Dot(s, ref i, SemverComponent.Minor, out error)
            || !Numeric(s, ref i, SemverComponent.Patch, out var patch, out error))
        {
            return false;
        }

        if (i == s.Length)
        {
            version = new Version(major, minor, patch);
            return true;
        }

        var component = SemverComponent.Patch;
        string? pre = null;
        if (s[i] == '-')
        {
            i++;
            component = SemverComponent.Prerelease;
            var start = i;
            if (!Identifier(s, ref i, component, out var end, out error))
            {
                return false;
            }

            if (end == start)
            {
                error = new ParseError(SemverErrorKind.EmptySegment, component, start);
                return false;
            }

            pre = s[start..end].ToString();
        }

        string? build = null;
        if (i < s.Length && s[i] == '+')
        {
            i++;
            component = SemverComponent.Build;
            var start = i;
            if (!Identifier(s, ref i, component, out var end, out error))
            {
                return false;
            }

            if (end == start)
            {
                error = new ParseError(SemverErrorKind.EmptySegment, component, start);
                return false;
            }

            build = s[start..end].ToString();
        }

        if (i < s.Length)
        {
            error = new ParseError(SemverErrorKind.UnexpectedCharAfter, component, i, RuneAt(s, i));
            return false;
        }

        version = new Version(major, minor, patch, new Prerelease(pre), new BuildMetadata(build));
        return true;
    }

    public static bool TryParseReq(ReadOnlySpan<char> s, out VersionReq? req, out ParseError error)
    {
        req = null;
        var i = SkipSpaces(s, 0);
        if (IsWildcard(s, i))
        {
            var wildcard = s[i];
            var rest = SkipSpaces(s, i + 1);
            if (rest == s.Length)
            {
                req = VersionReq.Star;
                error = default;
                return true;
            }

            error = s[rest] == ','
                ? new ParseError(SemverErrorKind.WildcardNotTheOnlyComparator, SemverComponent.Major, i, wildcard)
                : new ParseError(SemverErrorKind.UnexpectedAfterWildcard, SemverComponent.Major, rest);
            return false;
        }

        // Nearly every requirement in the wild has one or two comparators.
        var builder = ImmutableArray.CreateBuilder<Comparator>(2);
        while (true)
        {
            var start = i;
            if (!TryParseComparator(s, ref i, out var comparator, out var component, out error))
            {
                if (IsWildcard(s, start))
                {
                    var rest = SkipSpaces(s, start + 1);
                    if (rest == s.Length || s[rest] == ',')
                    {
                        error = new ParseError(SemverErrorKind.WildcardNotTheOnlyComparator, SemverComponent.Major, start, s[start]);
                    }
                }

                return false;
            }

            builder.Add(comparator!);
            if (i == s.Length)
            {
                break;
            }

            if (s[i] != ',')
            {
                error = new ParseError(SemverErrorKind.ExpectedCommaFound, component, i, RuneAt(s, i));
                return false;
            }

            i = SkipSpaces(s, i + 1);
            if (builder.Count == MaxComparators)
            {
                error = new ParseError(SemverErrorKind.ExcessiveComparators, component, i);
                return false;
            }
        }

        req = new VersionReq(builder.DrainToImmutable());
        error = default;
        return true;
    }

    public static bool TryParseSingleComparator(ReadOnlySpan<char> s, out Comparator? comparator, out ParseError error)
    {
        var i = SkipSpaces(s, 0);
        if (!TryParseComparator(s, ref i, out comparator, out var component, out error))
        {
            return false;
        }

        if (i < s.Length)
        {
            comparator = null;
            error = new ParseError(SemverErrorKind.UnexpectedCharAfter, component, i, RuneAt(s, i));
            return false;
        }

        return true;
    }

    /// <summary>
    /// One comparator starting at <paramref name="i"/>; on success <paramref name="i"/> is past any
    /// trailing spaces and <paramref name="component"/> is the last component read (for the crate's
    /// "expected comma after ..." wording).
    /// </summary>
    private static bool TryParseComparator(
        ReadOnlySpan<char> s, ref int i, out Comparator? comparator, out SemverComponent component, out ParseError error)
    {
        comparator = null;
        component = SemverComponent.Major;

        var op = Op.Caret;
        var defaultOp = false;
        if (i < s.Length)
        {
            switch (s[i])
            {
                case '=':
                    op = Op.Exact;
                    i++;
                    break;
                case '>':
                    op = Op.Greater;
                    i++;
                    if (i < s.Length && s[i] == '=')
                    {
                        op = Op.GreaterEq;
                        i++;
                    }

                    break;
                case '<':
                    op = Op.Less;
                    i++;
                    if (i < s.Length && s[i] == '=')
                    {
                        op = Op.LessEq;
                        i++;
                    }

                    break;
                case '~':
                    op = Op.Tilde;
                    i++;
                    break;
                case '^':
                    op = Op.Caret;
                    i++;
                    break;
                default:
                    defaultOp = true;
                    break;
            }
        }
        else
        {
            defaultOp = true;
        }

        i = SkipSpaces(s, i);
        if (!Numeric(s, ref i, SemverComponent.Major, out var major, out error))
        {
            return false;
        }

        ulong? minor = null;
        ulong? patch = null;
        var hasWildcard = false;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            component = SemverComponent.Minor;
            if (IsWildcard(s, i))
            {
                i++;
                hasWildcard = true;
                if (defaultOp)
                {
                    op = Op.Wildcard;
                }
            }
            else
            {
                if (!Numeric(s, ref i, SemverComponent.Minor, out var value, out error))
                {
                    return false;
                }

                minor = value;
            }
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            component = SemverComponent.Patch;
            if (IsWildcard(s, i))
            {
                i++;
                if (defaultOp)
                {
                    op = Op.Wildcard;
                }
            }
            else if (hasWildcard)
            {
                error = new ParseError(SemverErrorKind.UnexpectedAfterWildcard, component, i);
                return false;
            }
            else
            {
                if (!Numeric(s, ref i, SemverComponent.Patch, out var value, out error))
                {
                    return false;
                }

                patch = value;
            }
        }

        string? pre = null;
        if (patch is not null && i < s.Length && s[i] == '-')
        {
            i++;
            component = SemverComponent.Prerelease;
            var start = i;
            if (!Identifier(s, ref i, component, out var end, out error))
            {
                return false;
            }

            if (end == start)
            {
                error = new ParseError(SemverErrorKind.EmptySegment, component, start);
                return false;
            }

            pre = s[start..end].ToString();
        }

        // Build metadata is accepted and dropped: it never takes part in matching.
        if (patch is not null && i < s.Length && s[i] == '+')
        {
            i++;
            component = SemverComponent.Build;
            var start = i;
            if (!Identifier(s, ref i, component, out var end, out error))
            {
                return false;
            }

            if (end == start)
            {
                error = new ParseError(SemverErrorKind.EmptySegment, component, start);
                return false;
            }
        }

        i = SkipSpaces(s, i);
        comparator = new Comparator(op, major, minor, patch, new Prerelease(pre));
        error = default;
        return true;
    }

    private static bool Numeric(ReadOnlySpan<char> s, ref int i, SemverComponent component, out ulong value, out ParseError error)
    {
        var start = i;
        value = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c is < '0' or > '9')
            {
                break;
            }

            if (value == 0 && i > start)
            {
                error = new ParseError(SemverErrorKind.LeadingZero, component, start);
                return false;
            }

            var digit = (ulong)(c - '0');
            if (value > (ulong.MaxValue - digit) / 10)
            {
                error = new ParseError(SemverErrorKind.Overflow, component, start);
                return false;
            }

            value = (value * 10) + digit;
            i++;
        }

        if (i > start)
        {
            error = default;
            return true;
        }

        error = i < s.Length
            ? new ParseError(SemverErrorKind.UnexpectedChar, component, i, RuneAt(s, i))
            : new ParseError(SemverErrorKind.UnexpectedEnd, component, i);
        return false;
    }

    private static bool Dot(ReadOnlySpan<char> s, ref int i, SemverComponent component, out ParseError error)
    {
        if (i < s.Length && s[i] == '.')
        {
            i++;
            error = default;
            return true;
        }

        error = i < s.Length
            ? new ParseError(SemverErrorKind.UnexpectedCharAfter, component, i, RuneAt(s, i))
            : new ParseError(SemverErrorKind.UnexpectedEnd, component, i);
        return false;
    }

    /// <summary>
    /// Dot-separated <c>[0-9A-Za-z-]+</c> identifiers from <paramref name="i"/>. Returns an empty range
    /// (<paramref name="end"/> == start) when the very first character cannot start one, leaving the
    /// caller to decide whether that is an error, exactly as the crate does.
    /// </summary>
    internal static bool Identifier(ReadOnlySpan<char> s, ref int i, SemverComponent component, out int end, out ParseError error)
    {
        var begin = i;
        var segmentStart = i;
        var p = i;
        var segmentHasNonDigit = false;
        while (true)
        {
            if (p < s.Length)
            {
                var c = s[p];
                if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '-')
                {
                    segmentHasNonDigit = true;
                    p++;
                    continue;
                }

                if (c is >= '0' and <= '9')
                {
                    p++;
                    continue;
                }
            }

            var atDot = p < s.Length && s[p] == '.';
            if (p == segmentStart)
            {
                if (segmentStart == begin && !atDot)
                {
                    end = begin;
                    error = default;
                    return true;
                }

                end = p;
                error = new ParseError(SemverErrorKind.EmptySegment, component, p);
                return false;
            }

            if (component == SemverComponent.Prerelease && p - segmentStart > 1 && !segmentHasNonDigit && s[segmentStart] == '0')
            {
                end = p;
                error = new ParseError(SemverErrorKind.LeadingZero, component, segmentStart);
                return false;
            }

            if (atDot)
            {
                p++;
                segmentStart = p;
                segmentHasNonDigit = false;
                continue;
            }

            end = p;
            i = p;
            error = default;
            return true;
        }
    }

    private static bool IsWildcard(ReadOnlySpan<char> s, int i) => i < s.Length && s[i] is '*' or 'x' or 'X';

    private static int SkipSpaces(ReadOnlySpan<char> s, int i)
    {
        // Only U+0020: the crate does not treat tabs or newlines as whitespace.
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        return i;
    }

    private static int RuneAt(ReadOnlySpan<char> s, int i)
    {
        var c = s[i];
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            return char.ConvertToUtf32(c, s[i + 1]);
        }

        return c;
    }
}
