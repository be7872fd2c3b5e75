using System.Text;

namespace Ferry.Ops;

/// <summary>
/// The <c>shell-escape</c> crate's Unix quoting, which Cargo uses to show environment variable
/// values: safe strings as they are, anything else in single quotes with <c>'</c> and <c>!</c>
/// broken out (<c>'it'\''s'</c>).
/// </summary>
internal static class ShellEscape
{
    public static string Escape(string value)
    {
        if (value.Length > 0 && value.All(IsAllowed))
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            if (c is '\'' or '!')
            {
                text.Append("'\\").Append(c).Append('\'');
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('\'').ToString();
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '=' or '/' or ',' or '.' or '+';
}
