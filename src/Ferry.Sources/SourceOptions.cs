namespace Ferry.Sources;

/// <summary>
/// Knobs of the sources layer that are not Cargo configuration: how hard to hit a server, and
/// seams for tests (retry delays, timeouts) so a test of three retries does not sleep for ten
/// seconds. <see cref="Default"/> is what commands use.
/// </summary>
public sealed record SourceOptions
{
    public static SourceOptions Default { get; } = new();

    /// <summary>Index files fetched at once (per run, all registries together).</summary>
    public int MaxParallelRequests { get; init; } = 16;

    /// <summary>
    /// Connections per server: two, as Cargo sets curl's <c>max_host_connections</c> ("let's not
    /// flood the server"). Over HTTP/2 the requests share them as streams; over HTTP/1.1 two keep
    /// a server busy without the extra threads or processes each further connection costs it (a
    /// warm resolve of the 256-package project against the Python test server: 16 connections
    /// 70 ms, 4 connections 65 ms, 2 connections 52 ms).
    /// </summary>
    public int MaxConnectionsPerServer { get; init; } = 2;

    /// <summary>Replaces Cargo's back-off (0.5–1.5 s, then 3.5 s, 6.5 s ...) with a fixed delay; for tests.</summary>
    public TimeSpan? FixedRetryDelay { get; init; }

    /// <summary>Replaces <c>http.timeout</c>; for tests of slow servers.</summary>
    public TimeSpan? TimeoutOverride { get; init; }

    /// <summary>
    /// While loading an index file, also fetch the index files of the dependencies its newest
    /// matching version needs (non-optional, or enabled by its default features), instead of
    /// waiting for the resolver to ask for them one round later. Saves most resolver rounds;
    /// costs a request for the rare dependency the resolver ends up not needing.
    /// </summary>
    public bool Prefetch { get; init; } = true;
}
