using Ferry.Util.Diagnostics;

namespace Ferry.Build.Execution;

/// <summary>
/// The lock on a profile directory (<c>target/debug/.cargo-lock</c>) that keeps two builds from
/// writing the same outputs. An advisory <c>flock</c>, so Cargo and Ferry exclude each other; a
/// second build waits with Cargo's <c>Blocking waiting for file lock on build directory</c>.
/// </summary>
internal sealed class BuildDirectoryLock : IDisposable
{
    private readonly FileStream _stream;

    private BuildDirectoryLock(FileStream stream)
    {
        _stream = stream;
    }

    public static async Task<BuildDirectoryLock> AcquireAsync(string directory, IShell shell, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, ".cargo-lock");
        var announced = false;
        while (true)
        {
            try
            {
                return new BuildDirectoryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (File.Exists(path))
            {
                if (!announced)
                {
                    shell.StatusWarn("Blocking", "waiting for file lock on build directory");
                    announced = true;
                }

                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
