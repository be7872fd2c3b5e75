using System.Net;
using System.Net.Sockets;

namespace Ferry.Testsuite.Support;

/// <summary>
/// Serves a registry directory (sparse index under <c>/index/</c>, crates under
/// <c>/api/v1/crates/{name}/{version}/download</c>) on 127.0.0.1, the way a real registry would,
/// with Last-Modified revalidation. Counts requests so tests can assert on network behaviour.
/// </summary>
public sealed class StaticRegistryServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly string _root;
    private readonly CancellationTokenSource _stop = new();
    private int _requests;

    public StaticRegistryServer(string root)
    {
        _root = root;
        // HttpListener cannot bind port 0: a free port is probed first, and another test process
        // may take it before Start; probe again then.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                listener.Start();
                _listener = listener;
                break;
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }

        _ = Task.Run(Loop);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public string IndexUrl => $"sparse+{BaseUrl}/index/";

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>
    /// Answer config.json with this server's own address even when the registry has one (the
    /// Debian-crate registry's names the port it was built for).
    /// </summary>
    public bool ServeOwnConfig { get; init; }

    /// <summary>Answers chosen paths differently (a status and body), to simulate a broken registry.</summary>
    public Func<string, (int Status, string Body)?>? Override { get; set; }

    /// <summary>A CARGO_HOME config that makes crates-io resolve from this server.</summary>
    public string CargoConfig => $"[source.crates-io]\nreplace-with = \"test\"\n\n[source.test]\nregistry = \"{IndexUrl}\"\n";

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task Loop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Serve(context));
        }
    }

    private void Serve(HttpListenerContext context)
    {
        Interlocked.Increment(ref _requests);
        var response = context.Response;
        try
        {
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            if (Override?.Invoke(path) is { } overridden)
            {
                var body = System.Text.Encoding.UTF8.GetBytes(overridden.Body);
                response.StatusCode = overridden.Status;
                response.ContentLength64 = body.Length;
                response.OutputStream.Write(body);
                return;
            }

            string? file = null;
            if (path.StartsWith("/index/", StringComparison.Ordinal))
            {
                file = Path.Combine(_root, "index", path["/index/".Length..]);
            }
            else if (path.StartsWith("/api/v1/crates/", StringComparison.Ordinal) && path.EndsWith("/download", StringComparison.Ordinal))
            {
                var parts = path["/api/v1/crates/".Length..].Split('/');
                if (parts.Length == 3)
                {
                    file = Path.Combine(_root, $"{parts[0]}-{parts[1]}.crate");
                }
            }

            if (path == "/index/config.json" && file is not null && (ServeOwnConfig || !File.Exists(file)))
            {
                var config = System.Text.Encoding.UTF8.GetBytes($"{{\"dl\":\"{BaseUrl}/api/v1/crates\",\"api\":\"{BaseUrl}\"}}");
                response.StatusCode = 200;
                response.ContentLength64 = config.Length;
                response.OutputStream.Write(config);
                return;
            }

            if (file is null || file.Contains("..", StringComparison.Ordinal) || !File.Exists(file))
            {
                response.StatusCode = 404;
                return;
            }

            var modified = File.GetLastWriteTimeUtc(file);
            var lastModified = modified.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            if (context.Request.Headers["If-Modified-Since"] == lastModified)
            {
                response.StatusCode = 304;
                return;
            }

            var bytes = File.ReadAllBytes(file);
            response.StatusCode = 200;
            response.Headers["Last-Modified"] = lastModified;
            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes);
        }
        catch (Exception error) when (error is IOException or HttpListenerException)
        {
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException)
            {
            }
        }
    }
}
