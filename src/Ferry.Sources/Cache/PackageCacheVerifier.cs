using System.Collections.Concurrent;
using Ferry.Core.Archive;
using Ferry.Core.Identity;
using Ferry.Core.Registry;
using Ferry.Core.Resolution;
using Ferry.Sources.Registry;
using Ferry.Util.Diagnostics;

namespace Ferry.Sources.Cache;

/// <summary>
/// <c>ferry verify</c>: re-checks the whole package cache of a Cargo home (every registry
/// directory under <c>registry/cache</c> and <c>registry/src</c>), under the package cache lock.
/// </summary>
/// <remarks>
/// <para>
/// An archive is checked against the checksum the caller knows from a lockfile, else the one the
/// cached index of its registry records; an archive neither knows is reported as unverifiable (not
/// a problem: the cache may hold packages of projects that are gone). A tree must have its ready
/// marker, match the digest recorded at extraction file by file, and — when its archive verified —
/// carry the digest that archive yields (<see cref="CacheVerifyOptions.CheckDigestsAgainstArchives"/>),
/// which catches a tree rewritten together with its digest. Temporary files and directories are
/// leftovers of killed processes.
/// </para>
/// <para>
/// Repair removes tampered archives (with the trees extracted from them) and leftovers, and
/// re-extracts every other bad tree from its verified archive, or removes it when there is none;
/// the next <c>fetch</c> downloads what was removed.
/// </para>
/// </remarks>
public static class PackageCacheVerifier
{
    /// <summary>
    /// The checksums a resolve (usually read from Cargo.lock) records, keyed by the cache entry they
    /// describe (<c>DIR/NAME-VERSION</c>, <c>DIR</c> being the directory of the registry that serves
    /// the package after <c>[source]</c> replacement).
    /// </summary>
    public static IReadOnlyDictionary<string, string> KnownChecksums(PackageRegistry registry, Resolve resolve)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(resolve);
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, checksum) in resolve.Checksums)
        {
            if (checksum is null || !id.Source.IsRegistry)
            {
                continue;
            }

            ISource source;
            try
            {
                source = registry.SourceFor(id);
            }
            catch (FerryException)
            {
                continue;
            }

            if (source is IndexedRegistrySource indexed)
            {
                known[Key(PackageCacheLayout.RegistryDirectory(indexed.Actual), PackageCacheLayout.PackageDirectory(id.Name, id.Version))] = checksum;
            }
        }

        return known;
    }

    public static async Task<CacheReport> VerifyAsync(
        PackageCacheLayout layout,
        IReadOnlyDictionary<string, string> lockfileChecksums,
        CacheVerifyOptions options,
        IShell shell,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(lockfileChecksums);
        ArgumentNullException.ThrowIfNull(options);
        using var cacheLock = await PackageCacheLock.AcquireAsync(layout, shell, cancellationToken).ConfigureAwait(false);
        var problems = new ConcurrentBag<CacheProblem>();
        var unverifiable = new ConcurrentBag<string>();
        var entries = new SortedDictionary<string, (string Directory, string Stem)>(StringComparer.Ordinal);
        var archives = 0;
        var trees = 0;

        foreach (var directory in Subdirectories(layout.CacheRoot))
        {
            var name = Path.GetFileName(directory);
            foreach (var file in new DirectoryInfo(directory).EnumerateFiles())
            {
                if (CrateFiles.IsTemporaryName(file.Name))
                {
                    problems.Add(Leftover(layout, file.FullName, "an unfinished download", options.Repair && CrateFiles.TryDelete(file.FullName)));
                }
                else if (file.Name.EndsWith(".crate", StringComparison.Ordinal))
                {
                    archives++;
                    entries[Key(name, file.Name[..^".crate".Length])] = (name, file.Name[..^".crate".Length]);
                }
            }
        }

        foreach (var directory in Subdirectories(layout.SourceRoot))
        {
            var name = Path.GetFileName(directory);
            foreach (var tree in new DirectoryInfo(directory).EnumerateDirectories())
            {
                if (tree.Name.StartsWith(CrateMarkers.TemporaryPrefix, StringComparison.Ordinal))
                {
                    problems.Add(Leftover(layout, tree.FullName, "an unfinished extraction", options.Repair && TryRemove(tree.FullName)));
                    continue;
                }

                trees++;
                entries[Key(name, tree.Name)] = (name, tree.Name);
            }
        }

        using var gate = new SemaphoreSlim(Math.Max(1, options.MaxParallelWork));
        var work = entries.Values.Select(entry => Task.Run(
            async () =>
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await VerifyEntryAsync(layout, entry.Directory, entry.Stem, lockfileChecksums, options, problems, unverifiable, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }
            },
            cancellationToken));
        await Task.WhenAll(work).ConfigureAwait(false);

        return new CacheReport(
            archives,
            trees,
            [.. problems.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Kind)],
            [.. unverifiable.Order(StringComparer.Ordinal)]);
    }

    private static async Task VerifyEntryAsync(
        PackageCacheLayout layout,
        string registryDirectory,
        string stem,
        IReadOnlyDictionary<string, string> lockfileChecksums,
        CacheVerifyOptions options,
        ConcurrentBag<CacheProblem> problems,
        ConcurrentBag<string> unverifiable,
        CancellationToken cancellationToken)
    {
        var crateFile = Path.Combine(layout.CacheRoot, registryDirectory, stem + ".crate");
        var tree = Path.Combine(layout.SourceRoot, registryDirectory, stem);
        var crateRelative = Relative(layout, crateFile);
        var treeRelative = Relative(layout, tree);

        // The archive, if there is one: its bytes are kept only when they verify.
        byte[]? verified = null;
        var bytes = CrateFiles.Read(crateFile);
        if (bytes is not null)
        {
            var actual = CrateFiles.Sha256(bytes);
            var expected = ExpectedChecksum(layout, registryDirectory, stem, lockfileChecksums, out var origin);
            if (expected is null)
            {
                unverifiable.Add(crateRelative);
            }
            else if (actual != expected)
            {
                string? repair = null;
                if (options.Repair)
                {
                    CrateFiles.TryDelete(crateFile);
                    var hadTree = Directory.Exists(tree);
                    CacheEntries.Remove(tree);
                    repair = hadTree ? "removed it and the sources extracted from it" : "removed it";
                }

                problems.Add(new CacheProblem(CacheProblemKind.TamperedArchive, crateRelative, $"sha256 {actual}, expected {expected} ({origin})", repair));
                return;
            }
            else
            {
                verified = bytes;
            }
        }

        if (!Directory.Exists(tree))
        {
            return;
        }

        (CacheProblemKind Kind, string Detail)? problem = null;
        if (!CrateMarkers.IsComplete(tree))
        {
            problem = (CacheProblemKind.PartialSources, "no ready marker: the extraction did not finish");
        }
        else
        {
            try
            {
                var verification = await TreeDigest.VerifyAsync(tree, cancellationToken).ConfigureAwait(false);
                if (!verification.IsIntact)
                {
                    problem = (CacheProblemKind.ModifiedSources, CacheEntries.Describe(verification));
                }
                else if (verified is not null && options.CheckDigestsAgainstArchives)
                {
                    using var stream = new MemoryStream(verified, writable: false);
                    var listing = await CrateArchiveReader.VerifyAsync(stream, stem, cancellationToken: cancellationToken).ConfigureAwait(false);
                    var recorded = TreeDigest.Parse(await File.ReadAllTextAsync(Path.Combine(tree, CrateMarkers.FerryDigest), cancellationToken).ConfigureAwait(false));
                    if (recorded.Value != listing.Digest.Value)
                    {
                        var differences = recorded.Compare(listing.Digest);
                        problem = (CacheProblemKind.ForeignSources, $"its files and recorded digest agree, but not with the verified archive ({CacheEntries.Describe(differences)})");
                    }
                }
            }
            catch (FerryException error)
            {
                problem = (CacheProblemKind.ModifiedSources, error.Message);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                problem = (CacheProblemKind.ModifiedSources, error.Message);
            }
        }

        if (problem is not { } found)
        {
            return;
        }

        string? repaired = null;
        if (options.Repair)
        {
            CacheEntries.Remove(tree);
            repaired = "removed it";
            if (verified is not null)
            {
                try
                {
                    using var stream = new MemoryStream(verified, writable: false);
                    await CrateArchiveReader.ExtractAsync(stream, stem, tree, new CrateExtractOptions { Umask = options.Umask }, cancellationToken).ConfigureAwait(false);
                    repaired = "extracted it again from the verified archive";
                }
                catch (FerryException)
                {
                    // The archive verified but does not extract here: leave it to fetch, which reports why.
                }
            }
        }

        problems.Add(new CacheProblem(found.Kind, treeRelative, found.Detail, repaired));
    }

    /// <summary>The lockfile's checksum, else the cached index's, else null.</summary>
    private static string? ExpectedChecksum(PackageCacheLayout layout, string registryDirectory, string stem, IReadOnlyDictionary<string, string> lockfileChecksums, out string origin)
    {
        if (lockfileChecksums.TryGetValue(Key(registryDirectory, stem), out var fromLock))
        {
            origin = "Cargo.lock";
            return fromLock;
        }

        origin = "the cached index";
        if (!SplitStem(stem, out var name, out var version))
        {
            return null;
        }

        var path = Path.Combine(layout.IndexRoot, registryDirectory, ".cache", IndexPath.For(name.ToLowerInvariant()));
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (IndexCacheFile.Decode(bytes) is not { } cached)
        {
            return null;
        }

        try
        {
            var file = IndexFile.Parse(cached.Bytes, cached.BodyOffset, SourceId.CratesIo);
            return file.Matching(v => v == version).FirstOrDefault(s => s.Summary.Name == name)?.Summary.Checksum;
        }
        catch (FerryException)
        {
            return null;
        }
    }

    /// <summary>
    /// <c>NAME-VERSION</c> → name and version. Names cannot contain <c>.</c> and every version does,
    /// so the version starts after the last <c>-</c> before the first <c>.</c>.
    /// </summary>
    internal static bool SplitStem(string stem, out string name, out Version version)
    {
        name = string.Empty;
        version = null!;
        var dot = stem.IndexOf('.', StringComparison.Ordinal);
        var dash = dot < 0 ? -1 : stem.LastIndexOf('-', dot);
        if (dash <= 0 || !Version.TryParse(stem[(dash + 1)..], out var parsed))
        {
            return false;
        }

        name = stem[..dash];
        version = parsed;
        return true;
    }

    private static CacheProblem Leftover(PackageCacheLayout layout, string path, string what, bool removed) =>
        new(CacheProblemKind.Leftover, Relative(layout, path), $"{what}, left by a process that was stopped", removed ? "removed it" : null);

    private static bool TryRemove(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static IEnumerable<string> Subdirectories(string root) =>
        Directory.Exists(root) ? Directory.GetDirectories(root).Order(StringComparer.Ordinal) : [];

    private static string Key(string registryDirectory, string stem) => registryDirectory + "/" + stem;

    private static string Relative(PackageCacheLayout layout, string path) =>
        Path.GetRelativePath(Path.Combine(layout.CargoHome, "registry"), path).Replace(Path.DirectorySeparatorChar, '/');
}
