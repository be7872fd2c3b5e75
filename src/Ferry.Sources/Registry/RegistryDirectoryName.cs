using System.Security.Cryptography;
using System.Text;
using Ferry.Core.Identity;

namespace Ferry.Sources.Registry;

/// <summary>
/// The directory a remote registry's cached data lives in under <c>$CARGO_HOME/registry/index</c>
/// (and later <c>cache</c> and <c>src</c>): <c>HOST-HASH</c>, the shape Cargo uses. The hash is
/// ours (SHA-256 of the index URL, 16 hex digits), not Cargo's SipHash of its internal
/// <c>SourceId</c>, so Ferry and Cargo never share a directory — deliberately, since the cache
/// files inside have different formats.
/// </summary>
internal static class RegistryDirectoryName
{
    public static string For(SourceId source)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("ferry-registry\0" + source.ToUrlString()));
        return $"{source.Url.Host}-{Convert.ToHexStringLower(hash.AsSpan(0, 8))}";
    }
}
