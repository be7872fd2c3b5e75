namespace Ferry.Build.Selection;

/// <summary>Shell-style patterns for target and package names (<c>*</c>, <c>?</c>, <c>[abc]</c>), as the <c>glob</c> crate matches them.</summary>
public static class GlobMatcher
{
    public static bool IsPattern(string text) => text.IndexOfAny(['*', '?', '[', ']']) >= 0;

    public static bool Matches(string pattern, string text) => Match(pattern, 0, text, 0);

    private static bool Match(string pattern, int p, string text, int t)
    {
        while (p < pattern.Length)
        {
            switch (pattern[p])
            {
                case '*':
                    for (var i = t; i <= text.Length; i++)
                    {
                        if (Match(pattern, p + 1, text, i))
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
                    var close = pattern.IndexOf(']', p + 1);
                    if (close < 0 || t >= text.Length)
                    {
                        return false;
                    }

                    var set = pattern[(p + 1)..close];
                    var negate = set.StartsWith('!');
                    if (negate)
                    {
                        set = set[1..];
                    }

                    var found = false;
                    for (var i = 0; i < set.Length; i++)
                    {
                        if (i + 2 < set.Length && set[i + 1] == '-')
                        {
                            found |= text[t] >= set[i] && text[t] <= set[i + 2];
                            i += 2;
                        }
                        else
                        {
                            found |= text[t] == set[i];
                        }
                    }

                    if (found == negate)
                    {
                        return false;
                    }

                    p = close + 1;
                    t++;
                    break;
                default:
                    if (t >= text.Length || text[t] != pattern[p])
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
}
