using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Ferry.Util.Diagnostics;

namespace Ferry.Sources.Http;

/// <summary>
/// The one HTTP client of a run (Cargo keeps one curl multi handle): a pooled
/// <see cref="SocketsHttpHandler"/> whose connections are kept alive between requests and rounds,
/// opened with TCP_NODELAY (a small request on a kept-alive connection otherwise waits for a
/// delayed ACK, ~40 ms a round on loopback), HTTP/2 where TLS negotiates it, and a gate bounding
/// the requests in flight. Every request goes through Cargo's retry rules: transport failures,
/// 5xx and 429 are retried <c>net.retry</c> times with its back-off and its warning text.
/// </summary>
internal sealed class HttpSession : IDisposable
{
    private const int MaxRetryDelayMs = 10_000;

    private readonly HttpClient _client;
    private readonly SemaphoreSlim _gate;
    private readonly HttpSettings _settings;
    private readonly IShell _shell;
    private readonly SourceStatistics _statistics;
    private readonly Lock _shellLock = new();

    // host:port → the address last connected to, for the "(127.0.0.1)" of error messages.
    private readonly ConcurrentDictionary<string, string> _remoteAddresses = new(StringComparer.Ordinal);

    public HttpSession(HttpSettings settings, IShell shell, SourceStatistics statistics)
    {
        _settings = settings;
        _shell = shell;
        _statistics = statistics;
        _gate = new SemaphoreSlim(settings.MaxParallelRequests);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            ConnectTimeout = settings.Timeout,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
            MaxConnectionsPerServer = settings.MaxConnectionsPerServer,
            EnableMultipleHttp2Connections = true,
            UseCookies = false,
            UseProxy = settings.Proxy is not null,
            Proxy = settings.Proxy is { } proxy ? new WebProxy(proxy.Contains("://", StringComparison.Ordinal) ? proxy : "http://" + proxy) : null,
            ConnectCallback = ConnectAsync,
        };
        if (settings.SslProtocols != SslProtocols.None)
        {
            handler.SslOptions.EnabledSslProtocols = settings.SslProtocols;
        }

        if (settings.CaInfo is { } caInfo)
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(caInfo);
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust };
            policy.CustomTrustStore.AddRange(roots);
            handler.SslOptions.CertificateChainPolicy = policy;
        }

        // Per-attempt timeouts are ours (see SendOnceAsync); the client's own would fire across retries.
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public IShell Shell => _shell;

    /// <summary>
    /// GETs <paramref name="fetch"/>, retrying spurious failures. Returns every response that is
    /// not spurious (the caller decides what 404 or 401 mean); a 5xx that is still failing after
    /// the last retry is returned too. Transport failures that outlast the retries throw Cargo's
    /// <c>download of WHAT failed</c> / <c>failed to download from `URL`</c> chain.
    /// </summary>
    public async Task<HttpFetchResult> GetAsync(HttpFetch fetch, CancellationToken cancellationToken)
    {
        var retries = 0;
        while (true)
        {
            HttpFetchResult? result = null;
            Exception? failure = null;
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                result = await SendOnceAsync(fetch, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception error) when (error is HttpRequestException or IOException or SocketException or AuthenticationException or TimeoutException)
            {
                failure = error;
            }
            finally
            {
                _gate.Release();
            }

            string? spurious = failure is not null ? RootMessage(failure)
                : result is { Status: (>= 500 and < 600) or 429 } ? result.ToError().ShortMessage
                : null;
            if (spurious is null)
            {
                return result!;
            }

            if (retries >= _settings.Retries)
            {
                if (failure is not null)
                {
                    throw new FerryException(
                        $"download of {fetch.What} failed",
                        new FerryException($"failed to download from `{fetch.Url}`", new FerryException(RootMessage(failure))));
                }

                return result!;
            }

            var left = _settings.Retries - retries;
            Warn($"spurious network error ({left} {(left != 1 ? "tries" : "try")} remaining): {spurious}");
            retries++;
            _statistics.AddRetry();
            await Task.Delay(RetryDelay(retries, result), cancellationToken).ConfigureAwait(false);
        }
    }

    public void Warn(string message)
    {
        lock (_shellLock)
        {
            _shell.Warn(message);
        }
    }

    public void Status(string status, string message)
    {
        lock (_shellLock)
        {
            _shell.Status(status, message);
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _gate.Dispose();
    }

    private async Task<HttpFetchResult> SendOnceAsync(HttpFetch fetch, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, fetch.Url)
        {
            Version = _settings.Multiplexing ? HttpVersion.Version20 : HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        var headers = request.Headers;
        headers.TryAddWithoutValidation("User-Agent", _settings.UserAgent);

        // Tells the server this is the sparse protocol (Cargo sends the same).
        headers.TryAddWithoutValidation("cargo-protocol", "version=1");
        headers.TryAddWithoutValidation("Accept", "text/plain");
        if (fetch.IfNoneMatch is { } etag)
        {
            headers.TryAddWithoutValidation("If-None-Match", etag);
        }
        else if (fetch.IfModifiedSince is { } modified)
        {
            headers.TryAddWithoutValidation("If-Modified-Since", modified);
        }

        if (fetch.Authorization is { } token && fetch.AuthorizedOrigin is { } origin && SameOrigin(fetch.Url, origin))
        {
            headers.TryAddWithoutValidation("Authorization", token);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.Timeout);
        _statistics.AddRequest();
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            _statistics.AddBytes(body.Length);
            var status = (int)response.StatusCode;
            if (status == 304)
            {
                _statistics.AddNotModified();
            }

            var url = response.RequestMessage?.RequestUri ?? fetch.Url;
            return new HttpFetchResult(
                status,
                body,
                First(response.Headers, "ETag"),
                First(response.Content.Headers, "Last-Modified"),
                status is >= 200 and < 300 or 304 ? [] : HeaderLines(response),
                url.ToString(),
                _remoteAddresses.TryGetValue(HostKey(url), out var address) ? address : null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"operation timed out after {_settings.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds");
        }
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
            if (socket.RemoteEndPoint is IPEndPoint remote)
            {
                var address = remote.Address.IsIPv4MappedToIPv6 ? remote.Address.MapToIPv4() : remote.Address;
                _remoteAddresses[$"{context.DnsEndPoint.Host}:{context.DnsEndPoint.Port}"] = address.ToString();
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private TimeSpan RetryDelay(int retries, HttpFetchResult? result)
    {
        if (_settings.FixedRetryDelay is { } fixedDelay)
        {
            return fixedDelay;
        }

        if (result is { Status: 429 or 503 } && RetryAfter(result) is { } retryAfter)
        {
            return TimeSpan.FromMilliseconds(Math.Min(retryAfter, MaxRetryDelayMs));
        }

        // Cargo's back-off: a jittered first delay so parallel failures do not retry in step,
        // then 3.5 s, 6.5 s, ... capped at 10 s.
        var ms = retries == 1 ? 500 + Random.Shared.Next(1000) : Math.Min(((retries - 1) * 3000) + 500, MaxRetryDelayMs);
        return TimeSpan.FromMilliseconds(ms);
    }

    private static double? RetryAfter(HttpFetchResult result)
    {
        foreach (var header in result.Headers)
        {
            var colon = header.IndexOf(':');
            if (colon < 0 || !header[..colon].Trim().Equals("retry-after", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = header[(colon + 1)..].Trim();
            if (uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return seconds * 1000.0;
            }

            if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
            {
                var ms = (when - DateTimeOffset.UtcNow).TotalMilliseconds;
                return ms > 0 ? ms : null;
            }
        }

        return null;
    }

    private static string RootMessage(Exception error)
    {
        // Cargo prints the root cause; a socket error alone lacks the address, which .NET's
        // HttpRequestException message carries, so prefer that one when it wraps the socket error.
        var root = error;
        string? withAddress = null;
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException && current.InnerException is SocketException)
            {
                withAddress = current.Message;
            }

            root = current;
        }

        return root is SocketException && withAddress is not null ? withAddress : root.Message;
    }

    private static bool SameOrigin(Uri url, Uri origin) =>
        url.Scheme.Equals(origin.Scheme, StringComparison.OrdinalIgnoreCase)
        && url.IdnHost.Equals(origin.IdnHost, StringComparison.OrdinalIgnoreCase)
        && url.Port == origin.Port;

    private static string HostKey(Uri url) => $"{url.Host}:{url.Port}";

    private static string? First(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static List<string> HeaderLines(HttpResponseMessage response)
    {
        var lines = new List<string>();
        foreach (var (name, values) in response.Headers)
        {
            lines.Add($"{name.ToLowerInvariant()}: {string.Join(", ", values)}");
        }

        foreach (var (name, values) in response.Content.Headers)
        {
            lines.Add($"{name.ToLowerInvariant()}: {string.Join(", ", values)}");
        }

        return lines;
    }
}
