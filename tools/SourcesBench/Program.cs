using System.Diagnostics;
using Ferry.Core.Configuration;
using Ferry.Core.Resolution;
using Ferry.Resolver;
using Ferry.Sources;
using Ferry.SourcesBench;
using Ferry.Util.Diagnostics;

// sources-bench --manifest-path PATH [--offline] [--no-prefetch] [--list] [--trace] [--connections N]
// sources-bench --parse-bench INDEX-DIR
// Resolves PATH's dependencies through Ferry.Sources with the environment's CARGO_HOME and
// config (what `ferry generate-lockfile` will do, minus writing Cargo.lock) and reports
// rounds, requests and wall time on stderr.
var started = Stopwatch.GetTimestamp();
string? manifest = null;
var offline = false;
var prefetch = true;
var list = false;
var trace = false;
string? parseBench = null;
var connections = SourceOptions.Default.MaxConnectionsPerServer;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "generate-lockfile":
            // Accepted so the shared bench.py can run this in place of `cargo generate-lockfile`.
            break;
        case "--manifest-path":
            manifest = args[++i];
            break;
        case "--offline":
            offline = true;
            break;
        case "--no-prefetch":
            prefetch = false;
            break;
        case "--list":
            list = true;
            break;
        case "--connections":
            connections = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--parse-bench":
            parseBench = args[++i];
            break;
        case "--trace":
            trace = true;
            break;
        default:
            Console.Error.WriteLine($"unknown argument `{args[i]}`");
            return 2;
    }
}

if (parseBench is not null)
{
    return ParseBench.Run(parseBench);
}

manifest ??= Path.Combine(Environment.CurrentDirectory, "Cargo.toml");
var shell = new StderrShell();
try
{
    var gctx = GlobalContext.Create(EnvironmentSnapshot.Capture(), Environment.CurrentDirectory, CliOverrides.None with { Offline = offline }, shell);
    using var registry = PackageRegistry.Create(gctx, null, SourceOptions.Default with { Prefetch = prefetch, MaxConnectionsPerServer = connections, MaxParallelRequests = Math.Max(connections, SourceOptions.Default.MaxParallelRequests) });
    var root = RootManifest.Read(manifest);
    var request = new ResolveRequest([(root, ResolveOpts.Everything)], [], registry, new VersionPreferences(), ResolveVersion.V4) { Diagnostics = registry };
    var setup = Stopwatch.GetElapsedTime(started);
    ResolveOutcome outcome;
    if (trace)
    {
        // The driver's loop, timed phase by phase.
        var resolver = new DependencyResolver(request);
        var rounds = 0;
        Console.Error.WriteLine($"setup (config, root manifest): {setup.TotalMilliseconds:F1} ms");
        while (true)
        {
            rounds++;
            var t0 = Stopwatch.GetTimestamp();
            var resolve = resolver.RunRound();
            Console.Error.WriteLine($"round {rounds}: {Stopwatch.GetElapsedTime(t0).TotalMilliseconds:F1} ms{(resolve is null ? string.Empty : " (done)")}");
            if (resolve is not null)
            {
                outcome = new ResolveOutcome(resolve, rounds);
                break;
            }

            var t1 = Stopwatch.GetTimestamp();
            var before = registry.Statistics.Requests;
            await registry.LoadPendingAsync(CancellationToken.None);
            Console.Error.WriteLine($"load {rounds}: {Stopwatch.GetElapsedTime(t1).TotalMilliseconds:F1} ms, {registry.Statistics.Requests - before} requests");
        }
    }
    else
    {
        outcome = await ResolveDriver.ResolveAsync(registry, request, CancellationToken.None);
    }
    var elapsed = Stopwatch.GetElapsedTime(started);
    if (list)
    {
        foreach (var id in outcome.Resolve.Packages.Order())
        {
            Console.WriteLine($"{id.Name} {id.Version}");
        }
    }

    Console.Error.WriteLine(
        $"resolved {outcome.Resolve.Packages.Count()} packages in {outcome.Rounds} rounds, {elapsed.TotalMilliseconds:F1} ms; {registry.Statistics}");
    return 0;
}
catch (FerryException error)
{
    Console.Error.WriteLine($"error: {error.Message}");
    for (var cause = error.InnerException; cause is not null; cause = cause.InnerException)
    {
        Console.Error.WriteLine($"\nCaused by:\n  {cause.Message.Replace("\n", "\n  ")}");
    }

    return 101;
}
