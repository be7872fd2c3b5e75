using System.Diagnostics;
using System.Globalization;
using Ferry.Core.Lockfile;
using Xunit.Abstractions;

namespace Ferry.Tests.Core.Lockfile;

/// <summary>
/// The largest real lockfile (deno, ~1,100 packages, 290 KB) must parse and write in a few
/// milliseconds. Best of several rounds, with budgets far above the measured figures (written to the
/// test output) so a loaded 2-core machine does not make the test flaky.
/// </summary>
public sealed class LockfilePerformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void DenoParsesAndWritesInAFewMilliseconds()
    {
        var path = LockfileTestData.DenoLockfile;
        var text = File.ReadAllText(path);
        var lockfile = CargoLock.Parse(text, path);
        var context = LockfileContext.Standalone(lockfile);
        var resolve = CargoLock.ToResolve(lockfile, text, context, path);
        Assert.True(resolve.Graph.Count > 1000);

        var parse = Best(() => CargoLock.Parse(text, path));
        var encode = Best(() => CargoLock.Encode(lockfile, resolve.Version));
        var toResolve = Best(() => CargoLock.ToResolve(lockfile, text, context, path));
        var fromResolve = Best(() => CargoLock.Encode(resolve, text));
        var both = Best(() => CargoLock.Encode(CargoLock.Parse(text, path), resolve.Version));
        var full = Best(() => CargoLock.Encode(CargoLock.Read(text, path, context), text));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"deno Cargo.lock ({text.Length / 1024} KB, {resolve.Graph.Count} packages): parse {parse:F2} ms, encode {encode:F2} ms, " +
            $"parse+encode {both:F2} ms; to Resolve {toResolve:F2} ms, Resolve to text {fromResolve:F2} ms, text->Resolve->text {full:F2} ms"));
        Assert.True(both < 50, $"parse+encode took {both:F2} ms");
        Assert.True(full < 100, $"text->Resolve->text took {full:F2} ms");
    }

    private static double Best(Action action)
    {
        for (var i = 0; i < 5; i++)
        {
            action();
        }

        var best = double.MaxValue;
        for (var round = 0; round < 25; round++)
        {
            var sw = Stopwatch.StartNew();
            action();
            best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
        }

        return best;
    }
}
