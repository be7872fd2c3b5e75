using Ferry.Core.Configuration;
using Ferry.Core.Dependencies;
using Ferry.Core.Registry;
using Ferry.Core.Resolution;
using Ferry.Util.Diagnostics;

namespace Ferry.Sources.Registry;

/// <summary>
/// A <c>local-registry</c> source: <c>DIR/index/</c> laid out like a sparse index and the archives
/// as <c>DIR/NAME-VERSION.crate</c> (what <c>cargo local-registry</c> writes). Index files are read
/// from disk on first query, never pending: reading a small local file costs less than a resolver
/// round. Like Cargo (1.95), a version whose <c>.crate</c> is missing is still a candidate; only
/// the download fails.
/// </summary>
internal sealed class LocalRegistrySource : IndexedRegistrySource
{
    private readonly string _root;
    private readonly string _indexRoot;
    private readonly SourceStatistics _statistics;
    private readonly Dictionary<string, IndexFile?> _files = new(StringComparer.Ordinal);

    public LocalRegistrySource(SourceResolution resolution, SourceStatistics statistics)
        : base(resolution)
    {
        _root = resolution.Actual.LocalPath;
        _indexRoot = Path.Combine(_root, "index");
        _statistics = statistics;
    }

    public override bool HasPending => false;

    /// <summary>Where the archive of <paramref name="name"/> <paramref name="version"/> is (it may not exist).</summary>
    public string CratePath(string name, Version version) => Path.Combine(_root, $"{name}-{version}.crate");

    public override void Update()
    {
        if (!Directory.Exists(_root))
        {
            throw new FerryException($"local registry path is not a directory: {_root}");
        }

        if (!Directory.Exists(_indexRoot))
        {
            throw new FerryException($"local registry index path is not a directory: {_indexRoot}");
        }
    }

    public override QueryResult Query(Dependency dependency) =>
        LoadedFile(dependency.PackageName) is { } file ? QueryResult.Ready(Matching(file, dependency)) : QueryResult.Ready([]);

    public override Task LoadPendingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override IndexFile? LoadedFile(string name)
    {
        var key = Key(name);
        if (_files.TryGetValue(key, out var file))
        {
            return file;
        }

        byte[]? bytes;
        try
        {
            bytes = File.ReadAllBytes(Path.Combine(_indexRoot, IndexPath.For(key)));
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            bytes = null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            var path = Path.Combine(_indexRoot, IndexPath.For(key));
            throw new FerryException($"failed to read `{path}`", IoErrors.Describe(error, path));
        }

        file = bytes is null ? null : IndexFile.Parse(bytes, SourceId);
        _statistics.AddIndexFile();
        _files[key] = file;
        return file;
    }
}
