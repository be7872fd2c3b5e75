namespace Ferry.Sources.Http;

/// <summary>A response with its body read, and what error messages need to describe it.</summary>
internal sealed record HttpFetchResult(int Status, byte[] Body, string? ETag, string? LastModified, IReadOnlyList<string> Headers, string Url, string? RemoteIp)
{
    public HttpNotSuccessfulException ToError() => new(Status, Url, RemoteIp, Body, Headers);
}
