namespace Ferry.Util.Text;

/// <summary>
/// Cargo's edit distance (<c>util::edit_distance</c>): case-insensitive, adjacent transpositions
/// cost one, and suggestions are limited to a distance of 3. Every "did you mean" in Ferry (commands,
/// targets, features, packages) uses it, so the hint picked is the one Cargo picks.
/// </summary>
public static class EditDistance
{
    private const int Limit = 3;

        /// <summary>The distance, or null when it exceeds <paramref name="limit"/>.</summary>
    public static int? Distance(string first, string second, int limit)
    {
        var a = CodePoints(first.ToLowerInvariant());
        var b = CodePoints(second.ToLowerInvariant());
        if (a.Length < b.Length)
        {
            (a, b) = (b, a);
        }

        var minimum = a.Length - b.Length;
        if (minimum > limit)
        {
            return null;
        }

        var aSpan = a.AsSpan();
        var bSpan = b.AsSpan();
        while (bSpan.Length > 0 && aSpan[0] == bSpan[0])
        {
            aSpan = aSpan[1..];
            bSpan = bSpan[1..];
        }

        while (bSpan.Length > 0 && aSpan[^1] == bSpan[^1])
        {
            aSpan = aSpan[..^1];
            bSpan = bSpan[..^1];
        }

        if (bSpan.Length == 0)
        {
            return minimum;
        }

        var prevPrev = new int[bSpan.Length + 1];
        var prev = new int[bSpan.Length + 1];
        var current = new int[bSpan.Length + 1];
        Array.Fill(prevPrev, int.MaxValue / 2);
        for (var j = 0; j <= bSpan.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= aSpan.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= bSpan.Length; j++)
            {
                var substitution = aSpan[i - 1] == bSpan[j - 1] ? 0 : 1;
                current[j] = Math.Min(prev[j] + 1, Math.Min(current[j - 1] + 1, prev[j - 1] + substitution));
                if (i > 1 && j > 1 && aSpan[i - 1] == bSpan[j - 2] && aSpan[i - 2] == bSpan[j - 1])
                {
                    current[j] = Math.Min(current[j], prevPrev[j - 2] + 1);
                }
            }

            (prevPrev, prev, current) = (prev, current, prevPrev);
        }

        var distance = prev[bSpan.Length];
        return distance <= limit ? distance : null;
    }

    /// <summary>The first candidate with the smallest distance (at most 3), or null: Cargo's <c>closest</c>.</summary>
    public static string? Closest(string choice, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (Distance(choice, candidate, Limit) is { } distance && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Cargo's <c>closest_msg</c>: <c>\n\nhelp: a {kind} with a similar name exists: `x`</c>, or empty.</summary>
    public static string ClosestMessage(string choice, IEnumerable<string> candidates, string kind) =>
        Closest(choice, candidates) is { } best ? $"\n\nhelp: a {kind} with a similar name exists: `{best}`" : string.Empty;

    private static int[] CodePoints(string text)
    {
        var points = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            points.Add(rune.Value);
        }

        return [.. points];
    }
}
