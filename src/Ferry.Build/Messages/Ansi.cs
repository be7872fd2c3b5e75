using System.Text;

namespace Ferry.Build.Messages;

/// <summary>Removes ANSI escape sequences (Cargo's <c>anstream::adapter::strip_str</c>).</summary>
public static class Ansi
{
    public static string Strip(string text)
    {
        if (text.IndexOf('\u001b') < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\u001b' && i + 1 < text.Length && text[i + 1] == '[')
            {
                i += 2;
                while (i < text.Length && !(text[i] >= '@' && text[i] <= '~'))
                {
                    i++;
                }

                continue;
            }

            result.Append(text[i]);
        }

        return result.ToString();
    }
}
