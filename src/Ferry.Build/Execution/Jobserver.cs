using System.Runtime.InteropServices;
using Ferry.Util.Diagnostics;

namespace Ferry.Build.Execution;

/// <summary>
/// A GNU make jobserver shared with rustc and build scripts (Cargo's <c>jobserver::Client</c>): a
/// named pipe holding one byte per job slot beyond the first, announced to children as
/// <c>CARGO_MAKEFLAGS=-j --jobserver-auth=fifo:PATH</c>. The scheduler takes a byte before starting
/// each job beyond its implicit one, and rustc takes bytes for its extra codegen threads, so that
/// <c>-j N</c> bounds everything that runs. A named pipe rather than inherited descriptors because
/// .NET does not let children inherit file descriptors.
/// </summary>
internal sealed partial class Jobserver : IDisposable
{
    private readonly string _directory;
    private readonly FileStream _reader;
    private readonly FileStream _writer;
    private readonly Thread _helper;
    private readonly SemaphoreSlim _requests = new(0);
    private readonly Action _onToken;
    private volatile bool _disposed;

    private Jobserver(string directory, string fifo, FileStream reader, FileStream writer, Action onToken)
    {
        _directory = directory;
        Path = fifo;
        _reader = reader;
        _writer = writer;
        _onToken = onToken;
        _helper = new Thread(HelperLoop) { IsBackground = true, Name = "ferry-jobserver" };
        _helper.Start();
    }

    /// <summary>The named pipe's path.</summary>
    public string Path { get; }

    /// <summary>The value of <c>CARGO_MAKEFLAGS</c> for children.</summary>
    public string Makeflags => $"-j --jobserver-auth=fifo:{Path}";

    /// <summary>Creates a jobserver with <paramref name="tokens"/> bytes in the pipe; <paramref name="onToken"/> is called (on another thread) for each byte acquired.</summary>
    public static Jobserver Create(int tokens, Action onToken)
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ferry-jobserver-{Environment.ProcessId}-{Guid.NewGuid():N}"[..48]);
        Directory.CreateDirectory(directory);
        var fifo = System.IO.Path.Combine(directory, "fifo");
        if (MkFifo(fifo, Convert.ToUInt32("600", 8)) != 0)
        {
            throw new FerryException($"failed to create jobserver pipe `{fifo}` (os error {Marshal.GetLastPInvokeError()})");
        }

        // Read-write opens of a named pipe do not block and never see end-of-file.
        var reader = new FileStream(fifo, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
        var writer = new FileStream(fifo, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
        var jobserver = new Jobserver(directory, fifo, reader, writer, onToken);
        for (var i = 0; i < tokens; i++)
        {
            jobserver.Release();
        }

        return jobserver;
    }

    /// <summary>Asks for one more token; <c>onToken</c> runs once it is acquired.</summary>
    public void RequestToken() => _requests.Release();

    /// <summary>Gives a token back.</summary>
    public void Release()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            _writer.Write("|"u8);
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void HelperLoop()
    {
        var buffer = new byte[1];
        while (true)
        {
            _requests.Wait();
            if (_disposed)
            {
                return;
            }

            int read;
            try
            {
                read = _reader.Read(buffer, 0, 1);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                return;
            }

            if (_disposed)
            {
                return;
            }

            if (read == 1)
            {
                _onToken();
            }
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _requests.Release();
        try
        {
            // Wakes the helper if it waits for a byte.
            _writer.Write("|"u8);
        }
        catch (IOException)
        {
        }

        _helper.Join(TimeSpan.FromSeconds(1));
        _reader.Dispose();
        _writer.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MkFifo(string path, uint mode);
}
