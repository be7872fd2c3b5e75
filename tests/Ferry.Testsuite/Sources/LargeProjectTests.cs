using System.Collections.Immutable;
using System.Diagnostics;
using Ferry.Core.Configuration;
using Ferry.Core.Resolution;
using Ferry.Resolver;
using Ferry.SourcesBench;
using Ferry.Sources;
using Ferry.Testsuite.Support;
using Ferry.Tests.Sources.Support;
using Xunit.Abstractions;

namespace Ferry.Testsuite.Sources;

/// <summary>
/// The shared <c>large</c> project (92 direct dependencies, 255 packages) resolved round by round
/// through Ferry's sparse registry against the Debian-crate registry served by the team's
/// <c>serve.py</c>: the packages must be exactly those of the project's Cargo.lock (written by
/// cargo 1.95 against the same registry), a second run must revalidate every file with 304s, and
/// an offline third run must need no request at all.
/// </summary>
public sealed class LargeProjectTests
{
    private readonly ITestOutputHelper _output;

    public LargeProjectTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [RegistryFact]
    public async Task ResolvesTheLargeProjectExactlyAsItsLockfile()
    {
        var project = Path.Combine(RegistryServer.SharedRegistry, "projects", "large");
        using var server = RegistryServer.Start();
        using var sandbox = new Sandbox();
        File.WriteAllText(
            Path.Combine(sandbox.CargoHome, "config.toml"),
            $"[source.crates-io]\nreplace-with = \"local\"\n[source.local]\nregistry = \"sparse+http://127.0.0.1:{server.Port}/index/\"\n");
        var expected = LockfilePackages.Read(Path.Combine(project, "Cargo.lock"));
        Assert.Equal(256, expected.Count);

        var cold = await ResolveAsync(sandbox, project, CliOverrides.None);
        Assert.Equal(expected, cold.Packages);
        Assert.Equal(0, cold.Statistics.NotModified);

        var warm = await ResolveAsync(sandbox, project, CliOverrides.None);
        Assert.Equal(expected, warm.Packages);
        Assert.Equal(cold.Statistics.Requests - 1, warm.Statistics.NotModified);

        var offline = await ResolveAsync(sandbox, project, CliOverrides.None with { Offline = true });
        Assert.Equal(expected, offline.Packages);
        Assert.Equal(0, offline.Statistics.Requests);

        _output.WriteLine($"cold:    {cold}");
        _output.WriteLine($"warm:    {warm}");
        _output.WriteLine($"offline: {offline}");
        _output.WriteLine("(in-process, JIT-compiled; tools/SourcesBench times the NativeAOT build against cargo)");
    }

    private static async Task<Run> ResolveAsync(Sandbox sandbox, string project, CliOverrides cli)
    {
        var started = Stopwatch.GetTimestamp();
        var variables = sandbox.Environment().Where(p => p.Value is not null).ToImmutableDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
        var gctx = GlobalContext.Create(new EnvironmentSnapshot(variables), project, cli, new SourceShell());
        using var registry = PackageRegistry.Create(gctx);
        var root = RootManifest.Read(Path.Combine(project, "Cargo.toml"));
        var request = new ResolveRequest([(root, ResolveOpts.Everything)], [], registry, new VersionPreferences(), ResolveVersion.V4) { Diagnostics = registry };
        var outcome = await ResolveDriver.ResolveAsync(registry, request, CancellationToken.None);
        var packages = outcome.Resolve.Packages.Select(id => $"{id.Name} {id.Version}").Order(StringComparer.Ordinal).ToList();
        return new Run(packages, outcome.Rounds, registry.Statistics, Stopwatch.GetElapsedTime(started));
    }

    private sealed record Run(List<string> Packages, int Rounds, SourceStatistics Statistics, TimeSpan Elapsed)
    {
        public override string ToString() => $"{Packages.Count} packages, {Rounds} rounds, {Elapsed.TotalMilliseconds:F0} ms; {Statistics}";
    }
}
