namespace Ferry.Sources.Http;

/// <summary>One GET: the URL, the conditional header of a cached copy, and the credentials (never logged).</summary>
/// <param name="Url">The absolute URL.</param>
/// <param name="What">What is being fetched, for messages (<c>download of WHAT failed</c>): an index path or <c>config.json</c>.</param>
/// <param name="IfNoneMatch">The cached copy's ETag.</param>
/// <param name="IfModifiedSince">The cached copy's Last-Modified (when it has no ETag).</param>
/// <param name="Authorization">The token to send; the session sends it only to <see cref="AuthorizedOrigin"/>.</param>
/// <param name="AuthorizedOrigin">The origin (scheme, host, port) the token belongs to.</param>
internal sealed record HttpFetch(
    Uri Url,
    string What,
    string? IfNoneMatch = null,
    string? IfModifiedSince = null,
    string? Authorization = null,
    Uri? AuthorizedOrigin = null);
