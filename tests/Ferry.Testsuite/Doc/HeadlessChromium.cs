using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace Ferry.Testsuite.Doc;

/// <summary>
/// Headless Chromium driven over the Chrome DevTools Protocol on one WebSocket (no Playwright):
/// the browser is started with <c>--remote-debugging-port=0</c>, its endpoint read from stderr's
/// <c>DevTools listening on ws://...</c>, and one page target is attached in flat session mode,
/// so commands carry a <c>sessionId</c> and events come back on the same socket.
/// </summary>
public sealed partial class HeadlessChromium : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly Channel<JsonObject> _events = Channel.CreateUnbounded<JsonObject>();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private Task? _reader;
    private string _session = string.Empty;
    private int _nextId;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Starts the browser and opens one blank page to drive.</summary>
    public static async Task<HeadlessChromium> StartAsync()
    {
        var profile = Directory.CreateTempSubdirectory("ferry-chromium-").FullName;
        var psi = new ProcessStartInfo(Executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1280,900",
            $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank",
        })
        {
            psi.ArgumentList.Add(arg);
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("chromium did not start");
        var browser = new HeadlessChromium(process, profile);
        try
        {
            var endpoint = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var log = new StringBuilder();
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    endpoint.TrySetException(new InvalidOperationException("chromium exited before listening:\n" + log));
                    return;
                }

                lock (log)
                {
                    log.AppendLine(e.Data);
                }

                if (Listening().Match(e.Data) is { Success: true } match)
                {
                    endpoint.TrySetResult(match.Groups[1].Value);
                }
            };
            process.OutputDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            var url = await endpoint.Task.WaitAsync(Timeout).ConfigureAwait(false);
            await browser._socket.ConnectAsync(new Uri(url), CancellationToken.None).WaitAsync(Timeout).ConfigureAwait(false);
            browser._reader = Task.Run(browser.ReadLoopAsync);
            var created = await browser.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, session: false).ConfigureAwait(false);
            var attached = await browser.SendAsync(
                "Target.attachToTarget",
                new JsonObject { ["targetId"] = created["targetId"]!.GetValue<string>(), ["flatten"] = true },
                session: false).ConfigureAwait(false);
            browser._session = attached["sessionId"]!.GetValue<string>();
            await browser.SendAsync("Page.enable").ConfigureAwait(false);
            await browser.SendAsync("Runtime.enable").ConfigureAwait(false);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Loads a URL and waits for its load event.</summary>
    public async Task NavigateAsync(string url)
    {
        DrainEvents();
        var result = await SendAsync("Page.navigate", new JsonObject { ["url"] = url }).ConfigureAwait(false);
        if (result["errorText"] is { } error)
        {
            throw new InvalidOperationException($"navigating to {url} failed: {error}");
        }

        await WaitForEventAsync("Page.loadEventFired").ConfigureAwait(false);
    }

    /// <summary>Evaluates a JavaScript expression in the page and returns its value as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }).ConfigureAwait(false);
        if (result["exceptionDetails"] is { } exception)
        {
            throw new InvalidOperationException($"`{expression}` threw: {exception.ToJsonString()}");
        }

        return result["result"]?["value"];
    }

    /// <summary>Clicks the element a CSS selector finds (a real mouse click at its centre) and waits for the page it leads to.</summary>
    public async Task ClickAndWaitAsync(string selector)
    {
        var box = await EvaluateAsync(
            $"(() => {{ const e = document.querySelector({JsonSerializer.Serialize(selector)}); e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }})()")
            .ConfigureAwait(false) ?? throw new InvalidOperationException($"nothing matches {selector}");
        var x = box[0]!.GetValue<double>();
        var y = box[1]!.GetValue<double>();
        DrainEvents();
        foreach (var type in new[] { "mousePressed", "mouseReleased" })
        {
            await SendAsync("Input.dispatchMouseEvent", new JsonObject { ["type"] = type, ["x"] = x, ["y"] = y, ["button"] = "left", ["clickCount"] = 1 }).ConfigureAwait(false);
        }

        await WaitForEventAsync("Page.loadEventFired").ConfigureAwait(false);
    }

    /// <summary>A PNG of the current viewport.</summary>
    public async Task<byte[]> ScreenshotAsync()
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" }).ConfigureAwait(false);
        return Convert.FromBase64String(result["data"]!.GetValue<string>());
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var close = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await SendRawAsync(new JsonObject { ["id"] = Interlocked.Increment(ref _nextId), ["method"] = "Browser.close" }, close.Token).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The browser is killed below anyway.
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (!_process.WaitForExit(5000))
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        if (_reader is not null)
        {
            try
            {
                await _reader.ConfigureAwait(false);
            }
            catch (Exception error) when (error is WebSocketException or OperationCanceledException)
            {
            }
        }

        _socket.Dispose();
        _process.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile while it goes.
        }
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject? parameters = null, bool session = true)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (session)
        {
            message["sessionId"] = _session;
        }

        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        await SendRawAsync(message, _stop.Token).ConfigureAwait(false);
        var response = await reply.Task.WaitAsync(Timeout).ConfigureAwait(false);
        if (response["error"] is { } error)
        {
            throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
        }

        return response["result"] as JsonObject ?? [];
    }

    private async Task SendRawAsync(JsonObject message, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task WaitForEventAsync(string method)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            var message = await _events.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
            if (message["method"]?.GetValue<string>() == method)
            {
                return;
            }
        }
    }

    private void DrainEvents()
    {
        while (_events.Reader.TryRead(out _))
        {
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult received;
            try
            {
                received = await _socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception error) when (error is WebSocketException or OperationCanceledException)
            {
                break;
            }

            if (received.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage)
            {
                continue;
            }

            var node = JsonNode.Parse(message.ToArray()) as JsonObject;
            message.SetLength(0);
            if (node is null)
            {
                continue;
            }

            if (node["id"] is { } id && _pending.TryRemove(id.GetValue<int>(), out var reply))
            {
                reply.TrySetResult(node);
            }
            else if (node["method"] is not null)
            {
                _events.Writer.TryWrite(node);
            }
        }

        foreach (var reply in _pending.Values)
        {
            reply.TrySetException(new InvalidOperationException("the DevTools connection closed"));
        }
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex Listening();
}
