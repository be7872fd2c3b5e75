using System.Text.RegularExpressions;

namespace Ferry.Testsuite.Support;

/// <summary>
/// Replaces what legitimately differs between runs (temp paths, elapsed times, hashes) with
/// stable placeholders, so whole outputs can be compared as snapshots.
/// </summary>
public static partial class Redactions
{
    public static string Apply(string text, Sandbox? sandbox = null)
    {
        if (sandbox is not null)
        {
            text = text.Replace(sandbox.Work, "[ROOT]", StringComparison.Ordinal)
                .Replace(sandbox.CargoHome, "[CARGO_HOME]", StringComparison.Ordinal)
                .Replace(sandbox.Home, "[HOME]", StringComparison.Ordinal);
        }

        text = Elapsed().Replace(text, "in [ELAPSED]s");
        return text;
    }

    /// <summary>Makes cargo's output comparable with ferry's: the program name is the only intended difference.</summary>
    public static string CargoToFerry(string text) => CargoWord().Replace(text, "ferry");

    [GeneratedRegex(@"in \d+(\.\d+)?s")]
    private static partial Regex Elapsed();

    [GeneratedRegex(@"\bcargo\b(?!-)")]
    private static partial Regex CargoWord();
}
