namespace Ferry.Sources;

/// <summary>
/// Counters for one run, for benchmarks and tests that must prove a cache was used (a second run
/// that sends conditional requests and gets 304s) or that a round loaded in parallel.
/// </summary>
public sealed class SourceStatistics
{
    private long _requests;
    private long _notModified;
    private long _bytesReceived;
    private long _retries;
    private long _cacheHits;
    private long _indexFilesLoaded;
    private long _prefetched;
    private long _speculationsKept;
    private long _speculationsDropped;

    /// <summary>HTTP requests sent (each attempt counts).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Responses that said the cached copy is current (304).</summary>
    public long NotModified => Interlocked.Read(ref _notModified);

    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>Attempts repeated after a spurious failure.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Index files served from the on-disk cache without asking the server (offline, or locked).</summary>
    public long CacheHits => Interlocked.Read(ref _cacheHits);

    /// <summary>Index files loaded, whichever way.</summary>
    public long IndexFilesLoaded => Interlocked.Read(ref _indexFilesLoaded);

    /// <summary>Index files loaded because a loaded file's newest version needed them, before the resolver asked.</summary>
    public long Prefetched => Interlocked.Read(ref _prefetched);

    /// <summary>Resolver rounds run on cached index files during their revalidation whose result was kept (see <see cref="ResolveDriver"/>).</summary>
    public long SpeculationsKept => Interlocked.Read(ref _speculationsKept);

    /// <summary>Such rounds dropped: they needed a file not at hand, failed, or read a file the server then changed.</summary>
    public long SpeculationsDropped => Interlocked.Read(ref _speculationsDropped);

    internal void AddSpeculation(bool kept) => Interlocked.Increment(ref kept ? ref _speculationsKept : ref _speculationsDropped);

    internal void AddRequest() => Interlocked.Increment(ref _requests);

    internal void AddNotModified() => Interlocked.Increment(ref _notModified);

    internal void AddBytes(long count) => Interlocked.Add(ref _bytesReceived, count);

    internal void AddRetry() => Interlocked.Increment(ref _retries);

    internal void AddCacheHit() => Interlocked.Increment(ref _cacheHits);

    internal void AddIndexFile() => Interlocked.Increment(ref _indexFilesLoaded);

    internal void AddPrefetched() => Interlocked.Increment(ref _prefetched);

    public override string ToString() =>
        $"{Requests} requests ({NotModified} not modified, {Retries} retries), {BytesReceived} bytes, {IndexFilesLoaded} index files ({CacheHits} from cache, {Prefetched} prefetched), speculative rounds {SpeculationsKept} kept, {SpeculationsDropped} dropped";
}
