using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Core.Urls;
using Ferry.Semver;
using Ferry.Sources;
using Ferry.Tests.Sources.Support;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Sources;

/// <summary>
/// <see cref="PackageRegistry"/>'s own rules, mirroring Cargo's <c>PackageRegistry</c>: lockfile
/// locks (<c>lock</c>'s first hit, second hit, patched hit, and what is left unlocked),
/// <c>[patch]</c> resolution and its errors, unused patches, and path sources.
/// </summary>
public sealed class PackageRegistryTests : IDisposable
{
    private static readonly Url CratesIoUrl = Url.Parse(SourceId.CratesIoIndex);

    private readonly SourceWorld _world = new();
    private readonly TestRegistry _registry = new();
    private readonly FakeManifests _manifests = new();

    public PackageRegistryTests()
    {
        _registry.Publish("foo", "1.0.0", new TestDep("bar", "^1"))
            .Publish("foo", "1.1.0", new TestDep("bar", "^1.2"))
            .Publish("bar", "1.0.0")
            .Publish("bar", "1.1.0")
            .Publish("bar", "1.2.0");
        _world.Config($"[source.crates-io]\nreplace-with = \"l\"\n[source.l]\nlocal-registry = \"{_registry.Root}\"\n");
    }

    private string ManifestLocation => Path.Combine(_world.Work, "Cargo.toml");

    public void Dispose()
    {
        _world.Dispose();
        _registry.Dispose();
    }

    [Fact]
    public void LockIsTheIdentityWithoutALockfile()
    {
        using var registry = _world.Registry();
        var root = _world.RootPackage(SourceWorld.CratesIo("foo", "1"));
        Assert.Same(root, registry.Lock(root));
    }

    [Fact]
    public void FirstHitPinsTheDependenciesTheLockedPackageResolved()
    {
        using var registry = _world.Registry();
        registry.RegisterLock(Id("foo", "1.0.0"), [Id("bar", "1.1.0")]);
        registry.RegisterLock(Id("bar", "1.1.0"), []);
        registry.LockPatches();

        var foo = Candidates(registry, SourceWorld.CratesIo("foo", "=1.0.0")).Single();
        var bar = Assert.Single(foo.Dependencies);
        Assert.Equal(Ferry.Semver.Version.Parse("1.1.0"), bar.LockedVersion);
        Assert.Equal(SourceId.CratesIo, bar.Source);
        Assert.Equal(VersionReq.Parse("^1"), bar.Req);
    }

    [Fact]
    public void SecondHitPinsAnyDependencyALockedPackageSatisfies()
    {
        using var registry = _world.Registry();
        registry.RegisterLock(Id("foo", "1.0.0"), [Id("bar", "1.1.0")]);
        registry.RegisterLock(Id("bar", "1.2.0"), []);
        registry.LockPatches();

        // foo 1.1.0 is not in the lockfile, but its `bar ^1.2` fits the locked bar 1.2.0.
        var foo = Candidates(registry, SourceWorld.CratesIo("foo", "=1.1.0")).Single();
        Assert.Equal(Ferry.Semver.Version.Parse("1.2.0"), Assert.Single(foo.Dependencies).LockedVersion);
    }

    [Fact]
    public void ChangedRequirementIsLeftToResolve()
    {
        using var registry = _world.Registry();

        // The lockfile says foo 1.1.0 resolved bar to 1.1.0, which its `^1.2` no longer accepts.
        registry.RegisterLock(Id("foo", "1.1.0"), [Id("bar", "1.1.0")]);
        registry.RegisterLock(Id("bar", "1.1.0"), []);
        registry.LockPatches();

        var foo = Candidates(registry, SourceWorld.CratesIo("foo", "=1.1.0")).Single();
        Assert.Null(Assert.Single(foo.Dependencies).LockedVersion);
    }

    [Fact]
    public void DependencyFromAnotherSourceIsNotPinnedByALockOfTheSameName()
    {
        using var registry = _world.Registry();
        var elsewhere = new PackageId("bar", Ferry.Semver.Version.Parse("1.1.0"), SourceId.ForPath("/srv/bar"));
        registry.RegisterLock(Id("foo", "1.0.0"), [elsewhere]);
        registry.RegisterLock(elsewhere, []);
        registry.LockPatches();

        var foo = Candidates(registry, SourceWorld.CratesIo("foo", "=1.0.0")).Single();
        Assert.Null(Assert.Single(foo.Dependencies).LockedVersion);
    }

    [Fact]
    public async Task LockedGraphResolvesToTheLockedVersionsNotTheNewest()
    {
        using var registry = _world.Registry();
        var root = _world.RootPackage(SourceWorld.CratesIo("foo", "1"));
        registry.RegisterLock(root.PackageId, [Id("foo", "1.0.0")]);
        registry.RegisterLock(Id("foo", "1.0.0"), [Id("bar", "1.1.0")]);
        registry.RegisterLock(Id("bar", "1.1.0"), []);
        registry.LockPatches();

        var locked = registry.Lock(root);
        Assert.Equal(Ferry.Semver.Version.Parse("1.0.0"), Assert.Single(locked.Dependencies).LockedVersion);
        var outcome = await SourceWorld.ResolveAsync(registry, locked);

        Assert.Equal(["bar 1.1.0", "foo 1.0.0"], SourceWorld.Packages(outcome.Resolve));
    }

    [Fact]
    public async Task PathPatchReplacesTheRegistryVersion()
    {
        var path = Path.Combine(_world.Root, "bar");
        _manifests.Add(path, "bar", "1.5.0");
        using var registry = _world.Registry(manifests: _manifests);

        var unlock = await registry.PatchAsync(CratesIoUrl, [new PatchDependency(PathDep("bar", path), ManifestLocation)], CancellationToken.None);
        registry.LockPatches();
        var outcome = await SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("foo", "1")));

        Assert.Empty(unlock);
        Assert.Equal(["bar 1.5.0", "foo 1.1.0"], SourceWorld.Packages(outcome.Resolve));
        Assert.True(outcome.Resolve.Packages.Single(id => id.Name == "bar").Source.IsPath);
        Assert.Empty(registry.UnusedPatches(outcome.Resolve));
    }

    [Fact]
    public async Task PatchNobodyAcceptsIsUnused()
    {
        var path = Path.Combine(_world.Root, "bar");
        _manifests.Add(path, "bar", "2.0.0");
        using var registry = _world.Registry(manifests: _manifests);

        await registry.PatchAsync(CratesIoUrl, [new PatchDependency(PathDep("bar", path), ManifestLocation)], CancellationToken.None);
        registry.LockPatches();
        var outcome = await SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("foo", "1")));

        Assert.Equal(["bar 1.2.0", "foo 1.1.0"], SourceWorld.Packages(outcome.Resolve));
        var unused = Assert.Single(registry.UnusedPatches(outcome.Resolve));
        Assert.Equal("bar v2.0.0 (" + path + ")", unused.ToString());
    }

    [Fact]
    public async Task LockedThroughAPatchPinsTheVersionAndSkipsThePatchedSource()
    {
        var path = Path.Combine(_world.Root, "bar");
        _manifests.Add(path, "bar", "1.5.0");
        using var registry = _world.Registry(manifests: _manifests);
        var patched = new PackageId("bar", Ferry.Semver.Version.Parse("1.5.0"), SourceId.ForPath(path));
        registry.RegisterLock(Id("foo", "1.0.0"), [patched]);
        registry.RegisterLock(patched, []);

        await registry.PatchAsync(CratesIoUrl, [new PatchDependency(PathDep("bar", path), ManifestLocation)], CancellationToken.None);
        registry.LockPatches();

        var bar = Assert.Single(Candidates(registry, SourceWorld.CratesIo("foo", "=1.0.0")).Single().Dependencies);
        Assert.Equal(SourceId.CratesIo, bar.Source);
        Assert.Equal(Ferry.Semver.Version.Parse("1.5.0"), bar.LockedVersion);
        var answer = registry.Query(bar);
        Assert.Equal(patched, Assert.Single(answer.Candidates).Summary.PackageId);
    }

    [Fact]
    public async Task PatchPointingAtThePatchedSourceIsAnError()
    {
        using var registry = _world.Registry(manifests: _manifests);

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => registry.PatchAsync(
            CratesIoUrl, [new PatchDependency(SourceWorld.CratesIo("bar", "=1.1.0"), ManifestLocation)], CancellationToken.None));

        Assert.Equal(
            "patch for `bar` points to the same source, but patches must point to different sources\n"
            + $"help: check `bar` patch definition for `https://github.com/rust-lang/crates.io-index` in `{ManifestLocation}`",
            error.Message);
    }

    [Fact]
    public async Task PatchMatchingSeveralVersionsIsAnError()
    {
        using var registry = _world.Registry(manifests: _manifests);

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => registry.PatchAsync(
            CratesIoUrl, [new PatchDependency(SourceWorld.CratesIo("bar", "1"), ManifestLocation)], CancellationToken.None));

        Assert.Equal(
            "patch for `bar` in `registry `crates-io`` resolved to more than one candidate\n"
            + "note: found versions: 1.0.0, 1.1.0, 1.2.0\n"
            + $"help: check `bar` patch definition for `https://github.com/rust-lang/crates.io-index` in `{ManifestLocation}`\n"
            + "help: select only one package using `version = \"=1.2.0\"`",
            error.Message);
    }

    [Fact]
    public async Task PatchVersionMismatchIsAnError()
    {
        using var registry = _world.Registry(manifests: _manifests);

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => registry.PatchAsync(
            CratesIoUrl, [new PatchDependency(SourceWorld.CratesIo("bar", "2"), ManifestLocation)], CancellationToken.None));

        Assert.Equal(
            "patch `bar` version mismatch\n"
            + "note: patch location contains versions `1.0.0, 1.1.0, 1.2.0`, but patch definition requires `^2`\n"
            + "help: check patch location `registry `crates-io``\n"
            + $"help: check `bar` patch definition for `https://github.com/rust-lang/crates.io-index` in `{ManifestLocation}`",
            error.Message);
    }

    [Fact]
    public async Task PatchLocationWithoutThePackageIsAnError()
    {
        var path = Path.Combine(_world.Root, "other");
        _manifests.Add(path, "other", "1.0.0");
        using var registry = _world.Registry(manifests: _manifests);

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => registry.PatchAsync(
            CratesIoUrl, [new PatchDependency(PathDep("bar", path), ManifestLocation)], CancellationToken.None));

        Assert.Equal(
            $"patch location `{path}` does not contain packages matching `bar`\n"
            + $"help: check `bar` patch definition for `https://github.com/rust-lang/crates.io-index` in `{ManifestLocation}`",
            error.Message);
    }

    [Fact]
    public async Task TwoPatchesForTheSameVersionIsAnErrorAndUnusedFieldsWarn()
    {
        var first = Path.Combine(_world.Root, "foo");
        var second = Path.Combine(_world.Root, "foo2");
        _manifests.Add(first, "foo", "1.0.0").Add(second, "foo", "1.0.0");
        using var registry = _world.Registry(manifests: _manifests);
        var withFields = PathDep("foo", first) with { Features = ["x"], DefaultFeatures = false };

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => registry.PatchAsync(
            CratesIoUrl,
            [new PatchDependency(withFields, ManifestLocation), new PatchDependency(PathDep("foo", second) with { ExplicitNameInToml = "foo2" }, ManifestLocation)],
            CancellationToken.None));

        Assert.Equal(
            "several `[patch]` entries resolving to same version `foo v1.0.0`\n"
            + $"help: check `foo` patch definitions for `https://github.com/rust-lang/crates.io-index` in `{ManifestLocation}`",
            error.Message);
        Assert.Equal(
            ["unused field in patch for `foo`: `features`, `default-features`\n  |\n  = help: configure `features`, `default-features` in the `dependencies` entry"],
            _world.Shell.Warnings);
    }

    [Fact]
    public async Task LockedPatchThatNoLongerMatchesIsUnlocked()
    {
        var path = Path.Combine(_world.Root, "bar");
        _manifests.Add(path, "bar", "1.5.0");
        using var registry = _world.Registry(manifests: _manifests);
        var previous = new PackageId("bar", Ferry.Semver.Version.Parse("1.4.0"), SourceId.ForPath(path));
        var patch = new PatchDependency(PathDep("bar", path), ManifestLocation, new LockedPatchDependency(PathDep("bar", path).LockTo(previous), previous));

        var unlock = await registry.PatchAsync(CratesIoUrl, [patch], CancellationToken.None);

        Assert.Equal(previous, Assert.Single(unlock).PackageId);
        Assert.Equal("1.5.0", registry.Patches.Values.Single().Single().Version.ToString());
    }

    [Fact]
    public async Task PathDependencyOutsideTheWorkspaceIsReadThroughTheManifestReader()
    {
        var path = Path.Combine(_world.Root, "local");
        _manifests.Add(path, "local", "0.3.0", SourceWorld.CratesIo("bar", "1.0"));
        using var registry = _world.Registry(manifests: _manifests);

        var outcome = await SourceWorld.ResolveAsync(registry, _world.RootPackage(PathDep("local", path)));

        Assert.Equal(["bar 1.2.0", "local 0.3.0"], SourceWorld.Packages(outcome.Resolve));
        Assert.Equal([Path.Combine(path, "Cargo.toml")], _manifests.Reads);
    }

    [Fact]
    public async Task MissingPathDependencyIsCargosError()
    {
        var path = Path.Combine(_world.Work, "bar");
        using var registry = _world.Registry(manifests: _manifests);

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(PathDep("bar", path))));

        Assert.Equal(
            $"error: failed to get `bar` as a dependency of package `root v0.1.0 ({_world.Work})`\n"
            + "\nCaused by:\n  failed to load source for dependency `bar`\n"
            + $"\nCaused by:\n  unable to update {path}\n"
            + $"\nCaused by:\n  failed to read `{path}/Cargo.toml`\n"
            + "\nCaused by:\n  No such file or directory (os error 2)\n",
            ErrorText.Render(error));
    }

    [Fact]
    public async Task PreloadedWorkspaceMembersAreNotReadAgain()
    {
        var member = Path.Combine(_world.Work, "member");
        using var registry = _world.Registry(manifests: _manifests);
        var memberSummary = new Summary { PackageId = new PackageId("member", Ferry.Semver.Version.Parse("0.2.0"), SourceId.ForPath(member)) };
        registry.AddPreloaded(memberSummary);

        var outcome = await SourceWorld.ResolveAsync(registry, _world.RootPackage(PathDep("member", member)));

        Assert.Equal(["member 0.2.0"], SourceWorld.Packages(outcome.Resolve));
        Assert.Empty(_manifests.Reads);
    }

    [Fact]
    public async Task UnreachableGitRepositoryFailsWithCargosContext()
    {
        using var registry = _world.Registry(manifests: _manifests);
        var url = Url.FromFilePath(Path.Combine(_world.Root, "nowhere"));
        var git = SourceId.ForGit(url, GitReference.Branch("main"));
        var dep = new Dependency { PackageName = "g", Source = git, Req = VersionReq.Star };

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(dep)));

        Assert.Contains(
            "\nCaused by:\n  failed to load source for dependency `g`\n"
            + $"\nCaused by:\n  unable to update {url}?branch=main\n"
            + "\nCaused by:\n  failed to clone into: ",
            ErrorText.Render(error),
            StringComparison.Ordinal);
    }

    private static PackageId Id(string name, string version) => new(name, Ferry.Semver.Version.Parse(version), SourceId.CratesIo);

    private static Dependency PathDep(string name, string path) => new()
    {
        PackageName = name,
        Source = SourceId.ForPath(path),
        Req = VersionReq.Star,
        LocalPath = path,
    };

    private static List<Summary> Candidates(PackageRegistry registry, Dependency dep)
    {
        var result = registry.Query(dep);
        Assert.False(result.IsPending);
        return [.. result.Candidates.Where(c => c.Status == IndexSummaryStatus.Candidate).Select(c => c.Summary)];
    }
}
