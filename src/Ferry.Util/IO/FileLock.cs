using System.Runtime.InteropServices;

namespace Ferry.Util.IO;

/// <summary>
/// An exclusive lock on a file shared between processes, released when disposed or when the
/// process dies (however it dies). On Unix it is <c>flock(LOCK_EX | LOCK_NB)</c> — the same lock
/// Cargo takes on <c>$CARGO_HOME/.package-cache</c> and <c>target/debug/.cargo-lock</c> — taken
/// explicitly, because the CLI turns off the <c>flock</c> .NET would otherwise take on every file
/// it opens (<c>System.IO.DisableFileLocking</c>: thousands of system calls in a no-op build). On
/// Windows it is a share-mode lock (<see cref="FileShare.None"/>).
/// </summary>
/// <remarks>
/// Waiting is a poll of the non-blocking attempt with back-off (5 ms doubling to 50 ms): a waiter
/// notices a release within 50 ms. Callers print Cargo's <c>Blocking</c> status through
/// <paramref name="onWait"/> before the first wait.
/// </remarks>
public sealed partial class FileLock : IDisposable
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

        if (OperatingSystem.IsWindows())
        {
            try
            {
                return new FileLock(path, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1));
            }
            catch (IOException error) when (IsContention(error))
            {
                return null;
            }
        }

        FileStream stream;
        try
        {
            // Where file locking is left on (tests run without the CLI's switch) .NET's own
            // LOCK_SH at open already meets a holder's LOCK_EX.
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 1);
        }
        catch (IOException error) when (IsContention(error))
        {
            return null;
        }

        try
        {
            while (Flock(stream.SafeFileHandle, LockExclusive | LockNonBlocking) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == EIntr)
                {
                    continue;
                }

                stream.Dispose();
                return errno is EWouldBlockLinux or EWouldBlockBsd
                    ? null
                    : throw new IOException($"failed to lock file `{path}`: {Marshal.GetPInvokeErrorMessage(errno)} (os error {errno})", errno);
            }
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        return new FileLock(path, stream);
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

    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int EIntr = 4;
    private const int EWouldBlockLinux = 11;
    private const int EWouldBlockBsd = 35;

    // Unix: EWOULDBLOCK as the HResult (11 on Linux, 35 on macOS); Windows: sharing or lock
    // violation (0x80070020, 0x80070021).
    private static bool IsContention(IOException error) => (error.HResult & 0xFFFF) is EWouldBlockLinux or EWouldBlockBsd or 32 or 33;

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(Microsoft.Win32.SafeHandles.SafeFileHandle fd, int operation);
}
