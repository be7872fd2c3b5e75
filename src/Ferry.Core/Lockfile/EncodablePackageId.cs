using System.Diagnostics.CodeAnalysis;
using System.Text;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Lockfile;

/// <summary>
/// A package reference inside a lockfile: an entry of <c>dependencies = [...]</c>, a <c>replace</c>
/// value, or the package named by a V1 <c>"checksum ..."</c> metadata key. Cargo writes only as much
/// as is needed to make it unique in the file: <c>name</c>, <c>name version</c> or
/// <c>name version (source)</c> (cargo's <c>TomlLockfilePackageId</c>).
/// </summary>
public sealed record EncodablePackageId(string Name, string? Version, EncodableSourceId? Source) : IComparable<EncodablePackageId>
{
    /// <summary>Parses <c>name [version [(source)]]</c> with cargo's messages (including its <c>serialied</c> typo).</summary>
    public static EncodablePackageId Parse(string text) =>
        TryParse(text, out var id, out var error) ? id : throw new FerryException(error);

    public static bool TryParse(string text, [NotNullWhen(true)] out EncodablePackageId? id, [NotNullWhen(false)] out string? error) =>
        TryParse(text, null, out id, out error);

    /// <param name="sources">Source strings already validated (a parse-wide cache, filled as new ones are met).</param>
    internal static bool TryParse(
        string text,
        Dictionary<string, EncodableSourceId>? sources,
        [NotNullWhen(true)] out EncodablePackageId? id,
        [NotNullWhen(false)] out string? error)
    {
        id = null;

        // Rust's `splitn(3, ' ')`: the third part is the rest of the string, spaces included.
        var first = text.IndexOf(' ');
        if (first < 0)
        {
            id = new EncodablePackageId(text, null, null);
            error = null;
            return true;
        }

        var name = text[..first];
        var second = text.IndexOf(' ', first + 1);
        if (second < 0)
        {
            id = new EncodablePackageId(name, text[(first + 1)..], null);
            error = null;
            return true;
        }

        var version = text[(first + 1)..second];
        var rest = text[(second + 1)..];
        if (rest.Length < 2 || rest[0] != '(' || rest[^1] != ')')
        {
            error = "invalid serialied PackageId";
            return false;
        }

        var sourceText = rest[1..^1];
        if (sources is null || !sources.TryGetValue(sourceText, out var source))
        {
            if (!EncodableSourceId.TryParse(sourceText, out source, out error))
            {
                return false;
            }

            sources?.Add(sourceText, source);
        }

        id = new EncodablePackageId(name, version, source);
        error = null;
        return true;
    }

    /// <summary>Cargo's derived order: name, then version as a string, then source (absent parts first).</summary>
    public int CompareTo(EncodablePackageId? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = Utf8Ordinal.Instance.Compare(Name, other.Name);
        if (c != 0)
        {
            return c;
        }

        c = Utf8Ordinal.Instance.Compare(Version, other.Version);
        if (c != 0)
        {
            return c;
        }

        return Source is null ? (other.Source is null ? 0 : -1) : Source.CompareTo(other.Source);
    }

    public override string ToString()
    {
        if (Version is null && Source is null)
        {
            return Name;
        }

        var text = new StringBuilder(Name);
        if (Version is not null)
        {
            text.Append(' ').Append(Version);
        }

        if (Source is not null)
        {
            text.Append(" (").Append(Source.Text).Append(')');
        }

        return text.ToString();
    }
}
