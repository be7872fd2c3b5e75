using System.Diagnostics;
using Ferry.Testsuite.Support;
using Ferry.Tests.Sources.Support;
using Xunit.Abstractions;

namespace Ferry.Testsuite.Fetch;

/// <summary>
/// Several Ferry processes on one Cargo home, and processes killed with SIGKILL while they
/// download and extract: the package cache lock serialises the writers (the waiting ones say
/// <c>Blocking waiting for file lock on package cache</c>), and whatever a killed process leaves
/// is never taken for a finished package — <c>ferry verify</c> passes, and the next fetch
/// completes the cache. The server is slow on purpose, so the runs overlap and the kills land
/// in the middle of transfers.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Crates = 16;

    private readonly ITestOutputHelper _output;

    public ConcurrencyTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task EightConcurrentFetchesOnOneCargoHomeLeaveAVerifiedCache()
    {
        using var registry = Registry();
        using var server = SlowServer(registry, TimeSpan.FromMilliseconds(40));
        using var sandbox = new Sandbox();
        File.WriteAllText(Path.Combine(sandbox.CargoHome, "config.toml"), CrateRegistry.SparseConfig(server.BaseUrl));
        var projects = Enumerable.Range(0, 8).Select(i => sandbox.Path($"proj{i}")).ToList();
        foreach (var project in projects)
        {
            FetchCase.WriteProject(project, Dependencies());
        }

        // All eight start together (each resolves on its own, then they queue for the cache lock).
        var runs = projects.Select(project => Task.Run(() => sandbox.FerryIn(project, "fetch"))).ToList();
        var results = await Task.WhenAll(runs);

        foreach (var result in results)
        {
            Assert.True(result.ExitCode == 0, result.ToString());
        }

        var blocked = results.Count(r => r.Stderr.Contains("    Blocking waiting for file lock on package cache\n", StringComparison.Ordinal));
        var downloaded = results.Count(r => r.Stderr.Contains("  Downloaded ", StringComparison.Ordinal));
        _output.WriteLine($"{blocked} of 8 waited for the lock; {downloaded} downloaded; {registry.Downloads.Count} archive requests");
        Assert.True(blocked >= 1, "no run waited for the package cache lock");

        // The lock makes the later runs find every package in place: each archive crossed the wire once.
        Assert.Equal(Crates, registry.Downloads.Count);
        Assert.Equal(1, downloaded);

        var verify = sandbox.FerryIn(projects[0], "verify");
        Assert.Equal(0, verify.ExitCode);
        Assert.Equal($"    Verified {Crates} archives and {Crates} source trees in `{Path.Combine(sandbox.CargoHome, "registry")}`: no problems\n", verify.Stderr);
    }

    /// <summary>
    /// Kills at several points of one slow fetch (first requests in flight, some archives stored,
    /// most extracted): after each, verify passes (leftovers are reported but harmless) and no
    /// package directory exists without being complete; a final fetch finishes the job.
    /// </summary>
    [Fact]
    public async Task FetchKilledWithSigkillMidDownloadLeavesAVerifiableCache()
    {
        using var registry = Registry();
        using var server = SlowServer(registry, TimeSpan.FromMilliseconds(25), staggered: true);
        using var test = new FetchCase(Dependencies(), CrateRegistry.SparseConfig(server.BaseUrl));
        Assert.Equal(0, test.Ferry("generate-lockfile").ExitCode);

        // Archive i takes (i + 1) × 8 × 25 ms: completions, and so extractions, spread over ~3 s.
        foreach (var killAfter in new[] { 100, 900, 1800 })
        {
            var before = registry.Downloads.Count;
            var clock = Stopwatch.StartNew();
            using var process = Start(test);
            var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
            process.ErrorDataReceived += (_, e) => lines.Enqueue($"{clock.ElapsedMilliseconds} {e.Data}");
            process.BeginErrorReadLine();
            _output.WriteLine($"started at {clock.ElapsedMilliseconds} ms");
            while (registry.Downloads.Count == before && !process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(5);
            }

            await Task.Delay(killAfter);
            Assert.False(process.HasExited, $"fetch finished within {killAfter} ms of its first download");
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
            var trees = Directory.Exists(Path.Combine(test.RegistryRoot, "src")) ? test.PackageCacheEntries().Count(e => e.Count(c => c == '/') == 3 && e.StartsWith("src/", StringComparison.Ordinal)) : 0;
            _output.WriteLine($"killed {killAfter} ms into the downloads (exit {process.ExitCode}); {trees} entries under registry/src; {clock.ElapsedMilliseconds} ms; {registry.Downloads.Count - before} requests");
            _output.WriteLine(string.Join("\n", lines));
            _output.WriteLine(string.Join(", ", server.Requests.Select(r => r.Path)));
            Assert.Equal(137, process.ExitCode);

            AssertNothingIncompleteLooksComplete(test);
            var verify = test.Ferry("verify");
            Assert.True(verify.ExitCode == 0, verify.ToString());
        }

        var fetch = test.Ferry("fetch");
        Assert.True(fetch.ExitCode == 0, fetch.ToString());
        var final = test.Ferry("verify");
        Assert.Equal($"    Verified {Crates} archives and {Crates} source trees in `{test.RegistryRoot}`: no problems\n", final.Stderr);
        Assert.DoesNotContain(test.PackageCacheEntries(), e => e.Contains("/.tmp-", StringComparison.Ordinal) || e.EndsWith(".tmp", StringComparison.Ordinal));
    }

    private static CrateRegistry Registry()
    {
        var registry = new CrateRegistry();
        for (var i = 0; i < Crates; i++)
        {
            // A few hundred files each, so extraction takes measurable time too.
            var files = Enumerable.Range(0, 200).ToDictionary(f => $"src/gen/m{f}.rs", f => $"// file {f} of crate {i}\n" + new string('x', 2000));
            registry.Publish($"c{i}", "1.0.0", CrateRegistry.Library($"c{i}", "1.0.0", files), null);
        }

        return registry;
    }

    private static string Dependencies() => string.Join('\n', Enumerable.Range(0, Crates).Select(i => $"c{i} = \"1\""));

    /// <summary>Archives arrive in 8 pieces, <paramref name="gap"/> apart (for crate <c>cI</c>, (I + 1) × gap when <paramref name="staggered"/>).</summary>
    private static TestHttpServer SlowServer(CrateRegistry registry, TimeSpan gap, bool staggered = false) => registry.Serve(request =>
    {
        if (!request.Path.StartsWith("/dl/", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = request.Path.Split('/');
        registry.Downloads.Enqueue($"{parts[2]} {parts[3]}");
        var crate = registry.Crate(parts[2], parts[3]);
        var delay = staggered ? gap * (int.Parse(parts[2][1..], System.Globalization.CultureInfo.InvariantCulture) + 1) : gap;
        return TestResponse.Bytes(200, crate) with { TrickleBytes = crate.Length / 8 + 1, TrickleDelay = delay };
    });

    private static Process Start(FetchCase test)
    {
        var psi = new ProcessStartInfo(Tools.Ferry)
        {
            WorkingDirectory = test.Project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("fetch");
        psi.Environment.Clear();
        foreach (var (key, value) in test.Sandbox.Environment())
        {
            if (value is not null)
            {
                psi.Environment[key] = value;
            }
        }

        return Process.Start(psi) ?? throw new InvalidOperationException("cannot start ferry");
    }

    /// <summary>Every package directory under its own name is complete and intact; anything else is a temporary name.</summary>
    private static void AssertNothingIncompleteLooksComplete(FetchCase test)
    {
        var src = Path.Combine(test.RegistryRoot, "src");
        if (!Directory.Exists(src))
        {
            return;
        }

        foreach (var tree in Directory.GetDirectories(src).SelectMany(Directory.GetDirectories))
        {
            var name = Path.GetFileName(tree);
            if (name.StartsWith(".tmp-", StringComparison.Ordinal))
            {
                continue;
            }

            Assert.True(Core.Archive.CrateMarkers.IsComplete(tree), $"{tree} exists without its ready marker");
            var verification = Core.Archive.TreeDigest.VerifyAsync(tree, CancellationToken.None).GetAwaiter().GetResult();
            Assert.True(verification.IsIntact, $"{tree} differs from its digest");
        }
    }
}
