using Ferry.Core.Configuration;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Semver;
using Ferry.Sources;
using Ferry.Tests.Sources.Support;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Sources;

/// <summary>
/// The sparse protocol against a real HTTP server on 127.0.0.1: index paths, resolution round by
/// round, the on-disk cache and its revalidation, offline mode, retries, and Cargo's error texts.
/// </summary>
public sealed class SparseRegistryTests : IDisposable
{
    private readonly SourceWorld _world = new();
    private readonly TestRegistry _registry = new();

    public void Dispose()
    {
        _world.Dispose();
        _registry.Dispose();
    }

    [Fact]
    public async Task ResolvesAGraphAndReportsPackagesUnderTheReplacedSource()
    {
        _registry.Publish("a", "1.0.0", new TestDep("b", "^1"))
            .Publish("a", "1.1.0", new TestDep("b", "^1.2"))
            .Publish("b", "1.2.0")
            .Publish("b", "1.3.0")
            .Publish("b", "2.0.0");
        using var server = _registry.Serve();
        _world.ReplaceCratesIo(server.BaseUrl + "/index/");
        using var registry = _world.Registry();

        var outcome = await SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("a", "1")));

        Assert.Equal(["a 1.1.0", "b 1.3.0"], SourceWorld.Packages(outcome.Resolve));
        Assert.All(outcome.Resolve.Packages.Where(id => id.Name != "root"), id => Assert.Same(SourceId.CratesIo, id.Source));
        Assert.Equal(["/index/1/a", "/index/1/b", "/index/config.json"], server.Requests.Select(r => r.Path).Order(StringComparer.Ordinal));
        Assert.Equal(["    Updating `mirror` index"], _world.Shell.Lines);
        Assert.Equal(
            ["version=1"],
            server.Requests.Select(r => r.Header("cargo-protocol")).Distinct());
    }

    [Fact]
    public async Task IndexPathsFollowTheNameLengthRules()
    {
        foreach (var name in new[] { "a", "ab", "abc", "abcd", "Inflector", "serde_json" })
        {
            _registry.Publish(name, "1.0.0");
        }

        using var server = _registry.Serve();
        _world.ReplaceCratesIo(server.BaseUrl + "/index/");
        using var registry = _world.Registry();
        var root = _world.RootPackage(
            SourceWorld.CratesIo("a", "1"),
            SourceWorld.CratesIo("ab", "1"),
            SourceWorld.CratesIo("abc", "1"),
            SourceWorld.CratesIo("abcd", "1"),
            SourceWorld.CratesIo("Inflector", "1"),
            SourceWorld.CratesIo("serde_json", "1"));

        await SourceWorld.ResolveAsync(registry, root);

        Assert.Equal(
            ["/index/1/a", "/index/2/ab", "/index/3/a/abc", "/index/ab/cd/abcd", "/index/in/fl/inflector", "/index/se/rd/serde_json"],
            server.Requests.Select(r => r.Path).Where(p => p != "/index/config.json").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PendingNamesOfARoundAreFetchedConcurrentlyOnKeptAliveConnections()
    {
        var deps = Enumerable.Range(0, 12).Select(i => SourceWorld.CratesIo($"dep{i:00}", "1")).ToArray();
        foreach (var dep in deps)
        {
            _registry.Publish(dep.PackageName, "1.0.0");
        }

        // Every answer is held back 50 ms without blocking a thread (a blocking handler starves
        // the test host's thread pool on a loaded machine): a client that fetches concurrently has
        // several requests in flight meanwhile.
        var inFlight = 0;
        var maxInFlight = 0;
        TestHttpServer? server = null;
        using var running = server = _registry.Serve(request =>
        {
            var now = Interlocked.Increment(ref inFlight);
            lock (deps)
            {
                maxInFlight = Math.Max(maxInFlight, now);
            }

            _ = Task.Delay(50).ContinueWith(t => Interlocked.Decrement(ref inFlight), TaskScheduler.Default);
            return _registry.Answer(request, server!.BaseUrl) with { Delay = TimeSpan.FromMilliseconds(50) };
        });
        _world.ReplaceCratesIo(server.BaseUrl + "/index/");
        using var registry = _world.Registry();

        var outcome = await SourceWorld.ResolveAsync(registry, _world.RootPackage(deps));

        Assert.Equal(12, SourceWorld.Packages(outcome.Resolve).Count);
        Assert.Equal(2, outcome.Rounds);
        Assert.True(maxInFlight > 1, $"requests were sequential (max {maxInFlight} in flight)");
        Assert.True(server.Connections <= 16, $"{server.Connections} connections for {server.RequestCount} requests");
    }

    [Fact]
    public async Task PrefetchLoadsAChainInOneRoundWithoutItOneRoundPerLevel()
    {
        _registry.Publish("a", "1.0.0", new TestDep("b", "1"))
            .Publish("b", "1.0.0", new TestDep("c", "1"), new TestDep("unused", "1") { Optional = true }, new TestDep("tests", "1") { Kind = "dev" })
            .Publish("c", "1.0.0", new TestDep("d", "1"))
            .Publish("d", "1.0.0");
        using var server = _registry.Serve();
        _world.ReplaceCratesIo(server.BaseUrl + "/index/");
        var root = _world.RootPackage(SourceWorld.CratesIo("a", "1"));

        using (var registry = _world.Registry())
        {
            var outcome = await SourceWorld.ResolveAsync(registry, root);
            Assert.Equal(["a 1.0.0", "b 1.0.0", "c 1.0.0", "d 1.0.0"], SourceWorld.Packages(outcome.Resolve));
            Assert.Equal(2, outcome.Rounds);
            Assert.Equal(3, registry.Statistics.Prefetched);
        }

        // Optional and dev-dependencies are not fetched: nothing asks for them.
        Assert.Empty(server.RequestsFor("/index/un/us/unused"));
        Assert.Empty(server.RequestsFor("/index/te/st/tests"));

        _world.Options = _world.Options with { Prefetch = false };
        using (var registry = _world.Registry())
        {
            var outcome = await SourceWorld.ResolveAsync(registry, root);
            Assert.Equal(5, outcome.Rounds);
            Assert.Equal(0, registry.Statistics.Prefetched);
        }
    }

    [Fact]
    public async Task OfTwoFailuresTheOneReportedIsTheOneCargosLoadingScheduleMeetsFirst()
    {
        // f's dependency `ibis` has no version at all and a's `h = "=0.2.1"` none that matches.
        // Cargo meets a's failure first: when it activates f, ibis's file is still loading, so
        // f's dependencies wait for the next round. Prefetching has ibis's file by then.
        _registry.Publish("f", "0.2.0", new TestDep("ibis", "2"))
            .Publish("ibis", "1.0.0")
            .Publish("h", "0.2.0")
            .Publish("a", "1.0.0", new TestDep("h", "=0.2.1"));
        using var server = _registry.Serve();
        _world.ReplaceCratesIo(server.BaseUrl + "/index/");
        var root = _world.RootPackage(SourceWorld.CratesIo("f", "0.2"), SourceWorld.CratesIo("h", "=0.2.0"), SourceWorld.CratesIo("a", "1"));

        async Task<string> Failure(PackageRegistry registry) =>
            ErrorText.Render(await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, root)));

        string withoutPrefetch;
        _world.Options = _world.Options with { Prefetch = false };
        using (var registry = _world.Registry())
        {
            withoutPrefetch = await Failure(registry);
        }

        _world.Options = _world.Options with { Prefetch = true };
        using (var registry = _world.Registry())
        {
            Assert.Equal(withoutPrefetch, await Failure(registry));
            Assert.True(registry.Statistics.Prefetched > 0);
        }

        Assert.Equal(
            "error: failed to select a version for the requirement `h = \"=0.2.1\"`\n"
            + "candidate versions found which didn't match: 0.2.0\n"
            + "location searched: `mirror` index (which is replacing registry `crates-io`)\n"
            + "required by package `a v1.0.0`\n"
            + $"    ... which satisfies dependency `a = \"^1\"` of package `root v0.1.0 ({_world.Work})`\n"
            + "perhaps a crate was updated and forgotten to be re-vendored?\n",
            withoutPrefetch);
    }

    [Fact]
    public async Task PrefetchFollowsFeaturesDependentsAskFor()
    {
        var features = new Dictionary<string, string[]> { ["default"] = ["b/extra"] };
        _registry.Publish("a", "1.0.0", features, true, false, new TestDep("b", "1"))
            .Publish("b", "1.0.0", new Dictionary<string, string[]> { ["extra"] = ["c"] }, true, false, new TestDep("c", "1") { Optional = true })
            .Publish("c", "1.0.0");
        using var server = _registry.Serve();
        _world.ReplaceCratesIo(server.BaseUrl + "/index/");
        using var registry = _world.Registry();

        var outcome = await SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("a", "1")));

        Assert.Equal(["a 1.0.0", "b 1.0.0", "c 1.0.0"], SourceWorld.Packages(outcome.Resolve));
        Assert.Equal(2, outcome.Rounds);
    }

    [Theory]
    [InlineData(Validator.ETag, "if-none-match")]
    [InlineData(Validator.LastModified, "if-modified-since")]
    public async Task SecondRunRevalidatesEachFileOnceAndReusesTheCache(Validator validator, string header)
    {
        _registry.Validator = validator;
        _registry.Publish("a", "1.0.0", new TestDep("b", "1")).Publish("b", "1.0.0");
        using var server = _registry.Serve();
        _world.ReplaceCratesIo(server.BaseUrl + "/index/");
        var root = _world.RootPackage(SourceWorld.CratesIo("a", "1"));
        using (var cold = _world.Registry())
        {
            await SourceWorld.ResolveAsync(cold, root);
            Assert.Equal(0, cold.Statistics.NotModified);
        }

        server.ClearRequests();
        using var warm = _world.Registry();
        var outcome = await SourceWorld.ResolveAsync(warm, root);

        Assert.Equal(["a 1.0.0", "b 1.0.0"], SourceWorld.Packages(outcome.Resolve));
        var index = server.Requests.Where(r => r.Path != "/index/config.json").ToList();
        Assert.Equal(["/index/1/a", "/index/1/b"], index.Select(r => r.Path).Order(StringComparer.Ordinal));
        Assert.All(index, request => Assert.NotNull(request.Header(header)));
        Assert.Equal(2, warm.Statistics.NotModified);

        // The round run on the cached copies while they were revalidated gave the result.
        Assert.Equal((1, 0), (warm.Statistics.SpeculationsKept, warm.Statistics.SpeculationsDropped));
        Assert.Equal(2, outcome.Rounds);

        // Cargo's layout: the cache lives under $CARGO_HOME/registry/index/HOST-HASH/.cache/PATH.
        var cacheFiles = Directory.GetFiles(Path.Combine(_world.CargoHome, "registry", "index"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(_world.CargoHome, "registry", "index"), f))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(3, cacheFiles.Count);
        Assert.Matches(@"^127\.0\.0\.1-[0-9a-f]{16}/\.cache/1/a$", cacheFiles[0]);
        Assert.EndsWith("/.cache/1/b", cacheFiles[1], StringComparison.Ordinal);
        Assert.EndsWith("/config.json", cacheFiles[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedFileIsDownloadedAgain()
    {
        _registry.Publish("a", "1.0.0");
        using var server = _registry.Serve();
        _world.ReplaceCratesIo(server.BaseUrl + "/index/");
        var root = _world.RootPackage(SourceWorld.CratesIo("a", "1"));
        using (var cold = _world.Registry())
        {
            await SourceWorld.ResolveAsync(cold, root);
        }

        _registry.Publish("a", "1.1.0");
        using var warm = _world.Registry();
        var outcome = await SourceWorld.ResolveAsync(warm, root);
        Assert.Equal(["a 1.1.0"], SourceWorld.Packages(outcome.Resolve));
        Assert.Equal(0, warm.Statistics.NotModified);

        // The speculative round picked the cached a 1.0.0; the server's answer overruled it.
        Assert.Equal((0, 1), (warm.Statistics.SpeculationsKept, warm.Statistics.SpeculationsDropped));
    }

    [Fact]
    public async Task WithACachedConfigIndexFilesAreRequestedWhileConfigJsonIsOnItsWay()
    {
        _registry.Publish("a", "1.0.0");
        // config.json is held back 300 ms: a file asked for within 250 ms of it was asked before its answer.
        var configAsked = DateTime.MaxValue;
        var indexAsked = DateTime.MaxValue;
        TestHttpServer? server = null;
        using var running = server = _registry.Serve(request =>
        {
            if (request.Path == "/index/config.json")
            {
                configAsked = DateTime.UtcNow;
                return _registry.Answer(request, server!.BaseUrl) with { Delay = TimeSpan.FromMilliseconds(300) };
            }

            indexAsked = DateTime.UtcNow;
            return null;
        });
        _world.ReplaceCratesIo(server.BaseUrl + "/index/");
        var root = _world.RootPackage(SourceWorld.CratesIo("a", "1"));
        using (var cold = _world.Registry())
        {
            await SourceWorld.ResolveAsync(cold, root);
        }

        // Without a cached config.json the file waits for it.
        Assert.True(indexAsked - configAsked > TimeSpan.FromMilliseconds(250), $"asked {indexAsked:O}, config asked {configAsked:O}");

        using var warm = _world.Registry();
        Assert.Equal(["a 1.0.0"], SourceWorld.Packages((await SourceWorld.ResolveAsync(warm, root)).Resolve));
        Assert.True(indexAsked - configAsked < TimeSpan.FromMilliseconds(250), $"asked {indexAsked:O}, config asked {configAsked:O}");
        Assert.Equal(1, warm.Statistics.NotModified);
    }

    [Fact]
    public async Task AChangeDeepInACachedGraphOverrulesTheSpeculativeRound()
    {
        _registry.Publish("a", "1.0.0", new TestDep("b", "1"))
            .Publish("b", "1.0.0", new TestDep("c", "1"))
            .Publish("c", "1.0.0")
            .Publish("x", "1.0.0");
        using var server = _registry.Serve();
        _world.ReplaceCratesIo(server.BaseUrl + "/index/");
        var root = _world.RootPackage(SourceWorld.CratesIo("a", "1"));
        using (var cold = _world.Registry())
        {
            Assert.Equal(["a 1.0.0", "b 1.0.0", "c 1.0.0"], SourceWorld.Packages((await SourceWorld.ResolveAsync(cold, root)).Resolve));
        }

        // Only c's file changes, and its new version pulls in a crate the cache has never seen.
        _registry.Publish("c", "1.1.0", new TestDep("x", "1"));
        using var warm = _world.Registry();
        var outcome = await SourceWorld.ResolveAsync(warm, root);

        Assert.Equal(["a 1.0.0", "b 1.0.0", "c 1.1.0", "x 1.0.0"], SourceWorld.Packages(outcome.Resolve));
        Assert.Equal(2, warm.Statistics.NotModified);
        Assert.Equal(0, warm.Statistics.SpeculationsKept);
        Assert.True(warm.Statistics.SpeculationsDropped >= 1);

        // Unchanged since: the next run keeps its speculative result.
        using var again = _world.Registry();
        Assert.Equal(["a 1.0.0", "b 1.0.0", "c 1.1.0", "x 1.0.0"], SourceWorld.Packages((await SourceWorld.ResolveAsync(again, root)).Resolve));
        Assert.Equal((4, 1L, 0L), (again.Statistics.NotModified, again.Statistics.SpeculationsKept, again.Statistics.SpeculationsDropped));
    }

    [Fact]
    public async Task ASpeculativeRoundThatFailsIsDroppedAndTheRealRoundReportsTheError()
    {
        _registry.Publish("a", "1.0.0", new TestDep("b", "1")).Publish("b", "1.0.0");
        using var server = _registry.Serve();
        _world.ReplaceCratesIo(server.BaseUrl + "/index/");
        using (var cold = _world.Registry())
        {
            await SourceWorld.ResolveAsync(cold, _world.RootPackage(SourceWorld.CratesIo("a", "1")));
        }

        // The cached files cannot satisfy `b = "2"`; neither can the server's.
        _world.NewShell();
        using var warm = _world.Registry();
        var root = _world.RootPackage(SourceWorld.CratesIo("a", "1"), SourceWorld.CratesIo("b", "2"));
        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(warm, root));

        Assert.Equal(
            "error: failed to select a version for the requirement `b = \"^2\"`\n"
            + "candidate versions found which didn't match: 1.0.0\n"
            + "location searched: `mirror` index (which is replacing registry `crates-io`)\n"
            + $"required by package `root v0.1.0 ({_world.Work})`\n"
            + "perhaps a crate was updated and forgotten to be re-vendored?\n",
            ErrorText.Render(error));
        Assert.Equal((0, 1), (warm.Statistics.SpeculationsKept, warm.Statistics.SpeculationsDropped));
        Assert.Equal(["    Updating `mirror` index"], _world.Shell.Lines);
    }

    [Fact]
    public async Task OfflineRunUsesTheCacheOnly()
    {
        _registry.Publish("a", "1.0.0", new TestDep("b", "1")).Publish("b", "1.0.0");
        var root = _world.RootPackage(SourceWorld.CratesIo("a", "1"));
        using (var server = _registry.Serve())
        {
            _world.ReplaceCratesIo(server.BaseUrl + "/index/");
            using var online = _world.Registry();
            await SourceWorld.ResolveAsync(online, root);
        }

        _world.NewShell();
        using var offline = _world.Registry(CliOverrides.None with { Offline = true });
        var outcome = await SourceWorld.ResolveAsync(offline, root);

        Assert.Equal(["a 1.0.0", "b 1.0.0"], SourceWorld.Packages(outcome.Resolve));
        Assert.Equal(0, offline.Statistics.Requests);
        Assert.Equal(2, offline.Statistics.CacheHits);
        Assert.Empty(_world.Shell.Lines);
    }

    [Theory]
    [InlineData("--offline", false, false)]
    [InlineData("--frozen", true, false)]
    [InlineData("--offline", false, true)]
    public async Task OfflineWithoutACachedFileFailsWithCargosHint(string flag, bool frozen, bool netOffline)
    {
        _world.ReplaceCratesIo("http://127.0.0.1:9/index/", netOffline ? "[net]\noffline = true\n" : string.Empty);
        var cli = CliOverrides.None with { Offline = !frozen && !netOffline, Frozen = frozen };
        using var registry = _world.Registry(cli);

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("a", "1"))));

        Assert.Equal(
            "error: no matching package named `a` found\n"
            + "location searched: `mirror` index (which is replacing registry `crates-io`)\n"
            + $"required by package `root v0.1.0 ({_world.Work})`\n"
            + $"As a reminder, you're using offline mode ({flag}) which can sometimes cause surprising resolution failures, if this error is too confusing you may wish to retry without `{flag}`.\n",
            ErrorText.Render(error));
        Assert.Equal(0, registry.Statistics.Requests);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(410)]
    [InlineData(451)]
    public async Task MissingCrateStatusesMeanNoSuchPackage(int status)
    {
        _registry.Publish("a", "1.0.0");
        using var server = _registry.Serve(request => request.Path == "/index/1/a" ? TestResponse.Text(status, "gone\n") : null);
        _world.ReplaceCratesIo(server.BaseUrl + "/index/");
        using var registry = _world.Registry();

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("a", "1"))));

        Assert.Equal(
            "error: no matching package named `a` found\n"
            + "location searched: `mirror` index (which is replacing registry `crates-io`)\n"
            + $"required by package `root v0.1.0 ({_world.Work})`\n",
            ErrorText.Render(error));
    }

    [Fact]
    public async Task MisspelledNameGetsSimilarNames()
    {
        _registry.Publish("serde_json", "1.0.0");
        using var server = _registry.Serve();
        _world.ReplaceCratesIo(server.BaseUrl + "/index/");
        using var registry = _world.Registry();

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("serde-json", "1"))));

        Assert.Equal(
            "error: no matching package found\n"
            + "searched package name: `serde-json`\n"
            + "perhaps you meant:      serde_json\n"
            + "location searched: `mirror` index (which is replacing registry `crates-io`)\n"
            + $"required by package `root v0.1.0 ({_world.Work})`\n",
            ErrorText.Render(error));
    }

    [Fact]
    public async Task ServerErrorIsRetriedThenReportedWithTheBody()
    {
        _registry.Publish("a", "1.0.0");
        using var server = _registry.Serve(request => request.Path == "/index/1/a" ? TestResponse.Text(500, "internal oops\n") : null);
        _world.ReplaceCratesIo(server.BaseUrl + "/index/");
        using var registry = _world.Registry();

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("a", "1"))));

        var url = server.BaseUrl + "/index/1/a";
        Assert.Equal(
            $"error: failed to get `a` as a dependency of package `root v0.1.0 ({_world.Work})`\n"
            + "\nCaused by:\n  failed to query replaced source registry `crates-io`\n"
            + "\nCaused by:\n  download of 1/a failed\n"
            + $"\nCaused by:\n  failed to get successful HTTP response from `{url}` (127.0.0.1), got 500\n  body:\n  internal oops\n",
            ErrorText.Render(error));
        Assert.Equal(
            [
                $"spurious network error (3 tries remaining): failed to get successful HTTP response from `{url}` (127.0.0.1), got 500\nbody:\ninternal oops\n",
                $"spurious network error (2 tries remaining): failed to get successful HTTP response from `{url}` (127.0.0.1), got 500\nbody:\ninternal oops\n",
                $"spurious network error (1 try remaining): failed to get successful HTTP response from `{url}` (127.0.0.1), got 500\nbody:\ninternal oops\n",
            ],
            _world.Shell.Warnings);
        Assert.Equal(4, server.RequestsFor("/index/1/a").Count);
    }

    [Fact]
    public async Task ServerThatFailsTwiceThenRecoversIsRetried()
    {
        _registry.Publish("a", "1.0.0");
        var failures = 0;
        using var server = _registry.Serve(request =>
            request.Path == "/index/1/a" && Interlocked.Increment(ref failures) <= 2 ? TestResponse.Text(503, "try later\n") : null);
        _world.ReplaceCratesIo(server.BaseUrl + "/index/");
        using var registry = _world.Registry();

        var outcome = await SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("a", "1")));

        Assert.Equal(["a 1.0.0"], SourceWorld.Packages(outcome.Resolve));
        var url = server.BaseUrl + "/index/1/a";
        Assert.Equal(
            [
                $"spurious network error (3 tries remaining): failed to get successful HTTP response from `{url}` (127.0.0.1), got 503\nbody:\ntry later\n",
                $"spurious network error (2 tries remaining): failed to get successful HTTP response from `{url}` (127.0.0.1), got 503\nbody:\ntry later\n",
            ],
            _world.Shell.Warnings);
        Assert.Equal(2, registry.Statistics.Retries);
    }

    [Fact]
    public async Task NetRetryZeroFailsAtOnce()
    {
        _registry.Publish("a", "1.0.0");
        using var server = _registry.Serve(request => request.Path == "/index/1/a" ? TestResponse.Text(502, "bad gateway") : null);
        _world.ReplaceCratesIo(server.BaseUrl + "/index/", "[net]\nretry = 0\n");
        using var registry = _world.Registry();

        await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("a", "1"))));
        Assert.Single(server.RequestsFor("/index/1/a"));
        Assert.Empty(_world.Shell.Warnings);
    }

    [Fact]
    public async Task ForbiddenIsNotRetried()
    {
        _registry.Publish("a", "1.0.0");
        using var server = _registry.Serve(request => request.Path == "/index/1/a" ? TestResponse.Text(403, "nope") : null);
        _world.ReplaceCratesIo(server.BaseUrl + "/index/");
        using var registry = _world.Registry();

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("a", "1"))));

        Assert.EndsWith(
            "\nCaused by:\n  download of 1/a failed\n"
            + $"\nCaused by:\n  failed to get successful HTTP response from `{server.BaseUrl}/index/1/a` (127.0.0.1), got 403\n  body:\n  nope\n",
            ErrorText.Render(error),
            StringComparison.Ordinal);
        Assert.Single(server.RequestsFor("/index/1/a"));
    }

    [Fact]
    public async Task LongBodiesAreCutAt512CharactersAndBinaryBodiesAreCounted()
    {
        var registry1 = new string('x', 600);
        using var server = _registry.Serve(request => request.Path switch
        {
            "/index/1/a" => TestResponse.Text(400, registry1),
            "/index/1/b" => TestResponse.Bytes(400, [0xff, 0xfe, 0x00]),
            _ => null,
        });
        _world.ReplaceCratesIo(server.BaseUrl + "/index/");
        using var registry = _world.Registry();

        var a = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("a", "1"))));
        Assert.EndsWith($"body:\n  {new string('x', 511)}…\n", ErrorText.Render(a), StringComparison.Ordinal);
        var b = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("b", "1"))));
        Assert.EndsWith("body:\n  [3 non-utf8 bytes]\n", ErrorText.Render(b), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GarbageLinesAreSkippedAsCargoSkipsThem()
    {
        _registry.AppendLine("a", "\u0001not json at all{{{");
        _registry.Publish("a", "1.0.0");
        _registry.AppendLine("a", "{\"name\": \"a\", \"vers\": \"1.1.0\", \"deps\": 7}");
        using var server = _registry.Serve();
        _world.ReplaceCratesIo(server.BaseUrl + "/index/");
        using var registry = _world.Registry();

        var outcome = await SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("a", "1")));

        // 1.1.0 names a version but does not parse: kept as invalid, never selected.
        Assert.Equal(["a 1.0.0"], SourceWorld.Packages(outcome.Resolve));
    }

    [Fact]
    public async Task TruncatedBodyIsASpuriousTransportError()
    {
        using var server = _registry.Serve(request => request.Path == "/index/1/a"
            ? TestResponse.Text(200, "{\"name\":\"a\",\"vers\":\"1.0.0\"}") with { Truncate = true }
            : null);
        _world.ReplaceCratesIo(server.BaseUrl + "/index/", "[net]\nretry = 1\n");
        using var registry = _world.Registry();

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("a", "1"))));

        var text = ErrorText.Render(error);
        Assert.StartsWith(
            $"error: failed to get `a` as a dependency of package `root v0.1.0 ({_world.Work})`\n"
            + "\nCaused by:\n  failed to query replaced source registry `crates-io`\n"
            + "\nCaused by:\n  download of 1/a failed\n"
            + $"\nCaused by:\n  failed to download from `{server.BaseUrl}/index/1/a`\n",
            text,
            StringComparison.Ordinal);
        Assert.Equal(2, server.RequestsFor("/index/1/a").Count);
        Assert.Single(_world.Shell.Warnings);
    }

    [Fact]
    public async Task SlowServerTimesOut()
    {
        using var server = _registry.Serve(request => request.Path == "/index/1/a"
            ? TestResponse.Text(200, "{}") with { Delay = TimeSpan.FromSeconds(5) }
            : null);
        _world.ReplaceCratesIo(server.BaseUrl + "/index/", "[net]\nretry = 0\n");
        _world.Options = _world.Options with { TimeoutOverride = TimeSpan.FromMilliseconds(300) };
        using var registry = _world.Registry();

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("a", "1"))));

        Assert.EndsWith(
            $"\nCaused by:\n  failed to download from `{server.BaseUrl}/index/1/a`\n\nCaused by:\n  operation timed out after 0.3 seconds\n",
            ErrorText.Render(error),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedConnectionIsReportedWithCargosChain()
    {
        using var dead = new TestHttpServer(_ => TestResponse.NotFound());
        var url = dead.BaseUrl + "/index/";
        dead.Dispose();
        _world.ReplaceCratesIo(url, "[net]\nretry = 1\n");
        using var registry = _world.Registry();

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("a", "1"))));

        var text = ErrorText.Render(error);
        Assert.StartsWith(
            $"error: failed to get `a` as a dependency of package `root v0.1.0 ({_world.Work})`\n"
            + "\nCaused by:\n  failed to query replaced source registry `crates-io`\n"
            + "\nCaused by:\n  download of config.json failed\n"
            + $"\nCaused by:\n  failed to download from `{url}config.json`\n\nCaused by:\n  Connection refused",
            text,
            StringComparison.Ordinal);
        Assert.StartsWith("spurious network error (1 try remaining): Connection refused", Assert.Single(_world.Shell.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UrlWithoutTrailingSlashIsRejected()
    {
        _world.ReplaceCratesIo("http://127.0.0.1:9/index");
        using var registry = _world.Registry();

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("a", "1"))));

        Assert.Equal(
            $"error: failed to get `a` as a dependency of package `root v0.1.0 ({_world.Work})`\n"
            + "\nCaused by:\n  failed to load source for dependency `a`\n"
            + "\nCaused by:\n  unable to update registry `crates-io`\n"
            + "\nCaused by:\n  sparse registry url must end in a slash `/`: sparse+http://127.0.0.1:9/index\n",
            ErrorText.Render(error));
    }

    [Fact]
    public async Task LockedDependencyIsServedFromTheCacheWithoutTheNetwork()
    {
        _registry.Publish("a", "1.0.0").Publish("a", "1.1.0");
        var root = _world.RootPackage(SourceWorld.CratesIo("a", "1"));
        Resolve first;
        using (var server = _registry.Serve())
        {
            _world.ReplaceCratesIo(server.BaseUrl + "/index/");
            using var online = _world.Registry();
            first = (await SourceWorld.ResolveAsync(online, root)).Resolve;
        }

        // The server is gone: only a query that needs no update can succeed.
        var locked = first.Packages.Single(id => id.Name == "a");
        using var registry = _world.Registry();
        var dep = SourceWorld.CratesIo("a", "1").LockTo(locked);
        var outcome = await SourceWorld.ResolveAsync(registry, _world.RootPackage(dep));

        Assert.Equal(["a 1.1.0"], SourceWorld.Packages(outcome.Resolve));
        Assert.Equal(0, registry.Statistics.Requests);
    }

    [Fact]
    public async Task LockedVersionMissingFromTheCacheIsFetched()
    {
        _registry.Publish("a", "1.0.0");
        using var server = _registry.Serve();
        _world.ReplaceCratesIo(server.BaseUrl + "/index/");
        var root = _world.RootPackage(SourceWorld.CratesIo("a", "1"));
        using (var online = _world.Registry())
        {
            await SourceWorld.ResolveAsync(online, root);
        }

        _registry.Publish("a", "1.2.0");
        server.ClearRequests();
        using var registry = _world.Registry();
        var dep = SourceWorld.CratesIo("a", "1").LockTo(new PackageId("a", Ferry.Semver.Version.Parse("1.2.0"), SourceId.CratesIo));
        var outcome = await SourceWorld.ResolveAsync(registry, _world.RootPackage(dep));

        Assert.Equal(["a 1.2.0"], SourceWorld.Packages(outcome.Resolve));
        Assert.Single(server.RequestsFor("/index/1/a"));
    }

    [Fact]
    public async Task YankedVersionsAreNotCandidates()
    {
        _registry.Publish("a", "1.0.0").Publish("a", "1.1.0", null, true, yanked: true);
        using var server = _registry.Serve();
        _world.ReplaceCratesIo(server.BaseUrl + "/index/");
        using var registry = _world.Registry();

        var outcome = await SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("a", "1")));

        Assert.Equal(["a 1.0.0"], SourceWorld.Packages(outcome.Resolve));
    }

    [Fact]
    public async Task ConfigJsonIsFetchedOncePerRunAndCached()
    {
        _registry.Publish("a", "1.0.0", new TestDep("b", "1")).Publish("b", "1.0.0");
        _registry.Dl = "https://static.example.com/{crate}/{version}.crate";
        using var server = _registry.Serve();
        _world.ReplaceCratesIo(server.BaseUrl + "/index/");
        _world.Options = _world.Options with { Prefetch = false };
        using var registry = _world.Registry();

        await SourceWorld.ResolveAsync(registry, _world.RootPackage(SourceWorld.CratesIo("a", "1")));

        Assert.Single(server.RequestsFor("/index/config.json"));
        var cached = Directory.GetFiles(Path.Combine(_world.CargoHome, "registry", "index"), "config.json", SearchOption.AllDirectories);
        Assert.Contains("static.example.com", File.ReadAllText(Assert.Single(cached)), StringComparison.Ordinal);
    }
}
