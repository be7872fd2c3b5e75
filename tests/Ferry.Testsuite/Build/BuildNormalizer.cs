using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Build;

/// <summary>
/// Makes a build's output comparable between cargo and ferry: sandbox paths, hashes in file names
/// and <c>-C metadata</c>, elapsed times, file times in <c>Dirty</c> reasons, the program's own path
/// and name, and the download lines (another component's output) are replaced or dropped.
/// </summary>
public static partial class BuildNormalizer
{
    public static string Text(string text, Sandbox sandbox)
    {
        text = text.Replace(sandbox.Work, "[ROOT]", StringComparison.Ordinal)
            .Replace(sandbox.CargoHome, "[CARGO_HOME]", StringComparison.Ordinal)
            .Replace(sandbox.Home, "[HOME]", StringComparison.Ordinal);
        text = RegistrySrc().Replace(text, "[CARGO_HOME]/registry/src/[REGISTRY]/");
        text = Hash().Replace(text, "$1[HASH]");
        text = Elapsed().Replace(text, "in [ELAPSED]");

        // libtest's doctest timings and the thread ids in panic messages vary from run to run.
        text = Took().Replace(text, "took [ELAPSED]");
        text = ThreadId().Replace(text, "' ([TID]) panicked");
        text = ChangedAt().Replace(text, "$1 ([..])");
        text = CargoExe().Replace(text, "CARGO=[EXE]");

        // Fingerprint files are Ferry's own format, so their sizes differ from Cargo's.
        text = CleanBytes().Replace(text, "$1, [SIZE] total");

        // Which of several rebuilt dependencies a `Dirty` line names follows Cargo's internal hash order.
        text = RebuiltDependency().Replace(text, "the dependency `[..]` was rebuilt");
        text = Redactions.CargoToFerry(text);
        return text;
    }

    /// <summary>
    /// stderr as a list of lines, without download chatter and without the "waiting for other
    /// jobs" warning (both tools print it only when another job is still running at the failure,
    /// which depends on timing); sorted unless the order is meaningful.
    /// </summary>
    public static List<string> Stderr(string text, Sandbox sandbox, bool exactOrder)
    {
        var lines = Text(text, sandbox).Split('\n')
            .Where(l => !DownloadLine().IsMatch(l) && l != "warning: build failed, waiting for other jobs to finish...")
            .Select(l => l.TrimEnd())
            .ToList();
        if (!exactOrder)
        {
            lines.Sort(StringComparer.Ordinal);
        }

        return lines;
    }

    /// <summary>stdout: JSON lines normalized and re-serialized with sorted keys, then sorted; other text as is.</summary>
    public static List<string> Stdout(string text, Sandbox sandbox)
    {
        var result = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var normalized = Text(line, sandbox);
            if (normalized.StartsWith('{'))
            {
                try
                {
                    var node = JsonNode.Parse(normalized);
                    result.Add(Canonical(node));
                    continue;
                }
                catch (JsonException)
                {
                }
            }

            result.Add(normalized);
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private static string Canonical(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value))) + "}",
        JsonArray array => "[" + string.Join(",", array.Select(Canonical)) + "]",
        _ => node.ToJsonString(),
    };

    [GeneratedRegex(@"\[CARGO_HOME\]/registry/src/[^/]+/")]
    private static partial Regex RegistrySrc();

    [GeneratedRegex(@"([-=_])[0-9a-f]{16}\b")]
    private static partial Regex Hash();

    [GeneratedRegex(@"in \d+(\.\d+)?s|in \d+m \d+s")]
    private static partial Regex Elapsed();

    [GeneratedRegex(@"took \d+(\.\d+)?s")]
    private static partial Regex Took();

    [GeneratedRegex(@"' \(\d+\) panicked")]
    private static partial Regex ThreadId();

    [GeneratedRegex(@"(has changed|was rebuilt) \([^)]*\)")]
    private static partial Regex ChangedAt();

    [GeneratedRegex(@"CARGO=\S+")]
    private static partial Regex CargoExe();

    [GeneratedRegex(@"((?:Removed|Summary) \d+ (?:files?|director(?:y|ies))), [0-9.]+[KMGT]?i?B total")]
    private static partial Regex CleanBytes();

    [GeneratedRegex(@"the dependency `[^`]+` was rebuilt")]
    private static partial Regex RebuiltDependency();

    [GeneratedRegex(@"^\s*(Downloaded|Downloading) ")]
    private static partial Regex DownloadLine();
}
