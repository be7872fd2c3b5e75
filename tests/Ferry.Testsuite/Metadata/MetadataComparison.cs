using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Metadata;

/// <summary>
/// Runs <c>metadata</c> command lines with cargo in one copy of a project and with ferry in
/// another (each writes its own Cargo.lock) and collects every difference: exit code, stdout as
/// a JSON value (parsed, with the copies' paths and the registry's extraction directory
/// redacted), stderr (on success only where nothing is downloaded, since download progress comes
/// in any order), and the lockfile left behind.
/// </summary>
internal sealed partial class MetadataComparison : TwinProjectComparison
{
    public MetadataComparison(Sandbox sandbox)
        : base(sandbox)
    {
    }

    /// <summary>Nodes of the resolve graphs compared so far (cargo's), to show the tests see real graphs.</summary>
    public int Nodes { get; private set; }

    /// <summary>Runs <c>metadata --format-version 1</c> plus <paramref name="args"/> in both copies (in <paramref name="cwd"/>, relative to the workspace).</summary>
    public void Run(IReadOnlyList<string> args, string? cwd = null)
    {
        string[] full = ["metadata", "--format-version", "1", .. args];
        var (cargo, ferry) = RunBoth(full, cwd);
        var problems = new List<string>();
        if (cargo.ExitCode != ferry.ExitCode)
        {
            problems.Add($"exit code: cargo {cargo.ExitCode}, ferry {ferry.ExitCode}");
        }

        if (cargo.ExitCode == 0 && ferry.ExitCode == 0)
        {
            var cargoJson = Parse(Normalize(cargo.Stdout, CargoWork, CargoTemp));
            var ferryJson = Parse(Normalize(ferry.Stdout, FerryWork, FerryTemp));
            Nodes += cargoJson?["resolve"]?["nodes"]?.AsArray().Count ?? 0;
            if (!JsonNode.DeepEquals(cargoJson, ferryJson))
            {
                problems.Add($"stdout differs:\n{JsonDifference(cargoJson, ferryJson)}");
            }
        }

        var cargoErr = SortDownloads(Redactions.CargoToFerry(Normalize(cargo.Stderr, CargoWork, CargoTemp)));
        var ferryErr = SortDownloads(Redactions.CargoToFerry(Normalize(ferry.Stderr, FerryWork, FerryTemp)));
        if ((CompareStderrOnSuccess || cargo.ExitCode != 0 || ferry.ExitCode != 0) && cargoErr != ferryErr)
        {
            problems.Add($"stderr differs:\n--- cargo\n{cargoErr}--- ferry\n{ferryErr}");
        }

        CompareLockfiles(problems);
        Record(Label(full), problems);
    }

    /// <summary>Runs any command in both copies and compares exit code, stdout and stderr as text (with the paths redacted).</summary>
    public void RunText(IReadOnlyList<string> args)
    {
        var (cargo, ferry) = RunBoth(args);
        var cargoText = $"exit {cargo.ExitCode}\n--- stdout\n{Normalize(cargo.Stdout, CargoWork, CargoTemp)}--- stderr\n{Redactions.CargoToFerry(Normalize(cargo.Stderr, CargoWork, CargoTemp))}";
        var ferryText = $"exit {ferry.ExitCode}\n--- stdout\n{Normalize(ferry.Stdout, FerryWork, FerryTemp)}--- stderr\n{Redactions.CargoToFerry(Normalize(ferry.Stderr, FerryWork, FerryTemp))}";
        if (cargoText != ferryText)
        {
            RecordText($"=== {string.Join(' ', args)}\n--- cargo\n{cargoText}\n--- ferry\n{ferryText}\n");
        }
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException error)
        {
            return JsonValue.Create($"not JSON ({error.Message}): {text}");
        }
    }

    /// <summary>The first place the two values differ, with both sides, so a failure is readable.</summary>
    private static string JsonDifference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        if (expected is JsonObject a && actual is JsonObject b)
        {
            foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
            {
                if (!JsonNode.DeepEquals(a[key], b[key]))
                {
                    return JsonDifference(a[key], b[key], $"{path}.{key}");
                }
            }
        }
        else if (expected is JsonArray x && actual is JsonArray y && x.Count == y.Count)
        {
            for (var i = 0; i < x.Count; i++)
            {
                if (!JsonNode.DeepEquals(x[i], y[i]))
                {
                    return JsonDifference(x[i], y[i], $"{path}[{i}]");
                }
            }
        }

        var options = new JsonSerializerOptions { WriteIndented = true };
        return $"at {path}\n--- cargo\n{expected?.ToJsonString(options)}\n--- ferry\n{actual?.ToJsonString(options)}\n";
    }

    private string Normalize(string text, string work, string temp)
    {
        // CARGO_HOME first: its directory name starts like the cargo copy's.
        text = text.Replace(Sandbox.CargoHome, "[CARGO_HOME]", StringComparison.Ordinal);
        text = Redactions.Apply(text.Replace(work, "[ROOT]", StringComparison.Ordinal).Replace(temp, "[TEMP]", StringComparison.Ordinal), Sandbox);
        return ExtractionDirectory().Replace(text, "registry/src/[REGISTRY]/");
    }

    /// <summary>Sorts each run of <c>Downloaded</c> lines: downloads finish in any order.</summary>
    private static string SortDownloads(string text)
    {
        var lines = text.Split('\n');
        for (var start = 0; start < lines.Length; start++)
        {
            var end = start;
            while (end < lines.Length && lines[end].StartsWith("  Downloaded ", StringComparison.Ordinal))
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(lines, start, end - start, StringComparer.Ordinal);
            }

            start = end;
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"registry/src/[^/""]+/")]
    private static partial Regex ExtractionDirectory();
}
