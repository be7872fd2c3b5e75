using System.Diagnostics;
using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Sources;

/// <summary>
/// The team's registry server (<c>python3 ../shared/registry/serve.py /work/registry-out --port 0</c>)
/// for one test: started on a free loopback port, stopped (its own process only) on dispose.
/// </summary>
internal sealed class RegistryServer : IDisposable
{
    public const string RegistryRoot = "/work/registry-out";

    private readonly Process _process;
    private readonly string _portFile;

    private RegistryServer(Process process, string portFile, int port)
    {
        _process = process;
        _portFile = portFile;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The team's registry scripts and example projects (<c>../shared/registry</c>).</summary>
    public static string SharedRegistry => RepoPaths.SharedRegistry;

    public static RegistryServer Start()
    {
        var portFile = Path.Combine(Path.GetTempPath(), $"ferry-serve-{Guid.NewGuid():N}.port");
        var psi = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(SharedRegistry, "serve.py"), RegistryRoot, "--port", "0", "--port-file", portFile })
        {
            psi.ArgumentList.Add(arg);
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start serve.py");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(portFile) && int.TryParse(File.ReadAllText(portFile).Trim(), out var port) && port > 0)
            {
                return new RegistryServer(process, portFile, port);
            }

            if (process.HasExited)
            {
                break;
            }

            Thread.Sleep(20);
        }

        process.Kill();
        throw new InvalidOperationException("serve.py did not report its port");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        finally
        {
            _process.Dispose();
            File.Delete(_portFile);
        }
    }
}
