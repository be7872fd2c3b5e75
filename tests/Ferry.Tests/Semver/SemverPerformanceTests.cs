using System.Diagnostics;
using System.Globalization;
using Ferry.Semver;
using Xunit.Abstractions;
using Version = Ferry.Semver.Version;

namespace Ferry.Tests.Semver;

/// <summary>
/// Coarse guards on the resolver's hot paths (index loading parses ~170,000 versions). The budgets are
/// several times the measured cost so a shared 2-core machine does not make them flaky; the measured
/// figures are written to the test output.
/// </summary>
public sealed class SemverPerformanceTests(ITestOutputHelper output)
{
    private const int Count = 200_000;

    [Fact]
    public void Parse200kVersionsUnder100ms()
    {
        var texts = VersionTexts();
        ParseAll(texts); // JIT warm-up

        var best = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var sw = Stopwatch.StartNew();
            ParseAll(texts);
            best = Math.Min(best, sw.ElapsedTicks);
        }

        var ms = best * 1000.0 / Stopwatch.Frequency;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parse {Count} versions: {ms:F1} ms ({ms * 1e6 / Count:F0} ns each)"));
        // Bounds are 5x the quiet-machine budget: CI runs on shared, loaded cores; a regression to
        // quadratic or allocation-heavy parsing still trips them.
        Assert.True(ms < 500, $"parsing {Count} versions took {ms:F1} ms");
    }

    [Fact]
    public void Match200kVersionsAgainstTypicalRequirements()
    {
        var versions = VersionTexts().Select(Version.Parse).ToArray();
        var reqs = new[] { "^1.2.3", ">=0.4, <0.6", "~2.1", "=1.0.0-rc.1", "*" }.Select(VersionReq.Parse).ToArray();
        var matched = MatchAll(versions, reqs); // warm-up

        var sw = Stopwatch.StartNew();
        matched = MatchAll(versions, reqs);
        var ms = sw.Elapsed.TotalMilliseconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"match {Count} x {reqs.Length} requirements: {ms:F1} ms ({matched} matches)"));
        Assert.True(ms < 1000, $"matching took {ms:F1} ms");

        var sorted = (Version[])versions.Clone();
        sw.Restart();
        Array.Sort(sorted);
        ms = sw.Elapsed.TotalMilliseconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sort {Count} versions: {ms:F1} ms"));
        Assert.True(ms < 2500, $"sorting took {ms:F1} ms");
    }

    [Fact]
    public void Parse200kRequirements()
    {
        var texts = new string[Count];
        var shapes = new[] { "^{0}.{1}.{2}", "{0}.{1}", ">={0}.{1}, <{3}.0", "~{0}.{1}.{2}", "={0}.{1}.{2}-rc.{2}", "{0}.*" };
        for (var i = 0; i < Count; i++)
        {
            texts[i] = string.Format(CultureInfo.InvariantCulture, shapes[i % shapes.Length], i % 7, i % 31, i % 101, (i % 7) + 1);
        }

        foreach (var t in texts)
        {
            VersionReq.Parse(t);
        }

        var sw = Stopwatch.StartNew();
        foreach (var t in texts)
        {
            VersionReq.Parse(t);
        }

        var ms = sw.Elapsed.TotalMilliseconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parse {Count} requirements: {ms:F1} ms"));
        Assert.True(ms < 1500, $"parsing requirements took {ms:F1} ms");
    }

    private static void ParseAll(string[] texts)
    {
        foreach (var t in texts)
        {
            if (!Version.TryParse(t, out _))
            {
                throw new InvalidOperationException(t);
            }
        }
    }

    private static int MatchAll(Version[] versions, VersionReq[] reqs)
    {
        var n = 0;
        foreach (var r in reqs)
        {
            foreach (var v in versions)
            {
                if (r.Matches(v))
                {
                    n++;
                }
            }
        }

        return n;
    }

    /// <summary>A mix resembling the crates.io index: mostly plain releases, some pre-releases and build metadata.</summary>
    private static string[] VersionTexts()
    {
        var texts = new string[Count];
        for (var i = 0; i < Count; i++)
        {
            var core = string.Create(CultureInfo.InvariantCulture, $"{i % 5}.{i % 47}.{i % 113}");
            texts[i] = (i % 20) switch
            {
                0 => core + "-alpha." + (i % 9).ToString(CultureInfo.InvariantCulture),
                1 => core + "-rc.1",
                2 => core + "+build.5",
                _ => core,
            };
        }

        return texts;
    }
}
