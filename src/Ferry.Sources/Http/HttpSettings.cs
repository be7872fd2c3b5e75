using System.Security.Authentication;
using Ferry.Core.Configuration;
using Ferry.Util.Diagnostics;

namespace Ferry.Sources.Http;

/// <summary>
/// The <c>[http]</c> and <c>[net]</c> settings the HTTP client uses, read once per run. Settings
/// Cargo passes to curl that have no .NET counterpart (<c>low-speed-limit</c>, <c>debug</c>,
/// <c>check-revoke</c>) are accepted and ignored; a stalled transfer is cut by <see cref="Timeout"/>.
/// </summary>
internal sealed record HttpSettings
{
    public required string UserAgent { get; init; }

    /// <summary>Connect timeout, and the limit for one attempt of one request.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>net.retry</c>: extra attempts after a spurious failure (Cargo's default 3).</summary>
    public int Retries { get; init; } = 3;

    public bool Multiplexing { get; init; } = true;

    public string? Proxy { get; init; }

    /// <summary>PEM bundle of trusted roots (<c>http.cainfo</c>), replacing the system store.</summary>
    public string? CaInfo { get; init; }

    public SslProtocols SslProtocols { get; init; } = SslProtocols.None;

    public TimeSpan? FixedRetryDelay { get; init; }

    public int MaxParallelRequests { get; init; } = 16;

    public int MaxConnectionsPerServer { get; init; } = 16;

    /// <summary>
    /// Cargo's test hook <c>__CARGO_TEST_FIXED_RETRY_SLEEP_MS</c> (honoured by release builds of
    /// Cargo too): a fixed retry delay, so end-to-end tests of retries do not sleep for seconds.
    /// </summary>
    private static TimeSpan? TestRetrySleep(GlobalContext gctx) =>
        gctx.Environment.Get("__CARGO_TEST_FIXED_RETRY_SLEEP_MS") is { } text && uint.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : null;

    public static HttpSettings From(GlobalContext gctx, SourceOptions options)
    {
        var http = gctx.Http;
        var proxy = http.Proxy;
        if (string.IsNullOrEmpty(proxy))
        {
            // curl's own variables, which Cargo inherits.
            proxy = gctx.Environment.Get("https_proxy") ?? gctx.Environment.Get("HTTPS_PROXY") ?? gctx.Environment.Get("http_proxy");
        }

        return new HttpSettings
        {
            UserAgent = http.UserAgent ?? $"ferry/{typeof(HttpSettings).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"}",
            Timeout = options.TimeoutOverride ?? TimeSpan.FromSeconds(http.Timeout ?? 30),
            Retries = (int)Math.Min(gctx.Net.RetryOrDefault, int.MaxValue),
            Multiplexing = http.Multiplexing ?? true,
            Proxy = string.IsNullOrEmpty(proxy) ? null : proxy,
            CaInfo = http.Cainfo?.ResolvePath(gctx.Cwd),
            SslProtocols = Protocols(http.SslVersion),
            FixedRetryDelay = options.FixedRetryDelay ?? TestRetrySleep(gctx),
            MaxParallelRequests = Math.Max(1, options.MaxParallelRequests),
            MaxConnectionsPerServer = Math.Max(1, options.MaxConnectionsPerServer),
        };
    }

    private static SslProtocols Protocols(SslVersionConfig? config)
    {
        if (config is null)
        {
            return SslProtocols.None;
        }

        if (config.Single is { } single)
        {
            return Protocol(single);
        }

        var min = config.Min is null ? SslProtocols.Tls12 : Protocol(config.Min);
        var max = config.Max is null ? SslProtocols.Tls13 : Protocol(config.Max);
        var result = SslProtocols.None;
        foreach (var candidate in new[] { SslProtocols.Tls12, SslProtocols.Tls13 })
        {
            if (candidate >= min && candidate <= max)
            {
                result |= candidate;
            }
        }

        return result;
    }

    private static SslProtocols Protocol(string name) => name switch
    {
        "default" => SslProtocols.None,
        "tlsv1.2" => SslProtocols.Tls12,
        "tlsv1.3" => SslProtocols.Tls13,
        "tlsv1" or "tlsv1.0" or "tlsv1.1" => throw new FerryException($"`http.ssl-version` `{name}` is not supported: Ferry speaks TLS 1.2 and 1.3 only"),
        _ => throw new FerryException($"invalid `http.ssl-version` value `{name}`"),
    };
}
