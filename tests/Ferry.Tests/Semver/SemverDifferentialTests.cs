using System.Runtime.CompilerServices;
using System.Text.Json;
using Ferry.Semver;
using Version = Ferry.Semver.Version;

namespace Ferry.Tests.Semver;

/// <summary>
/// Replays <c>Data/semver-differential.jsonl</c>: random and grammar-shaped inputs whose expected results
/// were produced by running the semver crate itself (dtolnay/semver @ 8591f234, 1.0.27+17) on them — see
/// <c>Data/README.md</c>. Covers error wording for odd characters (tabs, NUL, combining marks, emoji), display
/// round-trips, matching and ordering far beyond the hand-written vectors.
/// </summary>
public sealed class SemverDifferentialTests
{
    [Fact]
    public void EveryRecordAgreesWithTheSemverCrate()
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
            var op = r[0].GetString()!;
            var actual = op switch
            {
                "V" => Outcome(() => Version.Parse(r[1].GetString()!).ToString()),
                "R" => Outcome(() => VersionReq.Parse(r[1].GetString()!).ToString()),
                "C" => Outcome(() => Comparator.Parse(r[1].GetString()!).ToString()),
                "P" => Outcome(() => Prerelease.Parse(r[1].GetString()!).AsString),
                "B" => Outcome(() => BuildMetadata.Parse(r[1].GetString()!).AsString),
                "M" => VersionReq.Parse(r[1].GetString()!).Matches(Version.Parse(r[2].GetString()!)) ? "true" : "false",
                "O" => Ordering(r[1].GetString()!, r[2].GetString()!),
                _ => $"unknown op {op}",
            };
            var expected = op switch
            {
                "M" => r[3].GetBoolean() ? "true" : "false",
                "O" => $"{r[3].GetInt32()} {r[4].GetInt32()}",
                _ => r[2].GetString() + " " + r[3].GetString(),
            };
            if (actual != expected)
            {
                failures.Add($"{line}\n    got: {actual}");
            }
        }

        Assert.True(count > 1000, $"only {count} records in {DataPath()}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} records differ:\n" + string.Join('\n', failures.Take(30)));
    }

    private static string Outcome(Func<string> parse)
    {
        try
        {
            return "ok " + parse();
        }
        catch (SemverParseException ex)
        {
            return "err " + ex.Message;
        }
    }

    private static string Ordering(string a, string b)
    {
        var x = Version.Parse(a);
        var y = Version.Parse(b);
        return $"{Math.Sign(x.CompareTo(y))} {Math.Sign(x.ComparePrecedence(y))}";
    }

    private static string DataPath([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Data", "semver-differential.jsonl");
}
