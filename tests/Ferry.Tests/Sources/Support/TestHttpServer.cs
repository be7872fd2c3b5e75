using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ferry.Tests.Sources.Support;

/// <summary>
/// A small HTTP/1.1 server on 127.0.0.1 for source tests: keep-alive connections, every request
/// recorded (path and headers), and responses chosen by a handler — including the misbehaviour
/// tests need (delays, truncated bodies, dropped connections). Written on a raw socket so nothing
/// between the test and the bytes on the wire second-guesses either side.
/// </summary>
internal sealed class TestHttpServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<TestRequest, TestResponse> _handler;
    private readonly ConcurrentQueue<TestRequest> _requests = new();
    private int _connections;

    public TestHttpServer(Func<TestRequest, TestResponse> handler)
    {
        _handler = handler;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptLoopAsync();
    }

    public int Port { get; }

    /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public IReadOnlyList<TestRequest> Requests => [.. _requests];

    public int RequestCount => _requests.Count;

    /// <summary>TCP connections accepted (keep-alive keeps this well below the request count).</summary>
    public int Connections => Volatile.Read(ref _connections);

    public IReadOnlyList<TestRequest> RequestsFor(string path) => [.. _requests.Where(r => r.Path == path)];

    public void ClearRequests() => _requests.Clear();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            socket.NoDelay = true;
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var stream = new NetworkStream(socket, ownsSocket: true);
        var buffer = new List<byte>();
        var chunk = new byte[8192];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                int end;
                while ((end = HeaderEnd(buffer)) < 0)
                {
                    var read = await stream.ReadAsync(chunk, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    buffer.AddRange(chunk.AsSpan(0, read));
                }

                var head = Encoding.ASCII.GetString(buffer.GetRange(0, end).ToArray());
                buffer.RemoveRange(0, end + 4);
                var request = TestRequest.Parse(head);
                _requests.Enqueue(request);
                var response = _handler(request);
                if (response.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(response.Delay, _stop.Token);
                }

                if (response.DropConnection)
                {
                    return;
                }

                var bytes = response.Serialize();
                if (response.TrickleBytes > 0)
                {
                    var headLength = bytes.Length - (response.Status is 304 or 204 ? 0 : response.Body.Length);
                    await stream.WriteAsync(bytes.AsMemory(0, headLength), _stop.Token);
                    for (var offset = headLength; offset < bytes.Length; offset += response.TrickleBytes)
                    {
                        await Task.Delay(response.TrickleDelay, _stop.Token);
                        await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(response.TrickleBytes, bytes.Length - offset)), _stop.Token);
                    }
                }
                else
                {
                    await stream.WriteAsync(bytes, _stop.Token);
                }
                if (response.CloseAfter || response.Truncate || request.Header("connection")?.Equals("close", StringComparison.OrdinalIgnoreCase) == true)
                {
                    return;
                }
            }
        }
        catch (Exception error) when (error is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private static int HeaderEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
