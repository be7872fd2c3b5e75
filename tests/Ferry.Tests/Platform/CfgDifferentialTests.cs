using System.Runtime.CompilerServices;
using System.Text.Json;
using Ferry.Platform;

namespace Ferry.Tests.Platform;

/// <summary>
/// Replays <c>Data/cfg-differential.jsonl</c>: ~2,100 generated target keys and cfg values (well-formed,
/// mutated and random token soups) with the results of running cargo-platform itself (cargo @ af373f76,
/// 0.3.3) on them — see <c>Data/README.md</c>. Checks error text, display, matching and warnings.
/// </summary>
public sealed class CfgDifferentialTests
{
    private static readonly Cfg[] TargetCfgs =
        [.. new[] { "unix", "target_os=\"linux\"", "a", "r#b", "k=\"v\"", "feature=\"x\"" }.Select(Cfg.Parse)];

    [Fact]
    public void EveryRecordAgreesWithCargoPlatform()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var line in File.ReadLines(DataPath()))
        {
            if (line.Length == 0)
            {
                continue;
            }

            count++;
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            var input = r[1].GetString()!;
            var expected = r[2].GetString() == "err"
                ? "err " + r[3].GetString()
                : r[0].GetString() == "P"
                    ? $"ok {r[3].GetString()} {r[4].GetBoolean()} [{string.Join(" | ", r[5].EnumerateArray().Select(w => w.GetString()))}]"
                    : "ok " + r[3].GetString();
            var actual = r[0].GetString() == "P" ? PlatformOutcome(input) : CfgOutcome(input);
            if (actual != expected)
            {
                failures.Add($"{line}\n    got: {actual}");
            }
        }

        Assert.True(count > 1000, $"only {count} records in {DataPath()}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} records differ:\n" + string.Join('\n', failures.Take(30)));
    }

    private static string PlatformOutcome(string key)
    {
        try
        {
            var p = Ferry.Platform.Platform.Parse(key);
            var warnings = p.CheckCfgAttributes().Concat(p.CheckCfgKeywords("Cargo.toml"));
            return $"ok {p} {p.Matches("x86_64-unknown-linux-gnu", TargetCfgs)} [{string.Join(" | ", warnings)}]";
        }
        catch (CfgParseException ex)
        {
            return "err " + ex.Message;
        }
    }

    private static string CfgOutcome(string text)
    {
        try
        {
            return "ok " + Cfg.Parse(text);
        }
        catch (CfgParseException ex)
        {
            return "err " + ex.Message;
        }
    }

    private static string DataPath([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Data", "cfg-differential.jsonl");
}
