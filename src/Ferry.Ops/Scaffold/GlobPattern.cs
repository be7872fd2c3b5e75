using Ferry.Util.Diagnostics;

namespace Ferry.Ops.Scaffold;

/// <summary>
/// The <c>glob</c> crate's <c>Pattern</c> (0.3) with its default match options, which
/// <c>cargo new</c> uses to decide whether <c>workspace.members</c> already covers a new
/// package: <c>*</c> and <c>?</c> also match <c>/</c>, <c>**</c> must be a whole path
/// component, <c>[a-z]</c> and <c>[!a-z]</c> classes, case-sensitive. Syntax errors carry the
/// crate's wording and character position.
/// </summary>
internal sealed class GlobPattern
{
    private const string ErrorWildcards = "wildcards are either regular `*` or recursive `**`";
    private const string ErrorRecursiveWildcards = "recursive wildcards must form a single path component";
    private const string ErrorInvalidRange = "invalid range pattern";

    private readonly List<GlobToken> _tokens;

    private GlobPattern(List<GlobToken> tokens)
    {
        _tokens = tokens;
    }

    private enum MatchResult
    {
        Match,
        SubPatternDoesntMatch,
        EntirePatternDoesntMatch,
    }

    /// <summary>Compiles a pattern; a syntax error is thrown as the crate's <c>PatternError</c> text.</summary>
    public static GlobPattern Parse(string pattern)
    {
        var chars = pattern.EnumerateRunes().Select(r => r.Value).ToArray();
        var tokens = new List<GlobToken>();
        var i = 0;
        while (i < chars.Length)
        {
            switch (chars[i])
            {
                case '?':
                    tokens.Add(new GlobToken(GlobTokenKind.AnyChar));
                    i++;
                    break;
                case '*':
                    var old = i;
                    while (i < chars.Length && chars[i] == '*')
                    {
                        i++;
                    }

                    var count = i - old;
                    if (count > 2)
                    {
                        throw Error(old + 2, ErrorWildcards);
                    }

                    if (count == 2)
                    {
                        // `**` only as a whole component: `a/**/b` or `a/**`, never `a**` or `**b`.
                        if (i == 2 || chars[i - count - 1] == '/')
                        {
                            if (i < chars.Length && chars[i] == '/')
                            {
                                i++;
                            }
                            else if (i != chars.Length)
                            {
                                throw Error(i, ErrorRecursiveWildcards);
                            }
                        }
                        else
                        {
                            throw Error(old - 1, ErrorRecursiveWildcards);
                        }

                        if (!(tokens.Count > 1 && tokens[^1].Kind == GlobTokenKind.AnyRecursiveSequence))
                        {
                            tokens.Add(new GlobToken(GlobTokenKind.AnyRecursiveSequence));
                        }
                    }
                    else
                    {
                        tokens.Add(new GlobToken(GlobTokenKind.AnySequence));
                    }

                    break;
                case '[':
                    if (i + 4 <= chars.Length && chars[i + 1] == '!')
                    {
                        var j = Array.IndexOf(chars, ']', i + 3);
                        if (j >= 0)
                        {
                            tokens.Add(new GlobToken(GlobTokenKind.AnyExcept, Specifiers: ParseSpecifiers(chars[(i + 2)..j])));
                            i = j + 1;
                            break;
                        }
                    }
                    else if (i + 3 <= chars.Length && chars[i + 1] != '!')
                    {
                        var j = Array.IndexOf(chars, ']', i + 2);
                        if (j >= 0)
                        {
                            tokens.Add(new GlobToken(GlobTokenKind.AnyWithin, Specifiers: ParseSpecifiers(chars[(i + 1)..j])));
                            i = j + 1;
                            break;
                        }
                    }

                    throw Error(i, ErrorInvalidRange);
                default:
                    tokens.Add(new GlobToken(GlobTokenKind.Char, chars[i]));
                    i++;
                    break;
            }
        }

        return new GlobPattern(tokens);
    }

    /// <summary>True if the whole of <paramref name="text"/> matches.</summary>
    public bool Matches(string text)
    {
        var chars = text.EnumerateRunes().Select(r => r.Value).ToArray();
        return MatchFrom(followsSeparator: true, chars, 0, 0) == MatchResult.Match;
    }

    /// <summary>True if the text has a wildcard or class, i.e. is not matched literally.</summary>
    public static bool IsPattern(string text) => text.AsSpan().IndexOfAny("*?[") >= 0;

    private static FerryException Error(int position, string message) =>
        new($"Pattern syntax error near position {position}: {message}");

    private static List<(int From, int To)> ParseSpecifiers(int[] chars)
    {
        var specifiers = new List<(int, int)>();
        var i = 0;
        while (i < chars.Length)
        {
            if (i + 3 <= chars.Length && chars[i + 1] == '-')
            {
                specifiers.Add((chars[i], chars[i + 2]));
                i += 3;
            }
            else
            {
                specifiers.Add((chars[i], chars[i]));
                i++;
            }
        }

        return specifiers;
    }

    private static bool InSpecifiers(IReadOnlyList<(int From, int To)> specifiers, int c)
    {
        foreach (var (from, to) in specifiers)
        {
            if (c >= from && c <= to)
            {
                return true;
            }
        }

        return false;
    }

    private MatchResult MatchFrom(bool followsSeparator, int[] file, int position, int tokenIndex)
    {
        for (var ti = tokenIndex; ti < _tokens.Count; ti++)
        {
            var token = _tokens[ti];
            if (token.Kind is GlobTokenKind.AnySequence or GlobTokenKind.AnyRecursiveSequence)
            {
                var empty = MatchFrom(followsSeparator, file, position, ti + 1);
                if (empty != MatchResult.SubPatternDoesntMatch)
                {
                    return empty;
                }

                while (position < file.Length)
                {
                    var c = file[position++];
                    followsSeparator = c == '/';
                    if (token.Kind == GlobTokenKind.AnyRecursiveSequence && !followsSeparator)
                    {
                        continue;
                    }

                    var rest = MatchFrom(followsSeparator, file, position, ti + 1);
                    if (rest != MatchResult.SubPatternDoesntMatch)
                    {
                        return rest;
                    }
                }

                // The text is used up: like glob, go on with the next token (a recursive `**` that
                // skipped a last non-separator character still matches at the end).
                continue;
            }

            if (position >= file.Length)
            {
                return MatchResult.EntirePatternDoesntMatch;
            }

            var ch = file[position++];
            var matched = token.Kind switch
            {
                GlobTokenKind.AnyChar => true,
                GlobTokenKind.AnyWithin => InSpecifiers(token.Specifiers!, ch),
                GlobTokenKind.AnyExcept => !InSpecifiers(token.Specifiers!, ch),
                _ => token.Char == ch,
            };
            if (!matched)
            {
                return MatchResult.SubPatternDoesntMatch;
            }

            followsSeparator = ch == '/';
        }

        return position >= file.Length ? MatchResult.Match : MatchResult.SubPatternDoesntMatch;
    }
}
