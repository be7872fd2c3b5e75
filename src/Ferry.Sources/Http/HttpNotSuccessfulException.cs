using System.Text;
using Ferry.Util.Diagnostics;

namespace Ferry.Sources.Http;

/// <summary>
/// A response with a status the caller cannot use, worded as Cargo's <c>HttpNotSuccessful</c>:
/// <c>failed to get successful HTTP response from `URL` (IP), got 500</c>, the CDN's debug
/// headers if any, and the start of the body (512 characters) — servers explain themselves there.
/// </summary>
internal sealed class HttpNotSuccessfulException : FerryException
{
    // Headers that identify a request in a CDN's logs (Cargo's DEBUG_HEADERS).
    private static readonly string[] DebugHeaders =
        ["x-amz-cf-id", "x-amz-cf-pop", "x-amz-request-id", "x-amz-id-2", "x-cache", "x-served-by"];

    public HttpNotSuccessfulException(int code, string url, string? ip, byte[] body, IReadOnlyList<string> headers)
        : base(Render(code, url, ip, body, headers, showHeaders: true))
    {
        Code = code;
        Url = url;
        Ip = ip;
        Headers = headers;
        ShortMessage = Render(code, url, ip, body, headers, showHeaders: false);
    }

    public int Code { get; }

    public string Url { get; }

    public string? Ip { get; }

    public IReadOnlyList<string> Headers { get; }

    /// <summary>The message without debug headers (what retry warnings print).</summary>
    public string ShortMessage { get; }

    /// <summary>Cargo retries 5xx and 429 (too many requests).</summary>
    public bool IsSpurious => Code is >= 500 and < 600 or 429;

    private static string Render(int code, string url, string? ip, byte[] body, IReadOnlyList<string> headers, bool showHeaders)
    {
        var text = new StringBuilder();
        text.Append("failed to get successful HTTP response from `").Append(url).Append('`');
        if (ip is not null)
        {
            text.Append(" (").Append(ip).Append(')');
        }

        text.Append(", got ").Append(code).Append('\n');
        if (showHeaders)
        {
            var debug = headers.Where(IsDebugHeader).ToList();
            if (debug.Count > 0)
            {
                text.Append("debug headers:\n");
                foreach (var header in debug)
                {
                    text.Append(header).Append('\n');
                }
            }
        }

        text.Append("body:\n").Append(BodyText(body));
        return text.ToString();
    }

    private static bool IsDebugHeader(string header)
    {
        var colon = header.IndexOf(':');
        return colon > 0 && DebugHeaders.Contains(header[..colon].Trim().ToLowerInvariant());
    }

    private static string BodyText(byte[] body)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return $"[{body.Length} non-utf8 bytes]";
        }

        // Cargo's truncate_with_ellipsis: at most 511 characters (Unicode scalars) and an ellipsis.
        var scalars = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            scalars++;
            if (scalars == 511 && i + 1 < text.Length)
            {
                return text[..(i + 1)] + "…";
            }
        }

        return text;
    }
}
