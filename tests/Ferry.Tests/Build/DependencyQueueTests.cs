using Ferry.Build.Execution;
using Ferry.Build.Profiles;
using Ferry.Build.Units;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Manifest;
using Ferry.Core.Manifest.Targets;
using Ferry.Resolver.Features;

namespace Ferry.Tests.Build;

public sealed class DependencyQueueTests
{
    private readonly UnitInterner _interner = new();

    private Unit Unit(string name)
    {
        var id = new PackageId(name, Ferry.Semver.Version.Parse("1.0.0"), SourceId.ForPath("/p/" + name));
        var manifest = TestManifests.Package(id);
        var target = new Target { Kind = TargetKind.Lib, Name = name, SrcPath = "/p/src/lib.rs", CrateTypes = ["lib"], Edition = "2021" };
        return _interner.Intern(new BuildPackage(manifest, true), target, Profile.DefaultDev, CompileKind.Host, CompileMode.Build, [], [], [], 0);
    }

    [Fact]
    public void DependenciesGoFirstAndTheDeepestChainLeads()
    {
        // Cargo's deep_first_equal_cost test: 1 <- 2 <- 4 <- 5, 3 <- 4, 3 <- 5.
        var (u1, u2, u3, u4, u5) = (Unit("a"), Unit("b"), Unit("c"), Unit("d"), Unit("e"));
        var queue = new DependencyQueue();
        queue.Enqueue(u1, []);
        queue.Enqueue(u2, [(u1, false)]);
        queue.Enqueue(u3, []);
        queue.Enqueue(u4, [(u2, false), (u3, false)]);
        queue.Enqueue(u5, [(u4, false), (u3, false)]);
        queue.Finish(_ => 1);
        Assert.Equal(5, queue.Priority(u1));
        Assert.Equal(4, queue.Priority(u3));
        Assert.Equal([u1, u3], queue.DequeueReady().OrderBy(u => u.Index));
        Assert.Empty(queue.DequeueReady());
        queue.Satisfy(u3, false);
        Assert.Empty(queue.DequeueReady());
        queue.Satisfy(u1, false);
        Assert.Equal([u2], queue.DequeueReady());
        queue.Satisfy(u2, false);
        Assert.Equal([u4], queue.DequeueReady());
        Assert.Equal(3, queue.Priority(u4));
    }

    [Fact]
    public void MetadataEdgesAreSatisfiedEarly()
    {
        var (lib, user) = (Unit("lib"), Unit("user"));
        var queue = new DependencyQueue();
        queue.Enqueue(lib, []);
        queue.Enqueue(user, [(lib, true)]);
        queue.Finish(_ => 100);
        Assert.Equal([lib], queue.DequeueReady());
        queue.Satisfy(lib, metadataOnly: true);
        Assert.Equal([user], queue.DequeueReady());
    }
}
