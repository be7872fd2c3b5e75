using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Resolver;
using Ferry.Semver;
using Ferry.Util.Diagnostics;
using static Ferry.Tests.Resolver.ScenarioRegistry;

namespace Ferry.Tests.Resolver;

/// <summary>
/// Error texts no end-to-end case reaches (Cargo 1.95 itself does not lock a path dependency
/// whose version changed, see <c>ResolverErrorTests</c>): the path dependency hint and the
/// re-vendoring hint, worded as Cargo 1.95 words them.
/// </summary>
public sealed class ActivationErrorTests
{
    [Fact]
    public void LockedPathDependencySuggestsUpdate()
    {
        var path = SourceId.ForPath("/work/root/p");
        var dep = new Dependency { PackageName = "p", Source = path, Req = VersionReq.Parse("0.1"), SpecifiedReq = true }
            .LockVersion(Ferry.Semver.Version.Parse("0.1.0"));
        var error = Assert.Throws<ResolveException>(() => Resolve(dep, new Diagnostics(Pkg("p", "0.2.0") with { PackageId = new PackageId("p", Ferry.Semver.Version.Parse("0.2.0"), path) }, replaced: false)));
        Assert.Equal(
            "failed to select a version for the requirement `p = \"^0.1\"` (locked to 0.1.0)\n"
            + "candidate versions found which didn't match: 0.2.0\n"
            + "location searched: the place\n"
            + "required by package `root v0.1.0 (/work/root)`\n"
            + "consider running `cargo update` to update a path dependency's locked version",
            error.Message);
    }

    [Fact]
    public void ReplacedSourceSuggestsRevendoring()
    {
        var error = Assert.Throws<ResolveException>(() => Resolve(Dep("a", "^2"), new Diagnostics(Pkg("a", "1.0.0"), replaced: true)));
        Assert.Equal(
            "failed to select a version for the requirement `a = \"^2\"`\n"
            + "candidate versions found which didn't match: 1.0.0\n"
            + "location searched: the place\n"
            + "required by package `root v0.1.0 (/work/root)`\n"
            + "perhaps a crate was updated and forgotten to be re-vendored?",
            error.Message);
    }

    private static Resolve Resolve(Dependency dep, Diagnostics diagnostics) =>
        DependencyResolver.ResolveLoaded(new ResolveRequest(
            [(Root(dep), ResolveOpts.Everything)],
            [],
            new ScenarioRegistry(),
            new VersionPreferences(),
            ResolveVersion.V4)
        {
            Diagnostics = diagnostics,
        });

    /// <summary>A source that has exactly one version of the package, which the requirement does not match.</summary>
    private sealed class Diagnostics(Summary only, bool replaced) : IResolverDiagnostics
    {
        public string? OfflineFlag => null;

        public IReadOnlyList<IndexSummary> AllVersions(Dependency dependency) => [new IndexSummary(only)];

        public IReadOnlyList<string> SimilarNames(Dependency dependency) => [];

        public string DescribeSource(SourceId source) => "the place";

        public bool IsReplaced(SourceId source) => replaced;
    }
}
