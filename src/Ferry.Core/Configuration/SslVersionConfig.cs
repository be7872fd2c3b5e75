namespace Ferry.Core.Configuration;

/// <summary><c>http.ssl-version</c>: a single version (<c>"tlsv1.3"</c>) or a <c>{ min, max }</c> range.</summary>
public sealed record SslVersionConfig(string? Single, string? Min, string? Max);
