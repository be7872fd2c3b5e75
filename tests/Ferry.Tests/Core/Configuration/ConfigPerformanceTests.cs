using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ferry.Core.Configuration;
using Xunit.Abstractions;

namespace Ferry.Tests.Core.Configuration;

/// <summary>
/// Configuration is loaded at the start of every command, so it must stay in the low
/// milliseconds: a coarse guard (several times the measured cost, for a shared 2-core machine)
/// on discovering, parsing and merging a realistic set of files and reading every typed area.
/// </summary>
public sealed class ConfigPerformanceTests(ITestOutputHelper output) : IDisposable
{
    private readonly ConfigWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public void LoadingAndReadingEverythingTakesAFewMilliseconds()
    {
        var big = new StringBuilder();
        big.Append("include = [\"shared.toml\"]\n[build]\njobs = 4\nrustflags = [\"-C\", \"target-cpu=native\"]\ntarget-dir = \"out\"\n");
        big.Append("[alias]\n");
        for (var i = 0; i < 40; i++)
        {
            big.Append(CultureInfo.InvariantCulture, $"a{i} = \"build --release -p crate{i}\"\n");
        }

        for (var i = 0; i < 20; i++)
        {
            big.Append(CultureInfo.InvariantCulture, $"[registries.reg{i}]\nindex = \"sparse+https://example.com/{i}/\"\n");
        }

        _world.File("work/.cargo/config.toml", big.ToString());
        _world.File("work/.cargo/shared.toml", "[net]\nretry = 5\n[http]\ntimeout = 60\n[term]\nverbose = false\n");
        _world.File("cargo-home/config.toml", "[target.x86_64-unknown-linux-gnu]\nlinker = \"clang\"\n[source.crates-io]\nreplace-with = \"mirror\"\n[source.mirror]\nregistry = \"sparse+https://mirror.example.com/\"\n");
        _world.Variables["CARGO_BUILD_JOBS"] = "8";
        var cwd = Path.Combine(_world.Work, "a", "b", "c");
        Directory.CreateDirectory(cwd);

        void LoadAll()
        {
            var gctx = _world.Context(cwd, "build.incremental = false");
            _ = gctx.Values;
            _ = gctx.Build;
            _ = gctx.Term;
            _ = gctx.Net;
            _ = gctx.Http;
            _ = gctx.Registry;
            _ = gctx.Sources;
            _ = gctx.Env;
            _ = gctx.TargetCfgs;
            _ = gctx.Target("x86_64-unknown-linux-gnu");
            _ = gctx.Registries("reg7");
            _ = gctx.Alias("a3");
            _ = gctx.Resolver;
            _ = gctx.Security;
        }

        LoadAll(); // JIT warm-up
        var best = double.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var sw = Stopwatch.StartNew();
            LoadAll();
            best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load 3 files + include + --config and read every area: {best:F2} ms"));
        Assert.True(best < 15, $"configuration took {best:F1} ms");
    }
}
