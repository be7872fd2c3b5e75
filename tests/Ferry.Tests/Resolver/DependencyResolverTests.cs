using System.Diagnostics;
using Ferry.Core.Dependencies;
using Ferry.Core.Resolution;
using Ferry.Resolver;
using Ferry.Util.Diagnostics;
using static Ferry.Tests.Resolver.ScenarioRegistry;

namespace Ferry.Tests.Resolver;

public sealed class DependencyResolverTests
{
    private static Resolve Resolve(ScenarioRegistry registry, Summary root, VersionPreferences? prefs = null) =>
        DependencyResolver.ResolveLoaded(new ResolveRequest(
            [(root, ResolveOpts.Everything)],
            [],
            registry,
            prefs ?? new VersionPreferences(),
            ResolveVersion.V4));

    private static string Packages(Resolve resolve) =>
        string.Join(", ", resolve.Packages.Where(p => p.Name != "root").OrderBy(p => p).Select(p => $"{p.Name} {p.Version}"));

    [Fact]
    public void PicksTheNewestCompatibleVersion()
    {
        var registry = new ScenarioRegistry()
            .Add(Pkg("a", "1.0.0")).Add(Pkg("a", "1.2.0")).Add(Pkg("a", "2.0.0"));
        Assert.Equal("a 1.2.0", Packages(Resolve(registry, Root(Dep("a", "^1")))));
    }

    [Fact]
    public void OneVersionPerCompatibleRangeForcesBacktracking()
    {
        var registry = new ScenarioRegistry()
            .Add(Pkg("foo", "1.0.0")).Add(Pkg("foo", "1.1.0")).Add(Pkg("foo", "1.2.0"))
            .Add(Pkg("a", "1.0.0", Dep("foo", "^1.0")))
            .Add(Pkg("b", "1.0.0", Dep("foo", "=1.1.0")));
        Assert.Equal("a 1.0.0, b 1.0.0, foo 1.1.0", Packages(Resolve(registry, Root(Dep("a", "1"), Dep("b", "1")))));
    }

    [Fact]
    public void IncompatibleRangesCoexist()
    {
        var registry = new ScenarioRegistry()
            .Add(Pkg("foo", "1.5.0")).Add(Pkg("foo", "2.1.0")).Add(Pkg("foo", "0.3.1")).Add(Pkg("foo", "0.4.0"))
            .Add(Pkg("a", "1.0.0", Dep("foo", "^1"))).Add(Pkg("b", "1.0.0", Dep("foo", "^2"))).Add(Pkg("c", "1.0.0", Dep("foo", "^0.3")));
        Assert.Equal("a 1.0.0, b 1.0.0, c 1.0.0, foo 0.3.1, foo 1.5.0, foo 2.1.0", Packages(Resolve(registry, Root(Dep("a", "1"), Dep("b", "1"), Dep("c", "1")))));
    }

    [Fact]
    public void LinksMustBeUnique()
    {
        var registry = new ScenarioRegistry()
            .Add(Pkg("sys", "1.0.0", null, "native")).Add(Pkg("sys", "2.0.0", null, "native"))
            .Add(Pkg("a", "1.0.0", Dep("sys", "1"))).Add(Pkg("a", "2.0.0", Dep("sys", "2")))
            .Add(Pkg("b", "1.0.0", Dep("sys", "1")));
        Assert.Equal("a 1.0.0, b 1.0.0, sys 1.0.0", Packages(Resolve(registry, Root(Dep("a", "*"), Dep("b", "1")))));
    }

    [Fact]
    public void FeaturesEnableOptionalDependencies()
    {
        var registry = new ScenarioRegistry()
            .Add(Pkg("opt", "1.0.0")).Add(Pkg("unused", "1.0.0"))
            .Add(Pkg("a", "1.0.0", [new("fancy", ["dep:opt"]), new("other", ["dep:unused"])], Dep("opt", "1", optional: true), Dep("unused", "1", optional: true)));
        var resolve = DependencyResolver.ResolveLoaded(new ResolveRequest(
            [(Root(Dep("a", "1", features: ["fancy"])), new ResolveOpts(true, new RequestedFeatures.Cli(CliFeatures.Default)))],
            [],
            registry,
            new VersionPreferences(),
            ResolveVersion.V4));
        Assert.Equal("a 1.0.0, opt 1.0.0", Packages(resolve));
        var a = resolve.Packages.Single(p => p.Name == "a");
        Assert.Equal(["fancy"], resolve.Features[a].ToArray());
    }

    [Fact]
    public void YankedVersionsOnlyWhenPreferred()
    {
        var registry = new ScenarioRegistry().Add(Pkg("a", "1.0.0")).Add(Pkg("a", "1.1.0"), yanked: true);
        Assert.Equal("a 1.0.0", Packages(Resolve(registry, Root(Dep("a", "1")))));
        var prefs = new VersionPreferences();
        prefs.PreferPackageId(new Ferry.Core.Identity.PackageId("a", Ferry.Semver.Version.Parse("1.1.0"), Source));
        Assert.Equal("a 1.1.0", Packages(Resolve(registry, Root(Dep("a", "1")), prefs)));
    }

    [Fact]
    public void ConflictErrorExplainsTheChain()
    {
        var registry = new ScenarioRegistry()
            .Add(Pkg("foo", "1.0.0")).Add(Pkg("foo", "1.1.0"))
            .Add(Pkg("a", "1.0.0", Dep("foo", "=1.0.0")))
            .Add(Pkg("b", "1.0.0", Dep("foo", "=1.1.0")));
        var error = Assert.Throws<ResolveException>(() => Resolve(registry, Root(Dep("a", "1"), Dep("b", "1"))));
        Assert.Equal(
            "failed to select a version for `foo`.\n"
            + "    ... required by package `b v1.0.0 (registry `https://example.com/index`)`\n"
            + "    ... which satisfies dependency `b = \"^1\"` of package `root v0.1.0 (/work/root)`\n"
            + "versions that meet the requirements `=1.1.0` are: 1.1.0\n\n"
            + "all possible versions conflict with previously selected packages.\n\n"
            + "  previously selected package `foo v1.0.0 (registry `https://example.com/index`)`\n"
            + "    ... which satisfies dependency `foo = \"=1.0.0\"` of package `a v1.0.0 (registry `https://example.com/index`)`\n"
            + "    ... which satisfies dependency `a = \"^1\"` of package `root v0.1.0 (/work/root)`\n\n"
            + "failed to select a version for `foo` which could resolve this conflict",
            error.Message);
    }

    [Fact]
    public void MissingPackageIsReported()
    {
        var error = Assert.Throws<ResolveException>(() => Resolve(new ScenarioRegistry(), Root(Dep("nope", "1"))));
        Assert.Equal(
            "no matching package named `nope` found\nlocation searched: registry `https://example.com/index`\nrequired by package `root v0.1.0 (/work/root)`",
            error.Message);
    }

    [Fact]
    public void PathologicalGraphEndsWithAClearError()
    {
        // Each of 12 crates has 10 versions; version v of crate i needs crate i+1 at exactly v, and the
        // last crate only exists at version 0: classic exponential backtracking for a naive search.
        var registry = new ScenarioRegistry();
        for (var i = 0; i < 12; i++)
        {
            for (var v = 1; v <= 10; v++)
            {
                var deps = i < 11 ? new[] { Dep($"c{i + 1}", $"={v}.0.0"), Dep($"d{i}", "*") } : [Dep("missing", $"={v}")];
                registry.Add(Pkg($"c{i}", $"{v}.0.0", deps));
            }

            registry.Add(Pkg($"d{i}", "1.0.0"));
        }

        var clock = Stopwatch.StartNew();
        var error = Assert.ThrowsAny<FerryException>(() => DependencyResolver.ResolveLoaded(new ResolveRequest(
            [(Root(Dep("c0", "*")), ResolveOpts.Everything)], [], registry, new VersionPreferences(), ResolveVersion.V4) { MaxTicks = 100_000 }));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }
}
