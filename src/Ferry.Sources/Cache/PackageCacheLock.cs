using Ferry.Core.Configuration;
using Ferry.Util.Diagnostics;
using Ferry.Util.IO;

namespace Ferry.Sources.Cache;

/// <summary>
/// The package cache lock: <c>$CARGO_HOME/.package-cache</c>, locked exclusively (the same
/// <c>flock</c> Cargo's <c>DownloadExclusive</c> takes) while a process writes to
/// <c>registry/cache</c> or <c>registry/src</c> or checks what is there. Several Ferry (and Cargo)
/// processes on one Cargo home therefore take turns; whoever waits prints Cargo's
/// <c>Blocking waiting for file lock on package cache</c>. The kernel releases the lock when its
/// holder dies, so a killed process never leaves the cache locked.
/// </summary>
public static class PackageCacheLock
{
    /// <summary>What Cargo calls this lock in its <c>Blocking</c> message.</summary>
    public const string Description = "package cache";

    public static async Task<FileLock> AcquireAsync(PackageCacheLayout layout, IShell shell, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(shell);
        var path = layout.LockFile;
        try
        {
            return await FileLock.AcquireAsync(
                path,
                () => shell.StatusWarn(
                    "Blocking",
                    shell.Verbosity == Verbosity.VeryVerbose
                        ? $"waiting for file lock on {Description} ({path})"
                        : $"waiting for file lock on {Description}"),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new FerryException($"failed to open: {path}", IoErrors.Describe(error, path));
        }
    }
}
