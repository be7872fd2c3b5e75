using Ferry.Build.Execution;
using Ferry.Build.Profiles;
using Ferry.Build.Units;
using Ferry.Core.Identity;
using Ferry.Core.Manifest.Targets;
using Ferry.Resolver.Features;

namespace Ferry.Tests.Build;

/// <summary>The doc-specific planning rules: duplicate doc units, root ordering by crate types, root extra arguments.</summary>
public sealed class DocUnitsTests
{
    private readonly UnitInterner _interner = new();

    private Unit Unit(string name, string version, CompileMode mode, CompileKind kind, TargetKind targetKind = TargetKind.Lib, string[]? crateTypes = null, string? targetName = null, string source = "/p/")
    {
        var id = new PackageId(name, Ferry.Semver.Version.Parse(version), SourceId.ForPath(source + name));
        var manifest = TestManifests.Package(id);
        var target = new Target { Kind = targetKind, Name = targetName ?? name, SrcPath = "/p/src/lib.rs", CrateTypes = [.. crateTypes ?? ["lib"]], Edition = "2021" };
        return _interner.Intern(new BuildPackage(manifest, true), target, Profile.DefaultDev, kind, mode, [], [], [], 0);
    }

    private static UnitDep Dep(Unit unit) => new(unit, UnitFor.Normal(CompileKind.Host), unit.CrateName, null, false, false);

    [Fact]
    public void HostDuplicatesGoWhenNoTargetWasRequested()
    {
        var target = CompileKind.Target("x86_64-unknown-linux-gnu");
        var root = Unit("app", "1.0.0", CompileMode.Doc, target);
        var forTarget = Unit("util", "1.0.0", CompileMode.Doc, target);
        var forHost = Unit("util", "1.0.0", CompileMode.Doc, CompileKind.Host);
        var onlyHostNeeds = Unit("inner", "1.0.0", CompileMode.Check, CompileKind.Host);
        var graph = new Dictionary<Unit, List<UnitDep>>
        {
            [root] = [Dep(forTarget), Dep(forHost)],
            [forTarget] = [],
            [forHost] = [Dep(onlyHostNeeds)],
            [onlyHostNeeds] = [],
        };

        DuplicateDocs.Remove(graph, [root], requestedAllHost: true);

        Assert.Equal([root, forTarget], graph.Keys.OrderBy(u => u.Index));
        Assert.Equal([forTarget], graph[root].Select(d => d.Unit));
    }

    [Fact]
    public void OlderVersionsOfOnePackageGoButOtherSourcesStay()
    {
        var kind = CompileKind.Host;
        var root = Unit("app", "1.0.0", CompileMode.Doc, kind);
        var old = Unit("util", "1.0.0", CompileMode.Doc, kind);
        var newer = Unit("util", "2.0.0", CompileMode.Doc, kind);
        var elsewhere = Unit("util", "1.5.0", CompileMode.Doc, kind, source: "/q/");
        var graph = new Dictionary<Unit, List<UnitDep>> { [root] = [Dep(old), Dep(newer), Dep(elsewhere)], [old] = [], [newer] = [], [elsewhere] = [] };

        DuplicateDocs.Remove(graph, [root], requestedAllHost: false);

        // Another source is another package: it stays, and the collision warning reports it.
        Assert.Equal([root, newer, elsewhere], graph.Keys.OrderBy(u => u.Index));
        Assert.Equal([newer, elsewhere], graph[root].Select(d => d.Unit));
    }

    [Fact]
    public void CrateTypesOrderLibraryTargetsBeforeTheirNames()
    {
        // Cargo's derived Ord on TargetKind::ExampleLib(Vec<CrateType>): lib < cdylib < staticlib, whatever the names.
        var cdylib = Unit("p", "1.0.0", CompileMode.Build, CompileKind.Host, TargetKind.ExampleLib, ["cdylib"], "a-cdylib");
        var staticlib = Unit("p", "1.0.0", CompileMode.Build, CompileKind.Host, TargetKind.ExampleLib, ["staticlib"], "b-static");
        var rlib = Unit("p", "1.0.0", CompileMode.Build, CompileKind.Host, TargetKind.ExampleLib, ["lib"], "z-rlib");
        var bin = Unit("p", "1.0.0", CompileMode.Build, CompileKind.Host, TargetKind.ExampleBin, ["bin"], "a-bin");
        var list = new List<Unit> { bin, staticlib, cdylib, rlib };
        list.Sort(UnitOrder.Compare);
        Assert.Equal([rlib, cdylib, staticlib, bin], list);
    }

    [Fact]
    public void BinaryDocsDocumentPrivateItems()
    {
        var bin = Unit("p", "1.0.0", CompileMode.Doc, CompileKind.Host, TargetKind.Bin, ["bin"], "tool");
        var lib = Unit("p", "1.0.0", CompileMode.Doc, CompileKind.Host);
        Assert.Equal(new[] { "--document-private-items", "-Arustdoc::private-intra-doc-links" }, RootExtraArgs.For(bin, isRoot: true, [], documentPrivateItems: false).ToArray());
        Assert.Empty(RootExtraArgs.For(bin, isRoot: false, [], documentPrivateItems: true));
        Assert.Empty(RootExtraArgs.For(lib, isRoot: true, [], documentPrivateItems: false));
        Assert.Equal(new[] { "--cfg", "x", "--document-private-items" }, RootExtraArgs.For(lib, isRoot: true, ["--cfg", "x"], documentPrivateItems: true).ToArray());
    }
}
