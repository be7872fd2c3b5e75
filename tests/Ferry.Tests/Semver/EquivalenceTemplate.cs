using System.Globalization;

namespace Ferry.Tests.Semver;

/// <summary>
/// Turns the vectors' documented rewrite rules into concrete requirement pairs. Templates use I, J, K
/// for numbers, <c>(I+1)</c> style increments and an optional trailing condition such as <c>(I&gt;0)</c> or
/// <c>(I&gt;0 or J&gt;0)</c>; plain requirements come back unchanged.
/// </summary>
internal static class EquivalenceTemplate
{
    private static readonly int[] Values = [0, 1, 3];

    public static IEnumerable<(string Left, string Right)> Expand(string req, string equivalent)
    {
        var (template, condition) = SplitCondition(req);
        if (!IsTemplate(template) && !IsTemplate(equivalent))
        {
            yield return (req, equivalent);
            yield break;
        }

        foreach (var i in Values)
        {
            foreach (var j in Values)
            {
                foreach (var k in Values)
                {
                    if (!Holds(condition, i, j, k))
                    {
                        continue;
                    }

                    yield return (Substitute(template, i, j, k), Substitute(equivalent, i, j, k));
                }
            }
        }
    }

    private static bool IsTemplate(string s) => s.AsSpan().IndexOfAny("IJK") >= 0;

    private static (string Template, string? Condition) SplitCondition(string req)
    {
        var open = req.IndexOf(" (", StringComparison.Ordinal);
        return open < 0 ? (req, null) : (req[..open], req[(open + 2)..^1]);
    }

    private static bool Holds(string? condition, int i, int j, int k) => condition switch
    {
        null => true,
        "I>0" => i > 0,
        "J>0" => j > 0,
        "K>0" => k > 0,
        "I>0 or J>0" => i > 0 || j > 0,
        _ => throw new InvalidOperationException($"unknown template condition `{condition}`"),
    };

    private static string Substitute(string s, int i, int j, int k) => s
        .Replace("(I+1)", (i + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("(J+1)", (j + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("(K+1)", (k + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("I", i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("J", j.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("K", k.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
