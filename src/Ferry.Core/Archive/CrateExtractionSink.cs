using System.Globalization;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Archive;

/// <summary>
/// Writes validated entries under a fresh temporary directory. Files are created with
/// <see cref="FileMode.CreateNew"/> (never opening or following anything that already exists)
/// and owner-only permissions while in progress; final modes and mtimes are applied once the
/// content is complete. Directories keep owner rwx throughout so later entries, the marker files
/// and clean-up can always write into them — Cargo's tar crate defers directory modes for the
/// same reason.
/// </summary>
internal sealed class CrateExtractionSink : ICrateEntrySink, IAsyncDisposable
{
    private const int OwnerReadWrite = 0b110_000_000;
    private const int OwnerAll = 0b111_000_000;
    private const int AllPermissions = 0b111_111_111;

    private readonly string _root;
    private readonly int _umask;
    private readonly HashSet<string> _created = new(StringComparer.Ordinal) { string.Empty };
    private readonly Dictionary<string, (int Mode, long ModifiedTime)> _explicitDirectories = new(StringComparer.Ordinal);
    private FileStream? _file;
    private string _filePath = string.Empty;
    private string _fileRelative = string.Empty;
    private int _fileMode;
    private long _fileModifiedTime;

    public CrateExtractionSink(string root, int umask)
    {
        _root = Path.GetFullPath(root);
        _umask = umask & AllPermissions;
    }

    public ValueTask DirectoryAsync(string path, int mode, long modifiedTime, CancellationToken cancellationToken)
    {
        EnsureDirectory(path);
        _explicitDirectories[path] = (mode, modifiedTime);
        return ValueTask.CompletedTask;
    }

    public ValueTask BeginFileAsync(string path, int mode, long modifiedTime, long size, CancellationToken cancellationToken)
    {
        var slash = path.LastIndexOf('/');
        EnsureDirectory(slash < 0 ? string.Empty : path[..slash]);
        var full = Map(path);
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = (UnixFileMode)OwnerReadWrite;
        }

        try
        {
            _file = new FileStream(full, options);
        }
        catch (IOException e) when (File.Exists(full) || Directory.Exists(full))
        {
            throw Collision(path, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failed(path, e);
        }

        _filePath = full;
        _fileRelative = path;
        _fileMode = mode;
        _fileModifiedTime = modifiedTime;
        return ValueTask.CompletedTask;
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        try
        {
            await _file!.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw Failed(_fileRelative, e);
        }
    }

    public async ValueTask EndFileAsync(CancellationToken cancellationToken)
    {
        var file = _file!;
        _file = null;
        try
        {
            await using (file.ConfigureAwait(false))
            {
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(file.SafeFileHandle, (UnixFileMode)((_fileMode & AllPermissions & ~_umask) | OwnerReadWrite));
                }

                File.SetLastWriteTimeUtc(file.SafeFileHandle, Time(_fileModifiedTime));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failed(_fileRelative, e);
        }
    }

    /// <summary>Applies directory modes (umask applied, owner rwx kept) and the archive's directory mtimes.</summary>
    public void Finish()
    {
        foreach (var directory in _created)
        {
            var explicitMode = _explicitDirectories.TryGetValue(directory, out var entry) ? entry.Mode : AllPermissions;
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Map(directory), (UnixFileMode)((explicitMode & AllPermissions & ~_umask) | OwnerAll));
            }
        }

        foreach (var (directory, entry) in _explicitDirectories)
        {
            Directory.SetLastWriteTimeUtc(Map(directory), Time(entry.ModifiedTime));
        }
    }

    /// <summary>Writes one of the marker files at the package root.</summary>
    public async Task WriteMarkerAsync(string name, string contents, CancellationToken cancellationToken)
    {
        var full = Map(name);
        await File.WriteAllTextAsync(full, contents, cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(full, (UnixFileMode)((0b110_100_100 & ~_umask) | OwnerReadWrite));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is { } file)
        {
            _file = null;
            await file.DisposeAsync().ConfigureAwait(false);
        }
    }

    // Cargo's tar crate turns an mtime of 0 into 1 (some tools mishandle the epoch itself).
    private static DateTime Time(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds == 0 ? 1 : seconds).UtcDateTime;

    private static CrateArchiveException Collision(string path, Exception cause) => new(
        $"invalid tarball: entry {ArchiveText.Quote(path)} collides with an earlier entry on this file system (do two names differ only in case or Unicode normalisation?)",
        cause);

    private static FerryException Failed(string path, Exception cause) => new(
        string.Create(CultureInfo.InvariantCulture, $"failed to unpack entry {ArchiveText.Quote(path)}"),
        cause);

    private void EnsureDirectory(string relative)
    {
        if (_created.Contains(relative))
        {
            return;
        }

        var slash = relative.LastIndexOf('/');
        EnsureDirectory(slash < 0 ? string.Empty : relative[..slash]);
        var full = Map(relative);
        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(full);
            }
            else
            {
                Directory.CreateDirectory(full, (UnixFileMode)OwnerAll);
            }
        }
        catch (IOException e) when (File.Exists(full))
        {
            throw Collision(relative, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failed(relative, e);
        }

        _created.Add(relative);
    }

    private string Map(string relative)
    {
        var full = relative.Length == 0 ? _root : Path.GetFullPath(Path.Combine(_root, relative.Replace('/', Path.DirectorySeparatorChar)));

        // CrateEntryPolicy already guarantees this; a second, independent check costs nothing.
        if (full != _root && !full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{full} is outside {_root}");
        }

        return full;
    }
}
