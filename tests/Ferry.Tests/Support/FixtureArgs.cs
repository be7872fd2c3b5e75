using System.Text;

namespace Ferry.Tests.Support;

/// <summary>Command lines as the fixture files write them (feature, tree and metadata fixtures).</summary>
internal static class FixtureArgs
{
    /// <summary>Splits at spaces; single quotes group (<c>--features 'a b'</c>) and may enclose nothing (<c>-f ''</c>).</summary>
    public static IReadOnlyList<string> Split(string line)
    {
        var args = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in line)
        {
            if (c == '\'')
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (any)
                {
                    args.Add(current.ToString());
                    current.Clear();
                    any = false;
                }
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }

        if (any)
        {
            args.Add(current.ToString());
        }

        return args;
    }
}
