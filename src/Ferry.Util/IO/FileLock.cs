namespace Ferry.Util.IO;

/// <summary>
/// An exclusive lock on a file shared between processes, released when disposed or when the
/// process dies (however it dies). On Unix .NET implements <see cref="FileShare.None"/> with
/// <c>flock(LOCK_EX | LOCK_NB)</c> — the same lock Cargo takes on <c>$CARGO_HOME/.package-cache</c>
/// — and on Windows with a share-mode lock, so one code path serves both.
/// </summary>
/// <remarks>
/// The non-blocking attempt is all .NET offers without P/Invoke, so waiting is a poll with
/// back-off (5 ms doubling to 50 ms): a waiter notices a release within 50 ms, and a blocking
/// <c>flock</c> would cost platform-specific <c>open</c> flags for little gain. Callers print
/// Cargo's <c>Blocking</c> status through <paramref name="onWait"/> before the first wait.
/// </remarks>
public sealed class FileLock : IDisposable
{
    private const int FirstDelayMs = 5;
    private const int MaxDelayMs = 50;

    private readonly FileStream _stream;

    private FileLock(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
    }

    public string Path { get; }

    /// <summary>Takes the lock now or returns null when another process holds it.</summary>
    public static FileLock? TryAcquire(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
            return new FileLock(path, stream);
        }
        catch (IOException error) when (IsContention(error))
        {
            return null;
        }
    }

    /// <summary>Takes the lock, waiting as long as it takes; <paramref name="onWait"/> runs once, before the first wait.</summary>
    public static async Task<FileLock> AcquireAsync(string path, Action? onWait, CancellationToken cancellationToken)
    {
        var delay = FirstDelayMs;
        var waited = false;
        while (true)
        {
            if (TryAcquire(path) is { } acquired)
            {
                return acquired;
            }

            if (!waited)
            {
                waited = true;
                onWait?.Invoke();
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = Math.Min(delay * 2, MaxDelayMs);
        }
    }

    public void Dispose() => _stream.Dispose();

    // Unix: flock's EWOULDBLOCK is the HResult (11 on Linux, 35 on macOS); Windows: sharing or
    // lock violation (0x80070020, 0x80070021).
    private static bool IsContention(IOException error) => (error.HResult & 0xFFFF) is 11 or 35 or 32 or 33;
}
