using System.Globalization;
using System.Text;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Urls;

/// <summary>
/// A URL in the form the WHATWG parser (Rust's <c>url</c> crate, which Cargo uses) serialises it:
/// lower-case scheme and host, default port dropped, an empty path written as <c>/</c>, and
/// file paths percent-encoded. Source ids, lockfiles and <c>metadata</c> ids print URLs, so the
/// exact text matters; <see cref="System.Uri"/> normalises differently and is not used.
/// </summary>
public sealed record Url
{
    private Url(string scheme, string host, int? port, string path, string? query, string? fragment, string? userInfo)
    {
        Scheme = scheme;
        Host = host;
        Port = port;
        Path = path;
        Query = query;
        Fragment = fragment;
        UserInfo = userInfo;
    }

    public string Scheme { get; }

    public string Host { get; }

    public int? Port { get; }

    /// <summary>The path as serialised (percent-encoded), always starting with <c>/</c> for hierarchical URLs.</summary>
    public string Path { get; }

    public string? Query { get; }

    public string? Fragment { get; }

    public string? UserInfo { get; }

    public static Url Parse(string text)
    {
        return TryParse(text, out var url, out var error) ? url : throw new FerryException($"invalid url `{text}`: {error}");
    }

    public static bool TryParse(string text, out Url url, out string error)
    {
        url = null!;
        error = string.Empty;
        var trimmed = text.Trim();
        var colon = trimmed.IndexOf(':');
        if (colon <= 0 || !char.IsAsciiLetter(trimmed[0]) || !IsSchemeText(trimmed.AsSpan(0, colon)))
        {
            error = "relative URL without a base";
            return false;
        }

        var scheme = trimmed[..colon].ToLowerInvariant();
        var rest = trimmed[(colon + 1)..].Replace('\\', '/');
        string? fragment = null;
        var hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            fragment = rest[(hash + 1)..];
            rest = rest[..hash];
        }

        string? query = null;
        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            query = rest[(question + 1)..];
            rest = rest[..question];
        }

        if (!rest.StartsWith("//", StringComparison.Ordinal))
        {
            if (scheme == "file")
            {
                url = new Url(scheme, string.Empty, null, NormalizePath(rest.Length == 0 ? "/" : rest), query, fragment, null);
                return true;
            }

            error = "cannot-be-a-base-URLs are not supported";
            return false;
        }

        rest = rest[2..];
        var slash = rest.IndexOf('/');
        var authority = slash >= 0 ? rest[..slash] : rest;
        // WHATWG: only special schemes (http, https, ws, wss, ftp, file) get `/` for an empty path;
        // `git://host` stays as written, as the url crate (and so Cargo) prints it.
        var path = slash >= 0 ? rest[slash..] : DefaultPort(scheme) is not null || scheme == "file" ? "/" : string.Empty;
        string? userInfo = null;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            userInfo = authority[..at];
            authority = authority[(at + 1)..];
        }

        int? port = null;
        var portColon = authority.LastIndexOf(':');
        if (portColon >= 0 && !authority.EndsWith(']'))
        {
            var portText = authority[(portColon + 1)..];
            authority = authority[..portColon];
            if (portText.Length > 0)
            {
                if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedPort) || parsedPort > 65535)
                {
                    error = "invalid port number";
                    return false;
                }

                port = parsedPort;
            }
        }

        if (authority.Length == 0 && scheme != "file" && !scheme.EndsWith("+file", StringComparison.Ordinal))
        {
            error = "empty host";
            return false;
        }

        if (port == DefaultPort(scheme))
        {
            port = null;
        }

        url = new Url(scheme, authority.ToLowerInvariant(), port, path.Length == 0 ? path : NormalizePath(path), query, fragment, userInfo);
        return true;
    }

    /// <summary><c>file:///abs/path</c> for a local directory, percent-encoded as the url crate does.</summary>
    public static Url FromFilePath(string absolutePath)
    {
        var text = new StringBuilder();
        foreach (var segment in absolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            text.Append('/');
            AppendEncodedSegment(text, segment);
        }

        if (text.Length == 0)
        {
            text.Append('/');
        }

        return new Url("file", string.Empty, null, text.ToString(), null, null, null);
    }

    /// <summary>The local path of a <c>file:</c> URL.</summary>
    public string ToFilePath() => Uri.UnescapeDataString(Path);

    public Url WithoutQueryAndFragment() => new(Scheme, Host, Port, Path, null, null, UserInfo);

    public Url WithFragment(string? fragment) => new(Scheme, Host, Port, Path, Query, fragment, UserInfo);

    public Url WithQuery(string? query) => new(Scheme, Host, Port, Path, query, Fragment, UserInfo);

    public Url WithScheme(string scheme) => new(scheme, Host, Port, Path, Query, Fragment, UserInfo);

    public Url WithPath(string path) => new(Scheme, Host, Port, path, Query, Fragment, UserInfo);

    /// <summary>The last path segment (decoded), or empty.</summary>
    public string LastSegment
    {
        get
        {
            var trimmed = Path.TrimEnd('/');
            var slash = trimmed.LastIndexOf('/');
            return Uri.UnescapeDataString(slash >= 0 ? trimmed[(slash + 1)..] : trimmed);
        }
    }

    // The serialised form, cached: source ids print and compare URLs a lot. Not part of equality.
    private string? _text;

    public override string ToString() => _text ??= Format();

    public bool Equals(Url? other) =>
        ReferenceEquals(this, other)
        || (other is not null && Scheme == other.Scheme && Host == other.Host && Port == other.Port && Path == other.Path
            && Query == other.Query && Fragment == other.Fragment && UserInfo == other.UserInfo);

    public override int GetHashCode() => HashCode.Combine(Scheme, Host, Port, Path, Query, Fragment, UserInfo);

    private string Format()
    {
        var text = new StringBuilder();
        text.Append(Scheme).Append("://");
        if (UserInfo is not null)
        {
            text.Append(UserInfo).Append('@');
        }

        text.Append(Host);
        if (Port is { } port)
        {
            text.Append(':').Append(port);
        }

        text.Append(Path);
        if (Query is not null)
        {
            text.Append('?').Append(Query);
        }

        if (Fragment is not null)
        {
            text.Append('#').Append(Fragment);
        }

        return text.ToString();
    }

    private static bool IsSchemeText(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static int? DefaultPort(string scheme) => scheme switch
    {
        "http" or "ws" => 80,
        "https" or "wss" => 443,
        "ftp" => 21,
        _ => null,
    };

    /// <summary>Resolves <c>.</c>/<c>..</c> segments and encodes what the url crate's path set encodes.</summary>
    private static string NormalizePath(string path)
    {
        var segments = new List<string>();
        var parts = path.Split('/');
        for (var i = 1; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part is "." or "%2e" or "%2E")
            {
                if (i == parts.Length - 1)
                {
                    segments.Add(string.Empty);
                }

                continue;
            }

            if (part is ".." or ".%2e" or "%2e." or "%2e%2e")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                if (i == parts.Length - 1)
                {
                    segments.Add(string.Empty);
                }

                continue;
            }

            segments.Add(part);
        }

        var text = new StringBuilder();
        foreach (var segment in segments)
        {
            text.Append('/');
            foreach (var c in segment)
            {
                if (c is ' ' or '"' or '<' or '>' or '`' or '{' or '}' || c < 0x20 || c == 0x7f)
                {
                    text.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                }
                else if (c > 0x7f)
                {
                    foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                    {
                        text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                    }
                }
                else
                {
                    text.Append(c);
                }
            }
        }

        return text.Length == 0 ? "/" : text.ToString();
    }

    private static void AppendEncodedSegment(StringBuilder text, string segment)
    {
        foreach (var b in Encoding.UTF8.GetBytes(segment))
        {
            var c = (char)b;
            var encode = b < 0x20 || b >= 0x7f || c is ' ' or '"' or '#' or '<' or '>' or '?' or '`' or '{' or '}' or '/' or '%';
            if (encode)
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }
    }
}
