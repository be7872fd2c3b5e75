using System.Security.Cryptography;
using System.Text;
using Ferry.Core.Identity;

namespace Ferry.Sources.Git;

/// <summary>
/// Where git dependencies live under <c>$CARGO_HOME/git</c>: Cargo's layout, <c>db/IDENT-HASH</c>
/// (a bare clone) and <c>checkouts/IDENT-HASH/SHORT-COMMIT</c>, where IDENT is the repository
/// URL's last path segment. The hash is ours (16 hex digits of SHA-256 of the canonical URL), not
/// Cargo's SipHash, so Ferry and Cargo keep separate copies of the same repository.
/// </summary>
internal sealed class GitPaths
{
    public GitPaths(string cargoHome)
    {
        Root = Path.Combine(cargoHome, "git");
    }

    public string Root { get; }

    public string Database(SourceId source) => Path.Combine(Root, "db", Ident(source));

    public string Checkout(SourceId source, string shortId) => Path.Combine(Root, "checkouts", Ident(source), shortId);

    /// <summary>Cargo's <c>ident</c>: last segment of the canonical URL (<c>_empty</c> when none) and a hash of it.</summary>
    public static string Ident(SourceId source)
    {
        var canonical = source.CanonicalUrl.Text;
        var path = canonical;
        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var slash = path.IndexOf('/', scheme + 3);
            path = slash >= 0 ? path[slash..] : string.Empty;
        }

        var last = path[(path.LastIndexOf('/') + 1)..];
        if (last.Length == 0)
        {
            last = "_empty";
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("ferry-git\0" + canonical));
        return $"{last}-{Convert.ToHexStringLower(hash.AsSpan(0, 8))}";
    }
}
