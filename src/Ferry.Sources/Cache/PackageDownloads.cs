using System.Collections.Concurrent;
using System.Diagnostics;
using Ferry.Core.Archive;
using Ferry.Core.Configuration;
using Ferry.Core.Identity;
using Ferry.Sources.Http;
using Ferry.Sources.Local;
using Ferry.Sources.Registry;
using Ferry.Util.Diagnostics;
using Ferry.Util.Text;

namespace Ferry.Sources.Cache;

/// <summary>
/// Makes every requested package readable on disk (Cargo's <c>Downloads</c>): registry packages
/// are downloaded in parallel over the run's HTTP session, verified, stored and extracted; what is
/// already in the cache is checked and reused; path and vendored packages are just located.
/// </summary>
/// <remarks>
/// <para>
/// Per registry package, in this order (the cache lock is held by the caller):
/// </para>
/// <list type="number">
/// <item>A cached <c>.crate</c> is re-hashed. If it no longer matches the checksum (which the
/// resolve has already checked index against lockfile), it was modified after it was stored: a
/// warning says so, it is deleted, and the package is downloaded and extracted afresh.</item>
/// <item>An extracted tree with the ready marker is checked against the digest recorded at
/// extraction (<see cref="PackageDownloadOptions.VerifyExtracted"/>); intact, it is reused.
/// Otherwise a warning names what changed and it is extracted again from the verified archive.</item>
/// <item>A download's SHA-256 is compared with the checksum before anything is written; a
/// mismatch is a hard error naming the package and both sums, and nothing is kept.</item>
/// <item>Extraction goes through <see cref="CrateArchiveReader.ExtractAsync"/> (temporary
/// directory, markers last, one rename), from the same bytes that were hashed.</item>
/// </list>
/// <para>
/// Concurrency: downloads are bounded by the session's gate (and its per-server connections,
/// kept alive); hashing, verification and extraction by <see cref="PackageDownloadOptions.MaxParallelWork"/>.
/// The first failure cancels everything else and is the one reported, as in Cargo.
/// </para>
/// <para>
/// Output (stderr) is Cargo's: without a progress bar, <c>Downloading crates ...</c> before the
/// first request and <c>Downloaded NAME vVERSION (SOURCE)</c> as each response arrives; with a bar
/// (a terminal), the bar counts packages and shows what is in flight, and a summary
/// <c>Downloaded N crates (SIZE) in TIME</c> follows. Local registries print <c>Unpacking</c>.
/// </para>
/// </remarks>
internal sealed class PackageDownloads
{
    // Cargo warns the user before extracting a big archive (its bar then says "extracting NAME").
    private const long ExtractingNoticeBytes = 400 * 1024;

    private readonly PackageRegistry _registry;
    private readonly PackageCacheLayout _layout;
    private readonly PackageDownloadOptions _options;
    private readonly IShell _shell;
    private readonly ProgressLine _progress;
    private readonly SemaphoreSlim _work;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<PackageId, (long Received, long? Declared)> _inFlight = new();
    private readonly ConcurrentDictionary<string, Lazy<bool>> _swept = new(StringComparer.Ordinal);
    private bool _announced;
    private int _total;
    private int _done;
    private int _downloads;
    private long _downloadedBytes;
    private (long Size, string Name)? _largest;

    public PackageDownloads(PackageRegistry registry, PackageCacheLayout layout, PackageDownloadOptions options)
    {
        _registry = registry;
        _layout = layout;
        _options = options;
        var gctx = registry.SourceConfig.Context;
        _shell = gctx.Shell;
        _progress = CreateProgress(gctx);
        _work = new SemaphoreSlim(Math.Max(1, options.MaxParallelWork));
    }

    /// <summary>Packages downloaded over the network this run.</summary>
    public int Downloaded => _downloads;

    public async Task<Dictionary<PackageId, PackageSource>> RunAsync(IReadOnlyList<(PackageId Id, string? Checksum)> packages, CancellationToken cancellationToken)
    {
        var result = new Dictionary<PackageId, PackageSource>();
        var work = new List<(PackageId Id, string Checksum, IndexedRegistrySource Source)>();
        foreach (var (id, checksum) in packages)
        {
            switch (_registry.SourceFor(id))
            {
                case PathSource:
                    result[id] = new PackageSource(id, PackageSourceKind.Path, id.Source.LocalPath, null, null);
                    break;
                case DirectorySource directory:
                    var found = directory.Find(id) ?? throw new FerryException($"failed to find entry for `{id}` in directory source");
                    result[id] = new PackageSource(id, PackageSourceKind.Vendored, found.Directory, null, checksum);
                    break;
                case Git.GitSource git:
                    var root = git.Find(id) ?? throw new FerryException($"failed to find `{id}` in {git.Describe()}");
                    result[id] = new PackageSource(id, PackageSourceKind.Git, root, null, null);
                    break;
                case IndexedRegistrySource registry:
                    work.Add((id, checksum ?? throw new FerryException($"package `{id}` has no checksum in the resolve; a registry package always has one"), registry));
                    break;
                default:
                    throw new FerryException($"cannot download `{id}`: its source is not supported yet");
            }
        }

        _total = work.Count;

        // Packages verified by an earlier run and untouched since (see VerifiedStamp) need no
        // worker. Their stamps are checked here, on every core at once: a no-op build of a large
        // project stats ~7,000 paths, which is most of the time it spends outside the compiler.
        if (_options.VerifyExtracted && work.Count > 0)
        {
            // The package directory of each reusable package; null where the stamp did not match.
            var reusable = new string?[work.Count];
            Parallel.For(
                0,
                work.Count,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxParallelWork) },
                i =>
                {
                    var directory = _layout.SourceDirectory(work[i].Source.Actual, work[i].Id.Name, work[i].Id.Version);
                    // Only a complete tree is ever stamped, and its marker is one of the paths the
                    // stamp lists: a match implies CrateMarkers.IsComplete without reading it.
                    reusable[i] = VerifiedStamp.Matches(VerifiedStamp.PathFor(_layout, directory), shapeOnly: _options.DeferContentCheck) ? directory : null;
                });
            var remaining = new List<(PackageId Id, string Checksum, IndexedRegistrySource Source)>(work.Count);
            for (var i = 0; i < work.Count; i++)
            {
                var item = work[i];
                if (reusable[i] is not { } directory)
                {
                    remaining.Add(item);
                    continue;
                }

                result[item.Id] = new PackageSource(item.Id, PackageSourceKind.Registry, directory, CrateFileFor(item.Id, item.Source), item.Checksum);
                _done++;
            }

            work = remaining;
        }

        if (work.Count == 0)
        {
            return result;
        }

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? first = null;
        async Task<PackageSource> RunOne((PackageId Id, string Checksum, IndexedRegistrySource Source) item)
        {
            try
            {
                return await EnsureAsync(item.Id, item.Checksum, item.Source, failed.Token).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException || !failed.IsCancellationRequested)
            {
                if (Interlocked.CompareExchange(ref first, error, null) is null)
                {
                    failed.Cancel();
                }

                throw;
            }
        }

        // Each package on a worker thread: hashing, verifying and extracting are synchronous I/O.
        var tasks = work.Select(item => Task.Run(() => RunOne(item), CancellationToken.None)).ToList();
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch when (first is not null)
        {
            _progress.Clear();
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }
        catch
        {
            _progress.Clear();
            throw;
        }

        foreach (var task in tasks)
        {
            var source = task.Result;
            result[source.Id] = source;
        }

        PrintSummary();
        return result;
    }

    private static ProgressLine CreateProgress(GlobalContext gctx)
    {
        ProgressConfig config;
        try
        {
            config = gctx.Term.Progress ?? ProgressConfig.Default;
        }
        catch (FerryException)
        {
            config = ProgressConfig.Default;
        }

        var suppressed = gctx.Environment.Get("TERM") == "dumb" || gctx.Environment.Get("CI") is not null;
        var width = config.Width is { } w ? (int)Math.Min(w, int.MaxValue) : (int?)null;
        return ProgressLine.Create(gctx.Shell, "Downloading", ProgressStyle.Ratio, config.When, width, suppressed);
    }

    private async Task<PackageSource> EnsureAsync(PackageId id, string checksum, IndexedRegistrySource source, CancellationToken cancellationToken)
    {
        var actual = source.Actual;
        var replaced = new PackageId(id.Name, id.Version, actual);
        var directory = _layout.SourceDirectory(actual, id.Name, id.Version);
        var sparse = source as SparseRegistrySource;
        var crateFile = CrateFileFor(id, source);
        SweepOnce(sparse is not null ? Path.GetDirectoryName(crateFile)! : null, Path.GetDirectoryName(directory)!);

        byte[]? bytes = null;
        var crateVerified = false;
        var reextract = false;
        var stampFile = VerifiedStamp.PathFor(_layout, directory);
        await _work.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Verified in full by an earlier run and untouched since (see VerifiedStamp).
            if (_options.VerifyExtracted && CrateMarkers.IsComplete(directory) && VerifiedStamp.Matches(stampFile))
            {
                Finished();
                return new PackageSource(id, PackageSourceKind.Registry, directory, crateFile, checksum);
            }

            VerifiedStamp.Delete(stampFile);
            var captured = _options.VerifyExtracted && CrateMarkers.IsComplete(directory) ? VerifiedStamp.Capture(directory, crateFile) : null;
            if (sparse is not null)
            {
                var cached = CrateFiles.Hash(crateFile);
                if (cached is not null && cached != checksum)
                {
                    _shell.Warn(
                        $"the cached archive of `{replaced}` does not match its checksum; it was modified after it was downloaded\n"
                        + $"expected: {checksum}\nactual:   {cached}\n"
                        + $"removing `{crateFile}` and the sources extracted from it, then downloading it again");
                    CrateFiles.TryDelete(crateFile);
                    reextract = true;
                }

                crateVerified = cached == checksum;
            }

            if (!reextract && CrateMarkers.IsComplete(directory))
            {
                var problem = _options.VerifyExtracted ? await TreeProblemAsync(directory, cancellationToken).ConfigureAwait(false) : null;
                if (problem is null)
                {
                    if (sparse is null || crateVerified)
                    {
                        VerifiedStamp.Save(stampFile, captured);
                        Finished();
                        return new PackageSource(id, PackageSourceKind.Registry, directory, crateFile, checksum);
                    }
                }
                else
                {
                    _shell.Warn($"the extracted sources of `{replaced}` were modified after extraction ({problem}); extracting them again from the verified archive");
                    reextract = true;
                }
            }
            else
            {
                reextract = true;
            }

            if (sparse is null)
            {
                // A local registry: the archive is the registry's own file.
                _shell.Status("Unpacking", replaced.ToString());

                bytes = ReadLocal(id, replaced, crateFile, checksum, source);
            }
            else if (crateVerified)
            {
                // Read again for extraction, and hash what was read: the file is outside this
                // process and may have changed since it was hashed.
                bytes = CrateFiles.Read(crateFile);
                if (bytes is null || CrateFiles.Sha256(bytes) != checksum)
                {
                    bytes = null;
                    crateVerified = false;
                }
            }
        }
        finally
        {
            _work.Release();
        }

        var downloaded = false;
        if (bytes is null)
        {
            bytes = await DownloadAsync(id, replaced, checksum, sparse!, cancellationToken).ConfigureAwait(false);
            downloaded = true;
        }

        await _work.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (reextract)
            {
                if (bytes.Length >= ExtractingNoticeBytes)
                {
                    TickNow($", extracting {id.Name} ...");
                }

                await ExtractAsync(id, replaced, checksum, bytes, directory, source, fromDownloadCall: !downloaded, cancellationToken).ConfigureAwait(false);
            }

            // Stored only once it extracted: an authentic archive that breaks the archive rules
            // leaves nothing behind. A crash in between costs a download, never trust.
            if (downloaded)
            {
                Store(crateFile, bytes);
            }
        }
        finally
        {
            _work.Release();
        }

        Finished();
        return new PackageSource(id, PackageSourceKind.Registry, directory, crateFile, checksum);
    }

    private string CrateFileFor(PackageId id, IndexedRegistrySource source) =>
        source is SparseRegistrySource
            ? _layout.CrateFile(source.Actual, id.Name, id.Version)
            : ((LocalRegistrySource)source).CratePath(id.Name, id.Version);

    private static void Store(string crateFile, byte[] bytes)
    {
        try
        {
            CrateFiles.Store(crateFile, bytes);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new FerryException($"failed to write `{crateFile}`", IoErrors.Describe(error, crateFile));
        }
    }

    private static byte[] ReadLocal(PackageId id, PackageId replaced, string crateFile, string checksum, IndexedRegistrySource source)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(crateFile);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw DownloadCallError(id, source, new FerryException($"failed to open: {crateFile}", IoErrors.Describe(error, crateFile)));
        }

        var actual = CrateFiles.Sha256(bytes);
        if (actual != checksum)
        {
            throw DownloadCallError(id, source, ChecksumMismatch(replaced, checksum, actual, "the local registry's file"));
        }

        return bytes;
    }

    private async Task<byte[]> DownloadAsync(PackageId id, PackageId replaced, string checksum, SparseRegistrySource sparse, CancellationToken cancellationToken)
    {
        if (sparse.Offline)
        {
            var flag = _registry.OfflineFlag ?? "--offline";
            throw new FerryException($"failed to download `{id}`", new FerryException($"attempting to make an HTTP request, but {flag} was specified"));
        }

        var fetch = await sparse.CrateFetchAsync(id.Name, id.Version, checksum, cancellationToken).ConfigureAwait(false);
        var http = sparse.Http;
        Announce();
        _inFlight[id] = (0, null);
        TickNow(string.Empty);
        HttpFetchResult result;
        try
        {
            result = await http.GetAsync(
                fetch with
                {
                    MaxBodyBytes = _options.MaxCrateBytes,
                    Progress = (received, declared) =>
                    {
                        _inFlight[id] = (received, declared);
                        Tick();
                    },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (FerryException error) when (error.InnerException is FerryException { Message: var message } inner && message.StartsWith("failed to download from", StringComparison.Ordinal))
        {
            // The session words transport failures for index files ("download of PATH failed");
            // for a package Cargo starts at "failed to download from `URL`".
            throw inner;
        }
        finally
        {
            _inFlight.TryRemove(id, out _);
        }

        if (result.Status != 200)
        {
            throw new FerryException($"failed to download from `{fetch.Url}`", result.ToError());
        }

        var body = result.Body;
        lock (_lock)
        {
            _downloads++;
            _downloadedBytes += body.Length;
            if (_largest is null || body.Length > _largest.Value.Size)
            {
                _largest = (body.Length, id.Name);
            }
        }

        http.Status("Downloaded", replaced.ToString());
        var actual = CrateFiles.Sha256(body);
        if (actual != checksum)
        {
            throw ReplacedSourceError(sparse, ChecksumMismatch(replaced, checksum, actual, "the download; it was not stored"));
        }

        return body;
    }

    /// <param name="fromDownloadCall">
    /// The archive was already on disk (a cached or local-registry file): Cargo reports such
    /// failures from <c>Source::download</c>, with its <c>failed to download `ID`</c> context.
    /// </param>
    private async Task ExtractAsync(PackageId id, PackageId replaced, string checksum, byte[] bytes, string directory, IndexedRegistrySource source, bool fromDownloadCall, CancellationToken cancellationToken)
    {
        // A complete tree that failed verification would be kept by the extractor (it reuses what
        // another process finished): move it out of the way first, under a sweepable name.
        if (Directory.Exists(directory))
        {
            CacheEntries.Remove(directory);
        }

        CrateExtraction extraction;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            extraction = await CrateArchiveReader.ExtractAsync(
                stream,
                CachePackageRoot(id),
                directory,
                new CrateExtractOptions { Limits = _options.Limits, Umask = _options.Umask },
                cancellationToken).ConfigureAwait(false);
        }
        catch (FerryException error)
        {
            var unpack = new FerryException($"failed to unpack package `{replaced}`", error);
            throw fromDownloadCall ? DownloadCallError(id, source, unpack) : ReplacedSourceError(source, unpack);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            var unpack = new FerryException($"failed to unpack package `{replaced}`", IoErrors.Describe(error, directory));
            throw fromDownloadCall ? DownloadCallError(id, source, unpack) : ReplacedSourceError(source, unpack);
        }

        // The extractor hashed the same bytes; a difference would be a bug, not an attack.
        if (extraction.Listing.Sha256 != checksum)
        {
            throw new InvalidOperationException($"the archive of {id} hashed differently while extracting");
        }
    }

    private static string CachePackageRoot(PackageId id) => PackageCacheLayout.PackageDirectory(id.Name, id.Version);

    /// <summary>What is wrong with an extracted tree, in a few words, or null when it matches its digest.</summary>
    private static async Task<string?> TreeProblemAsync(string directory, CancellationToken cancellationToken)
    {
        try
        {
            var verification = await TreeDigest.VerifyAsync(directory, cancellationToken).ConfigureAwait(false);
            return verification.IsIntact ? null : CacheEntries.Describe(verification);
        }
        catch (FerryException error)
        {
            return error.Message;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return error.Message;
        }
    }

    /// <summary>
    /// Cargo's text, plus the two sums (Cargo prints none): which file was expected and which arrived.
    /// </summary>
    public static FerryException ChecksumMismatch(PackageId replaced, string expected, string actual, string what) =>
        new($"failed to verify the checksum of `{replaced}`\nexpected: {expected} (the registry index and Cargo.lock)\nactual:   {actual} ({what})");

    /// <summary>Cargo's context for failures inside a replaced source's download.</summary>
    private static FerryException ReplacedSourceError(IndexedRegistrySource source, FerryException error) =>
        PackageRegistry.DownloadError(source, error);

    /// <summary>Cargo's context for failures of <c>Source::download</c> (the archive was already on disk).</summary>
    private static FerryException DownloadCallError(PackageId id, IndexedRegistrySource source, FerryException error) =>
        new($"failed to download `{id}`", new FerryException("unable to get packages from source", ReplacedSourceError(source, error)));

    // Leftovers of killed runs are removed once per directory, and every worker waits until that
    // is over: a sweep still running when another worker creates its temporary directory would
    // take that directory for a leftover and delete it mid-extraction.
    private void SweepOnce(string? cacheDirectory, string sourceDirectory)
    {
        if (cacheDirectory is not null)
        {
            _ = _swept.GetOrAdd(cacheDirectory, directory => new Lazy<bool>(() =>
            {
                CrateFiles.SweepTemporaryFiles(directory);
                return true;
            })).Value;
        }

        _ = _swept.GetOrAdd(sourceDirectory, directory => new Lazy<bool>(() =>
        {
            CrateArchiveReader.SweepTemporaryDirectories(directory, TimeSpan.Zero);
            return true;
        })).Value;
    }

    private void Announce()
    {
        lock (_lock)
        {
            if (_announced)
            {
                return;
            }

            _announced = true;
        }

        if (!_progress.IsEnabled)
        {
            _shell.Status("Downloading", "crates ...");
        }
    }

    private void Finished()
    {
        Interlocked.Increment(ref _done);
        TickNow(string.Empty);
    }

    private void Tick()
    {
        if (_progress.IsEnabled && _progress.UpdateAllowed())
        {
            _progress.TickNow(Volatile.Read(ref _done), _total, Message(string.Empty));
        }
    }

    private void TickNow(string suffix)
    {
        if (_progress.IsEnabled)
        {
            _progress.TickNow(Volatile.Read(ref _done), _total, Message(suffix));
        }
    }

    private string Message(string suffix)
    {
        var pending = _inFlight.Count;
        var text = pending == 1 ? ": 1 crate" : $": {pending} crates";
        if (suffix.Length > 0)
        {
            return text + suffix;
        }

        long remaining = 0;
        foreach (var (received, declared) in _inFlight.Values)
        {
            if (declared is { } length && length > received)
            {
                remaining += length - received;
            }
        }

        return remaining > 0 ? $"{text}, remaining bytes: {HumanBytes.Format(remaining)}" : text;
    }

    private void PrintSummary()
    {
        if (!_progress.IsEnabled || _downloads == 0)
        {
            return;
        }

        var text = $"{_downloads} {(_downloads == 1 ? "crate" : "crates")} ({HumanBytes.Format(_downloadedBytes)}) in {HumanBytes.Elapsed(_clock.Elapsed)}";
        if (_largest is { } largest && largest.Size > 1024 * 1024 && _downloads > 1)
        {
            text += $" (largest was `{largest.Name}` at {HumanBytes.Format(largest.Size)})";
        }

        _progress.Clear();
        _shell.Status("Downloaded", text);
    }
}
