using System.Text;

namespace Ferry.Build.Execution;

/// <summary>Cargo's ratio progress bar: <c>[=====&gt;   ] 42/120: serde, tokio</c>, fitted to the terminal.</summary>
internal static class ProgressBar
{
    private const int MaxPrint = 50;
    private const int StatusWidth = 15;

    public static string? Render(int current, int max, string message, int maxWidth)
    {
        if (maxWidth < StatusWidth)
        {
            return null;
        }

        var pct = max == 0 ? 0.0 : (double)current / max;
        var stats = $" {current}/{max}";
        var displayWidth = Math.Min(maxWidth, MaxPrint) - stats.Length - 2 - StatusWidth;
        if (displayWidth < 0)
        {
            return null;
        }

        var line = new StringBuilder("[");
        var hashes = (int)(displayWidth * pct);
        if (hashes > 0)
        {
            line.Append('=', hashes - 1).Append(current == max ? '=' : '>');
        }

        line.Append(' ', displayWidth - hashes).Append(']').Append(stats);

        var available = maxWidth - line.Length - StatusWidth;
        const string Ellipsis = "...";
        if (available > Ellipsis.Length)
        {
            var ellipsisPosition = line.Length;
            foreach (var c in message)
            {
                if (available >= 1)
                {
                    available--;
                    line.Append(c);
                    if (available >= Ellipsis.Length)
                    {
                        ellipsisPosition = line.Length;
                    }
                }
                else
                {
                    line.Length = ellipsisPosition;
                    line.Append(Ellipsis);
                    break;
                }
            }
        }

        while (line.Length < maxWidth - StatusWidth)
        {
            line.Append(' ');
        }

        return line.ToString();
    }
}
