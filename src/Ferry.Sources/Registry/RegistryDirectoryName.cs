using System.Text;
using Ferry.Core.Identity;
using Ferry.Util.Hashing;

namespace Ferry.Sources.Registry;

/// <summary>
/// The directory a remote registry's cached data lives in under <c>$CARGO_HOME/registry/index</c>
/// (and later <c>cache</c> and <c>src</c>): <c>HOST-HASH</c>, the shape Cargo uses. The hash is
/// ours (SHA-256 of the index URL, 16 hex digits), not Cargo's SipHash of its internal
/// <c>SourceId</c>, so Ferry and Cargo never share a directory — deliberately, since the cache
/// files inside have different formats. Hashed in managed code (<see cref="ShortSha256"/>): a
/// resolve over plain HTTP needs no other hash, and loading OpenSSL for this one would delay its
/// first request.
/// </summary>
internal static class RegistryDirectoryName
{
    public static string For(SourceId source)
    {
        var hash = ShortSha256.HashData(Encoding.UTF8.GetBytes("ferry-registry\0" + source.ToUrlString()));
        return $"{source.Url.Host}-{Convert.ToHexStringLower(hash.AsSpan(0, 8))}";
    }
}
