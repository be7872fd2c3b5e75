using System.Net;
using System.Text.RegularExpressions;

namespace Ferry.Testsuite.New;

/// <summary>The text of a snapbox <c>*.term.svg</c> snapshot: one line per top-level <c>tspan</c>, styling dropped.</summary>
internal static partial class TermSvg
{
    public static string Text(string svg)
    {
        var lines = new List<string>();
        foreach (Match match in Line().Matches(svg))
        {
            lines.Add(WebUtility.HtmlDecode(Tag().Replace(match.Groups[1].Value, string.Empty)));
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"<tspan x=""10px"" y=""\d+px"">(.*)$", RegexOptions.Multiline)]
    private static partial Regex Line();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
