namespace Ferry.Ops.Resolution;

/// <summary>
/// A glob over package names, for <c>-p</c>/<c>--exclude</c> values that are not package specs
/// (the <c>glob</c> crate's pattern syntax: <c>*</c>, <c>?</c>, <c>[abc]</c>, <c>[a-z]</c>,
/// <c>[!x]</c>).
/// </summary>
internal sealed record NameGlob(string Pattern)
{
    /// <summary>Cargo's <c>is_glob_pattern</c>.</summary>
    public static bool IsGlob(string value) => value.AsSpan().IndexOfAny("*?[]") >= 0;

    public static NameGlob Parse(string pattern) => new(pattern);

    public bool Matches(string name) => Match(Pattern, 0, name, 0);

    private static bool Match(string pattern, int p, string text, int t)
    {
        while (p < pattern.Length)
        {
            var c = pattern[p];
            switch (c)
            {
                case '*':
                    while (p < pattern.Length && pattern[p] == '*')
                    {
                        p++;
                    }

                    if (p == pattern.Length)
                    {
                        return true;
                    }

                    for (var k = t; k <= text.Length; k++)
                    {
                        if (Match(pattern, p, text, k))
                        {
                            return true;
                        }
                    }

                    return false;
                case '?':
                    if (t >= text.Length)
                    {
                        return false;
                    }

                    p++;
                    t++;
                    break;
                case '[':
                    var close = pattern.IndexOf(']', p + 2);
                    if (close < 0)
                    {
                        goto default;
                    }

                    if (t >= text.Length || !InClass(pattern[(p + 1)..close], text[t]))
                    {
                        return false;
                    }

                    p = close + 1;
                    t++;
                    break;
                default:
                    if (t >= text.Length || text[t] != c)
                    {
                        return false;
                    }

                    p++;
                    t++;
                    break;
            }
        }

        return t == text.Length;
    }

    private static bool InClass(string body, char c)
    {
        var negated = body.Length > 0 && body[0] == '!';
        if (negated)
        {
            body = body[1..];
        }

        var found = false;
        for (var i = 0; i < body.Length; i++)
        {
            if (i + 2 < body.Length && body[i + 1] == '-')
            {
                found |= c >= body[i] && c <= body[i + 2];
                i += 2;
            }
            else
            {
                found |= c == body[i];
            }
        }

        return found != negated;
    }
}
