namespace Ferry.Core.Archive;

/// <summary>One file of a <see cref="TreeDigest"/>: path relative to the package directory (<c>/</c>-separated), size, SHA-256 (lowercase hex).</summary>
public sealed record TreeDigestEntry(string Path, long Size, string Sha256);
