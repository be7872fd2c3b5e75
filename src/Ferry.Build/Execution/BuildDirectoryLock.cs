using Ferry.Util.Diagnostics;
using Ferry.Util.IO;

namespace Ferry.Build.Execution;

/// <summary>
/// The lock on a profile directory (<c>target/debug/.cargo-lock</c>) that keeps two builds from
/// writing the same outputs. An advisory <c>flock</c>, so Cargo and Ferry exclude each other; a
/// second build waits with Cargo's <c>Blocking waiting for file lock on build directory</c>.
/// </summary>
internal sealed class BuildDirectoryLock : IDisposable
{
    private readonly FileLock _lock;

    private BuildDirectoryLock(FileLock held)
    {
        _lock = held;
    }

    public static async Task<BuildDirectoryLock> AcquireAsync(string directory, IShell shell, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, ".cargo-lock");
        return new BuildDirectoryLock(await FileLock.AcquireAsync(path, () => shell.StatusWarn("Blocking", "waiting for file lock on build directory"), cancellationToken).ConfigureAwait(false));
    }

    public void Dispose() => _lock.Dispose();
}
