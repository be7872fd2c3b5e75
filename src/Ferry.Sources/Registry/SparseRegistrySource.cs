using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Ferry.Core.Dependencies;
using Ferry.Core.Registry;
using Ferry.Core.Resolution;
using Ferry.Sources.Http;
using Ferry.Util.Diagnostics;
using Ferry.Util.IO;

namespace Ferry.Sources.Registry;

/// <summary>
/// A registry served over the sparse protocol (RFC 2789, Cargo's <c>HttpRegistry</c>): one index
/// file per crate at <c>INDEX/se/rd/serde</c>, plus <c>INDEX/config.json</c>.
/// </summary>
/// <remarks>
/// <para>
/// Loading. A query for a name that is not loaded answers pending; <see cref="LoadPendingAsync"/>
/// then fetches every pending file at once. <c>config.json</c> comes first (once per run: it says
/// whether requests need a token), then the files, concurrently over the session's kept-alive
/// connections. With <see cref="SourceOptions.Prefetch"/>, each loaded file's newest matching
/// version names the files the resolver will ask for next (its non-optional dependencies and
/// those its default or requested features enable), and they are fetched in the same call —
/// the whole graph usually arrives in one or two rounds instead of one round per level.
/// </para>
/// <para>
/// Caching. Every fetched file is kept under <c>$CARGO_HOME/registry/index/DIR/.cache/PATH</c>
/// (see <see cref="IndexCacheFile"/>) with its ETag or Last-Modified; the next run sends
/// <c>If-None-Match</c>/<c>If-Modified-Since</c> and reuses the copy on 304. As in Cargo, each file
/// is revalidated once per run; a query for a version a lockfile pinned is served from the cache
/// without asking the server when the cached file has it (Cargo's "query without update"); with
/// <c>--offline</c>/<c>--frozen</c>/<c>net.offline</c> only the cache is read and a file that is
/// not cached is simply absent, which the resolver reports with its offline hint.
/// </para>
/// <para>
/// Errors. 404, 410 and 451 mean "no such crate". Any other failure is recorded against the file
/// and thrown by the queries that need it (so the resolver's <c>failed to get `x` as a dependency
/// of ...</c> context lands on it, as in Cargo): <c>download of PATH failed</c> with Cargo's
/// <c>failed to get successful HTTP response</c> text, after <c>net.retry</c> retries of spurious
/// failures. Unparsable lines are skipped, as Cargo skips them.
/// </para>
/// </remarks>
internal sealed class SparseRegistrySource : IndexedRegistrySource
{
    private readonly Func<HttpSession> _http;
    private readonly RegistryCredentials _credentials;
    private readonly SourceStatistics _statistics;
    private readonly SourceOptions _options;
    private readonly bool _offline;
    private readonly Uri _indexUrl;
    private readonly Uri _origin;
    private readonly string _cacheRoot;
    private readonly string _crateCacheRoot;
    private readonly ConcurrentDictionary<string, FileState> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingName> _pending = new(StringComparer.Ordinal);

    // Cached copies of files being revalidated, posted as loads start (see Speculate).
    private readonly ConcurrentDictionary<string, IndexFile> _previews = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IndexFile> _speculated = new(StringComparer.Ordinal);
    private bool _speculating;

    // Replaying Cargo's schedule (see ResolveDriver): the files queries may see, and those asked
    // for this round. Null: every loaded file is seen.
    private HashSet<string>? _scheduleVisible;
    private readonly HashSet<string> _scheduleAsked = new(StringComparer.Ordinal);
    private bool _announced;
    private readonly Lock _configLock = new();
    private readonly PrefetchPlanner _planner;
    private Task<ConfigState>? _config;
    private Task<RegistryConfigJson?>? _downloadConfig;
    private volatile bool _authRequired;

    // The cached config.json (read when this run's config.json load starts) needs no token.
    private bool _cachedConfigOpen;
    private string? _token;

    public SparseRegistrySource(
        SourceResolution resolution,
        string cargoHome,
        Func<HttpSession> http,
        RegistryCredentials credentials,
        SourceStatistics statistics,
        SourceOptions options,
        bool offline)
        : base(resolution)
    {
        var url = resolution.Actual.Url.ToString();
        if (!url.EndsWith('/'))
        {
            throw new FerryException($"sparse registry url must end in a slash `/`: {url}");
        }

        _indexUrl = new Uri(url["sparse+".Length..]);
        _origin = new Uri(_indexUrl.GetLeftPart(UriPartial.Authority));
        var directory = RegistryDirectoryName.For(resolution.Actual);
        _cacheRoot = Path.Combine(cargoHome, "registry", "index", directory);
        _crateCacheRoot = Path.Combine(cargoHome, "registry", "cache", directory);
        _http = http;
        _credentials = credentials;
        _statistics = statistics;
        _options = options;
        _offline = offline;
        _planner = new PrefetchPlanner(resolution.Original);
    }

    public override bool HasPending => _pending.Count > 0;

    /// <summary>The run's HTTP session (created on first use).</summary>
    public HttpSession Http => _http();

    /// <summary>Whether this run may not use the network (<c>--offline</c>, <c>--frozen</c>, <c>net.offline</c>).</summary>
    public bool Offline => _offline;

    /// <summary>The directory holding this registry's cached index files.</summary>
    public string CacheRoot => _cacheRoot;

    /// <summary>Where a downloaded <c>.crate</c> of this registry is kept.</summary>
    public string CratePath(string name, Version version) => Path.Combine(_crateCacheRoot, $"{name}-{version}.crate");

    /// <summary>The URL a <c>.crate</c> is downloaded from (the <c>dl</c> of <c>config.json</c>, loaded if this run has not yet).</summary>
    public async Task<string> DownloadUrlAsync(string name, Version version, string checksum, CancellationToken cancellationToken)
    {
        var config = await ConfigAsync(cancellationToken).ConfigureAwait(false);
        if (config.Error is { } error)
        {
            throw error;
        }

        var json = config.Json ?? throw new FerryException("config.json not found");
        return CrateDownloadUrl.For(json.Dl, name, version.ToString(), checksum);
    }

    /// <summary>
    /// The request for a package's <c>.crate</c>. Its URL comes from <c>config.json</c>: the copy
    /// this run loaded, else the cached copy (as in Cargo, downloading alone does not revalidate the
    /// index, so a fetch with a warm cache prints no <c>Updating</c>), else a fresh one. The token
    /// goes along when the registry requires one, and only to the index's own origin.
    /// </summary>
    public async Task<HttpFetch> CrateFetchAsync(string name, Version version, string checksum, CancellationToken cancellationToken)
    {
        RegistryConfigJson json;
        Task<ConfigState>? loaded;
        lock (_configLock)
        {
            loaded = _config;
        }

        if (loaded is null && !_offline && await CachedDownloadConfigAsync(cancellationToken).ConfigureAwait(false) is { } cached)
        {
            json = cached;
        }
        else
        {
            var config = await ConfigAsync(cancellationToken).ConfigureAwait(false);
            if (config.Error is { } error)
            {
                throw error;
            }

            json = config.Json ?? throw new FerryException("config.json not found");
        }

        var url = CrateDownloadUrl.For(json.Dl, name, version.ToString(), checksum);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new FerryException($"invalid download URL `{url}` from the `dl` of {DisplayIndex}");
        }

        return new HttpFetch(uri, $"{name} v{version}", Authorization: json.AuthRequired || _authRequired ? _token : null, AuthorizedOrigin: _origin);
    }

    public override QueryResult Query(Dependency dependency)
    {
        var key = Key(dependency.PackageName);
        if (_scheduleVisible is { } visible && !visible.Contains(key) && !ServedFromCacheAtOnce(key, dependency))
        {
            // Cargo would be loading this file during this round: it counts from the next one.
            _scheduleAsked.Add(key);
            if (_files.ContainsKey(key))
            {
                return QueryResult.Pending;
            }
        }

        if (!_files.TryGetValue(key, out var state))
        {
            if (_speculating)
            {
                return Speculate(key, dependency);
            }

            var cacheFirst = !_offline && dependency.LockedVersion is not null;
            if (!cacheFirst || !File.Exists(Path.Combine(_cacheRoot, ".cache", IndexPath.For(key))))
            {
                Announce();
            }

            MarkPending(key, dependency, cacheFirst);
            return QueryResult.Pending;
        }

        if (state.Error is { } error)
        {
            throw IsReplaced ? new FerryException($"failed to query replaced source {SourceId}", error) : error;
        }

        if (state.File is null)
        {
            return QueryResult.Ready([]);
        }

        var matches = Matching(state.File, dependency);
        if (state.Revalidated || _offline)
        {
            return QueryResult.Ready(_offline ? OfflineCandidates(matches) : matches);
        }

        // Served from the cache without asking the server: good enough for a version a lockfile
        // pinned, if the cached file still has it; anything else needs the current file.
        if (dependency.LockedVersion is not null && matches.Exists(m => m.Status is IndexSummaryStatus.Candidate or IndexSummaryStatus.Yanked))
        {
            return QueryResult.Ready(matches);
        }

        if (_speculating)
        {
            return Speculate(key, dependency);
        }

        Announce();
        MarkPending(key, dependency, cacheFirst: false);
        return QueryResult.Pending;
    }

    public override void Speculate(bool on)
    {
        _speculating = on;
        if (on)
        {
            _speculated.Clear();
        }
    }

    public override bool CanSpeculate => !_previews.IsEmpty;

    public override void ReplayCargoSchedule(bool on)
    {
        _scheduleVisible = on && !_offline ? new HashSet<string>(StringComparer.Ordinal) : null;
        _scheduleAsked.Clear();
    }

    public override bool NextScheduledRound()
    {
        if (_scheduleVisible is not { } visible)
        {
            return false;
        }

        var added = false;
        foreach (var key in _scheduleAsked)
        {
            added |= visible.Add(key);
        }

        _scheduleAsked.Clear();
        return added;
    }

    // A locked version whose cached file has it is answered without the network, in Cargo too.
    private bool ServedFromCacheAtOnce(string key, Dependency dependency) =>
        dependency.LockedVersion is not null && _files.TryGetValue(key, out var state) && !state.Revalidated;

    /// <summary>Every cached copy a speculative round read has since been confirmed by the server (304: the very same file).</summary>
    public override bool SpeculationHeld
    {
        get
        {
            foreach (var (key, preview) in _speculated)
            {
                if (!_files.TryGetValue(key, out var state) || !ReferenceEquals(state.File, preview))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>A query while speculating, for a file not confirmed yet: its cached copy if a load has one in hand, else pending — with no side effect either way.</summary>
    private QueryResult Speculate(string key, Dependency dependency)
    {
        if (!_previews.TryGetValue(key, out var preview))
        {
            return QueryResult.Pending;
        }

        _speculated[key] = preview;
        return QueryResult.Ready(Matching(preview, dependency));
    }

    /// <summary>
    /// Prints <c>Updating `x` index</c> once per source instance, when a query first needs the
    /// network — at query time, as Cargo's fetch starts then (its status lines interleave with
    /// other sources' and a reloaded instance prints again).
    /// </summary>
    private void Announce()
    {
        if (_announced || _offline)
        {
            return;
        }

        _announced = true;
        _http().Status("Updating", DisplayIndex);
    }

    public override async Task LoadPendingAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var work = _pending.Values.ToList();
        _pending.Clear();
        var scheduled = new HashSet<string>(StringComparer.Ordinal);
        var events = Channel.CreateUnbounded<LoadEvent>(new UnboundedChannelOptions { SingleReader = true });
        var outstanding = 0;

        // Planning runs here, between events, so it sees every request made so far.
        void Schedule(PendingName item, bool force = false)
        {
            var more = _options.Prefetch ? _planner.Request(item.Key, item.Dependency) : [];
            if ((force || !_files.ContainsKey(item.Key)) && scheduled.Add(item.Key))
            {
                outstanding++;
                _ = LoadOneAsync(item, events.Writer, cancellationToken);
            }

            foreach (var next in more)
            {
                Prefetch(next, item.CacheFirst);
            }
        }

        void Prefetch(Dependency dependency, bool cacheFirst)
        {
            var key = Key(dependency.PackageName);
            if (!_files.ContainsKey(key) && !scheduled.Contains(key))
            {
                _statistics.AddPrefetched();
            }

            Schedule(new PendingName(key, dependency, cacheFirst, Prefetched: true));
        }

        foreach (var item in work)
        {
            Schedule(item, force: true);
        }

        while (outstanding > 0)
        {
            var (item, preview, state, crash) = await events.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            crash?.Throw();
            if (state is null)
            {
                // The cached copy while the server revalidates it: plan from it now, so the files
                // it leads to are requested in this wave rather than after this one's reply.
                if (_options.Prefetch)
                {
                    foreach (var next in _planner.Loaded(item.Key, preview, replace: false))
                    {
                        Prefetch(next, item.CacheFirst);
                    }
                }

                continue;
            }

            outstanding--;
            _files[item.Key] = state;
            _statistics.AddIndexFile();
            if (state.Error is not null)
            {
                continue;
            }

            if (state.File is null)
            {
                // Load the `-`/`_` spellings too, so "perhaps you meant" has something to offer.
                if (!item.Prefetched)
                {
                    foreach (var name in Permutations(item.Dependency.PackageName))
                    {
                        Schedule(new PendingName(Key(name), item.Dependency with { PackageName = name }, item.CacheFirst, Prefetched: true));
                    }
                }

                continue;
            }

            if (_options.Prefetch && !ReferenceEquals(state.File, preview))
            {
                foreach (var next in _planner.Loaded(item.Key, state.File, replace: preview is not null))
                {
                    Prefetch(next, item.CacheFirst);
                }
            }
        }

        // Every file is in _files now; the copies are only needed while loads are in flight.
        _previews.Clear();
    }

    protected override IndexFile? LoadedFile(string name) =>
        _files.TryGetValue(Key(name), out var state) ? state.File : null;

    private void MarkPending(string key, Dependency dependency, bool cacheFirst)
    {
        if (_pending.TryGetValue(key, out var existing))
        {
            if (existing.CacheFirst && !cacheFirst)
            {
                _pending[key] = existing with { CacheFirst = false };
            }

            return;
        }

        _pending[key] = new PendingName(key, dependency, cacheFirst, Prefetched: false);
    }

    /// <summary>Loads one file and posts its events: the cached copy first when the server is asked to revalidate it, then the outcome.</summary>
    private async Task LoadOneAsync(PendingName item, ChannelWriter<LoadEvent> events, CancellationToken cancellationToken)
    {
        IndexFile? preview = null;
        FileState state;
        try
        {
            state = await LoadStateAsync(item, file =>
            {
                preview = file;
                _previews[item.Key] = file;
                events.TryWrite(new LoadEvent(item, file, null));
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (FerryException error)
        {
            state = FileState.Failed(error);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            state = FileState.Failed(new FerryException($"failed to read the index cache of `{item.Dependency.PackageName}`", error));
        }
        catch (Exception error)
        {
            // Anything else (cancellation included) ends the whole load; the loop rethrows it.
            events.TryWrite(new LoadEvent(item, preview, null, ExceptionDispatchInfo.Capture(error)));
            return;
        }

        events.TryWrite(new LoadEvent(item, preview, state));
    }

    private async Task<FileState> LoadStateAsync(PendingName item, Action<IndexFile> preview, CancellationToken cancellationToken)
    {
        var path = IndexPath.For(item.Key);
        var cachePath = Path.Combine(_cacheRoot, ".cache", path);
        var cached = IndexCacheFile.Read(cachePath);
        var cachedFile = cached is null ? null : IndexFile.Parse(cached.Bytes, cached.BodyOffset, SourceId);
        if (_offline || item.CacheFirst)
        {
            if (cachedFile is not null)
            {
                _statistics.AddCacheHit();
                return FileState.Loaded(cachedFile, revalidated: _offline);
            }

            if (_offline)
            {
                return FileState.NotFound;
            }
        }

        if (cachedFile is not null)
        {
            preview(cachedFile);
        }

        // config.json says whether requests need a token. When its cached copy says they do not,
        // the file is requested alongside it instead of after it (one round trip less before the
        // first answer); the answer counts only once config.json has loaded and agreed.
        var configLoad = ConfigAsync(cancellationToken);
        var alongside = !configLoad.IsCompleted && _cachedConfigOpen && !_authRequired;
        if (!alongside && ConfigFailure(await configLoad.ConfigureAwait(false)) is { } failure)
        {
            return failure;
        }

        string? etag = null;
        string? lastModified = null;
        if (cached?.IndexVersion is { } version && version.IndexOf(':') is var colon and > 0)
        {
            var value = version[(colon + 1)..].Trim();
            switch (version[..colon])
            {
                case "etag":
                    etag = value;
                    break;
                case "last-modified":
                    lastModified = value;
                    break;
            }
        }

        var fetch = new HttpFetch(new Uri(_indexUrl, path), path, etag, lastModified, _authRequired ? _token : null, _origin);
        var result = await _http().GetAsync(fetch, cancellationToken).ConfigureAwait(false);
        if (alongside)
        {
            if (ConfigFailure(await configLoad.ConfigureAwait(false)) is { } lateFailure)
            {
                return lateFailure;
            }

            if (result.Status == 401 && _authRequired)
            {
                // The registry started requiring a token since its config.json was cached.
                result = await _http().GetAsync(fetch with { Authorization = _token }, cancellationToken).ConfigureAwait(false);
            }
        }

        switch (result.Status)
        {
            case 200:
                var indexVersion = result.ETag is { } newEtag ? $"etag: {newEtag}"
                    : result.LastModified is { } newModified ? $"last-modified: {newModified}"
                    : null;
                try
                {
                    await IndexCacheFile.WriteAsync(cachePath, indexVersion, result.Body, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    // A cache that cannot be written costs the next run a download, nothing more (Cargo ignores it too).
                }

                return FileState.Loaded(IndexFile.Parse(result.Body, SourceId), revalidated: true);
            case 304 when cachedFile is not null:
                return FileState.Loaded(cachedFile, revalidated: true);
            case 404 or 410 or 451:
                return FileState.NotFound;
            case 401:
                // Cargo's curl handle reports no address for this one.
                Exception unauthorized = new HttpNotSuccessfulException(401, result.Url, null, result.Body, result.Headers);
                return FileState.Failed(_authRequired ? _credentials.Rejected(Actual, unauthorized) : (FerryException)unauthorized);
            default:
                return FileState.Failed(new FerryException($"download of {path} failed", result.ToError()));
        }
    }

    /// <summary>What an index file's load ends with when config.json did not load (null: it did).</summary>
    private static FileState? ConfigFailure(ConfigState config) =>
        config.Error is { } error ? FileState.Failed(error)
        : config.Json is null ? FileState.NotFound
        : null;

    /// <summary>
    /// Offline, prefer versions whose archive is already downloaded; if none is, offer them all
    /// (Cargo's two-pass query: an unused optional dependency must still resolve).
    /// </summary>
    private List<IndexSummary> OfflineCandidates(List<IndexSummary> matches)
    {
        var downloaded = matches.FindAll(m => m.Status is IndexSummaryStatus.Candidate or IndexSummaryStatus.Yanked
            && File.Exists(CratePath(m.Summary.Name, m.Summary.Version)));
        return downloaded.Count > 0 ? downloaded : matches;
    }

    private Task<ConfigState> ConfigAsync(CancellationToken cancellationToken)
    {
        lock (_configLock)
        {
            return _config ??= LoadConfigAsync(cancellationToken);
        }
    }

    private async Task<ConfigState> LoadConfigAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(_cacheRoot, RegistryConfigJson.FileName);
        try
        {
            // A cached config.json that says auth-required saves the unauthenticated probe.
            var cachedJson = TryRead(path);
            if (_offline)
            {
                return new ConfigState(cachedJson is null ? null : TryParse(cachedJson), null);
            }

            var cached = cachedJson is null ? null : TryParse(cachedJson);
            if (cached is { AuthRequired: true })
            {
                _authRequired = true;
            }

            _cachedConfigOpen = cached is { AuthRequired: false };

            var http = _http();
            Announce();
            var result = await FetchConfigAsync(http, cancellationToken).ConfigureAwait(false);
            if (result.Status == 401 && !_authRequired)
            {
                _authRequired = true;
                result = await FetchConfigAsync(http, cancellationToken).ConfigureAwait(false);
            }

            switch (result.Status)
            {
                case 200:
                    // Cargo reports serde's message as it is, under "failed to query ... source".
                    var json = RegistryConfigJson.Parse(result.Body);

                    if (json.AuthRequired && !_authRequired)
                    {
                        _authRequired = true;
                        _token = _credentials.Token(Actual);
                    }

                    try
                    {
                        await AtomicWrite.WriteAsync(path, result.Body, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                    {
                    }

                    return new ConfigState(json, null);
                case 404 or 410 or 451:
                    // Cargo needs config.json before any index file (it says whether to send a token).
                    throw new FerryException("config.json not found in registry");
                case 401:
                    throw _credentials.Rejected(Actual, new HttpNotSuccessfulException(401, result.Url, null, result.Body, result.Headers));
                default:
                    throw new FerryException($"download of {RegistryConfigJson.FileName} failed", result.ToError());
            }
        }
        catch (FerryException error)
        {
            return new ConfigState(null, error);
        }
    }

    private async Task<HttpFetchResult> FetchConfigAsync(HttpSession http, CancellationToken cancellationToken)
    {
        if (_authRequired)
        {
            _token ??= _credentials.Token(Actual);
        }

        var fetch = new HttpFetch(new Uri(_indexUrl, RegistryConfigJson.FileName), RegistryConfigJson.FileName, Authorization: _authRequired ? _token : null, AuthorizedOrigin: _origin);
        return await http.GetAsync(fetch, cancellationToken).ConfigureAwait(false);
    }

    private Task<RegistryConfigJson?> CachedDownloadConfigAsync(CancellationToken cancellationToken)
    {
        lock (_configLock)
        {
            return _downloadConfig ??= LoadCachedDownloadConfigAsync(cancellationToken);
        }
    }

    private async Task<RegistryConfigJson?> LoadCachedDownloadConfigAsync(CancellationToken cancellationToken)
    {
        var bytes = TryRead(Path.Combine(_cacheRoot, RegistryConfigJson.FileName));
        var json = bytes is null ? null : TryParse(bytes);
        if (json is { AuthRequired: true })
        {
            _authRequired = true;
            _token ??= _credentials.Token(Actual);
        }

        return json;
    }

    private static RegistryConfigJson? TryParse(byte[] json)
    {
        try
        {
            return RegistryConfigJson.Parse(json);
        }
        catch (FerryException)
        {
            return null;
        }
    }

    private static byte[]? TryRead(string path)
    {
        try
        {
            return UnlockedFile.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A name to load, the dependency that asked for it (its requirement and features steer prefetching) and how.</summary>
    private sealed record PendingName(string Key, Dependency Dependency, bool CacheFirst, bool Prefetched);

    /// <summary>What a load reports: the cached copy seen before revalidation (<paramref name="State"/> null), the outcome (with that copy, if any), or an exception that ends the load.</summary>
    private sealed record LoadEvent(PendingName Item, IndexFile? Preview, FileState? State, ExceptionDispatchInfo? Crash = null);

    private sealed record ConfigState(RegistryConfigJson? Json, FerryException? Error);

    /// <summary>A loaded file (null: no such crate), whether the server confirmed it this run, or why it could not be loaded.</summary>
    private sealed record FileState(IndexFile? File, bool Revalidated, FerryException? Error)
    {
        public static FileState NotFound { get; } = new(null, true, null);

        public static FileState Loaded(IndexFile file, bool revalidated) => new(file, revalidated, null);

        public static FileState Failed(FerryException error) => new(null, true, error);
    }
}
