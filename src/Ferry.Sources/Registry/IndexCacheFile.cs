using System.Text;
using Ferry.Util.IO;

namespace Ferry.Sources.Registry;

/// <summary>
/// One cached index file: <c>$CARGO_HOME/registry/index/DIR/.cache/PATH</c>, where PATH is the
/// index path (<c>se/rd/serde</c>). Ferry's own format, not Cargo's (whose cache splits versions
/// out for its parser): a header line, the server's version of the file (<c>etag: "..."</c> or
/// <c>last-modified: ...</c>, the conditional-request key) and then the file exactly as served,
/// which <see cref="Ferry.Core.Registry.IndexFile"/> reads in place.
/// </summary>
internal sealed record IndexCacheFile(string? IndexVersion, byte[] Bytes, int BodyOffset)
{
    private static readonly byte[] Magic = "ferry-index-cache 1\n"u8.ToArray();

    /// <summary>The cached copy at <paramref name="path"/>, or null; read synchronously (small files, no thread-pool hop each).</summary>
    public static IndexCacheFile? Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = UnlockedFile.ReadAllBytes(path);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        return Decode(bytes);
    }

    /// <summary>The cached copy, or null when the bytes are not a cache file of this format (a stale format is just a miss).</summary>
    public static IndexCacheFile? Decode(byte[] bytes)
    {
        if (!bytes.AsSpan().StartsWith(Magic))
        {
            return null;
        }

        var rest = bytes.AsSpan(Magic.Length);
        var newline = rest.IndexOf((byte)'\n');
        if (newline < 0)
        {
            return null;
        }

        var version = Encoding.UTF8.GetString(rest[..newline]);
        return new IndexCacheFile(version.Length == 0 ? null : version, bytes, Magic.Length + newline + 1);
    }

    /// <summary>Writes atomically (temp file, then rename), so a concurrent reader never sees half a file.</summary>
    public static async Task<IndexCacheFile> WriteAsync(string path, string? indexVersion, byte[] body, CancellationToken cancellationToken)
    {
        var header = Encoding.UTF8.GetBytes((indexVersion ?? string.Empty).Replace('\n', ' ') + "\n");
        var bytes = new byte[Magic.Length + header.Length + body.Length];
        Magic.CopyTo(bytes, 0);
        header.CopyTo(bytes, Magic.Length);
        body.CopyTo(bytes, Magic.Length + header.Length);
        await AtomicWrite.WriteAsync(path, bytes, cancellationToken).ConfigureAwait(false);
        return new IndexCacheFile(indexVersion, bytes, Magic.Length + header.Length);
    }
}
