namespace Ferry.Core.Urls;

/// <summary>
/// The form two URLs are compared in to decide they name the same source: no trailing slash,
/// no <c>.git</c> suffix, and GitHub URLs lower-cased over https (Cargo's rules).
/// </summary>
public sealed record CanonicalUrl(string Text) : IComparable<CanonicalUrl>
{
    public static CanonicalUrl Of(Url url)
    {
        var path = url.Path;
        if (path.EndsWith('/') && path.Length > 1)
        {
            path = path[..^1];
        }

        var scheme = url.Scheme;
        if (!scheme.Contains('+'))
        {
            if (url.Host == "github.com")
            {
                scheme = "https";
                path = path.ToLowerInvariant();
            }

            if (path.EndsWith(".git", StringComparison.Ordinal))
            {
                path = path[..^4];
            }
        }

        return new CanonicalUrl(url.WithScheme(scheme).WithPath(path).ToString());
    }

    public int CompareTo(CanonicalUrl? other) => other is null ? 1 : string.CompareOrdinal(Text, other.Text);

    public override string ToString() => Text;
}
