using System.Diagnostics.CodeAnalysis;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Core.Urls;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Lockfile;

/// <summary>
/// A <c>source = "..."</c> string of Cargo.lock (cargo's <c>TomlLockfileSourceId</c>): kept verbatim
/// so a file is written back exactly as read, plus the kind and parsed URL that Cargo uses to
/// order and compare sources. Only <c>git+</c>, <c>registry+</c>, <c>sparse+</c> and <c>path+</c> are
/// valid in a lockfile (mirrors and local registries are recorded under the source they replace).
/// </summary>
public sealed class EncodableSourceId : IEquatable<EncodableSourceId>, IComparable<EncodableSourceId>
{
    private EncodableSourceId(string text, SourceKind kind, GitReference? git, string url)
    {
        Text = text;
        Kind = kind;
        Git = git;
        Url = url;
    }

    /// <summary>The string as written in the lockfile.</summary>
    public string Text { get; }

    public SourceKind Kind { get; }

    /// <summary>The git reference named by the URL's query (git sources only).</summary>
    public GitReference? Git { get; }

    /// <summary>The URL as the url crate serialises it (query and fragment included); sources order by it.</summary>
    public string Url { get; }

    /// <summary>Validates a source string with cargo's messages (<c>invalid source `x`</c>, ...).</summary>
    public static EncodableSourceId Parse(string text) =>
        TryParse(text, out var source, out var error) ? source : throw new FerryException(error);

    public static bool TryParse(string text, [NotNullWhen(true)] out EncodableSourceId? source, [NotNullWhen(false)] out string? error)
    {
        source = null;
        var plus = text.IndexOf('+');
        if (plus < 0)
        {
            error = $"invalid source `{text}`";
            return false;
        }

        var kind = text[..plus];
        var urlText = text[(plus + 1)..];

        // Sparse URLs keep their `sparse+` prefix as part of the URL; the error still names the rest.
        if (!Urls.Url.TryParse(kind == "sparse" ? text : urlText, out var url, out var urlError))
        {
            error = $"invalid url `{urlText}`: {urlError}";
            return false;
        }

        switch (kind)
        {
            case "git":
                source = new EncodableSourceId(text, SourceKind.Git, GitReference.FromQuery(url.Query), url.ToString());
                break;
            case "registry":
                source = new EncodableSourceId(text, SourceKind.Registry, null, url.ToString());
                break;
            case "sparse":
                source = new EncodableSourceId(text, SourceKind.SparseRegistry, null, url.ToString());
                break;
            case "path":
                source = new EncodableSourceId(text, SourceKind.Path, null, url.ToString());
                break;
            default:
                error = $"unsupported source protocol: {kind}";
                return false;
        }

        error = null;
        return true;
    }

    /// <summary>
    /// How Cargo writes a source into a lockfile of the given format: V4 and later URL-encode git
    /// references (<c>?branch=foo+bar</c> for <c>foo bar</c>), older formats write them raw. Path
    /// sources are never written (null).
    /// </summary>
    public static EncodableSourceId? From(SourceId source, ResolveVersion format)
    {
        if (source.IsPath)
        {
            return null;
        }

        var text = source.ToUrlString(encoded: format >= ResolveVersion.V4);

        // Resolves only hold path, git and registry sources (a mirror or local registry is recorded
        // under the source it replaces), so the text always parses; should another kind slip in, it
        // is still written as Cargo would, with its own kind for ordering.
        if (TryParse(text, out var parsed, out _))
        {
            return parsed;
        }

        return new EncodableSourceId(text, source.Kind, source.Git, text);
    }

    /// <summary>The source id this string names (cargo's <c>SourceId::from_url</c>).</summary>
    public SourceId ToSourceId() => SourceId.FromUrl(Text);

    public bool Equals(EncodableSourceId? other) =>
        other is not null && Kind == other.Kind && Equals(Git, other.Git) && string.Equals(Url, other.Url, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is EncodableSourceId other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, Git, Url);

    public int CompareTo(EncodableSourceId? other)
    {
        if (other is null)
        {
            return 1;
        }

        var kind = Kind.CompareTo(other.Kind);
        if (kind != 0)
        {
            return kind;
        }

        if (Kind == SourceKind.Git)
        {
            var git = (Git ?? GitReference.DefaultBranch).CompareTo(other.Git ?? GitReference.DefaultBranch);
            if (git != 0)
            {
                return git;
            }
        }

        return Utf8Ordinal.Instance.Compare(Url, other.Url);
    }

    public override string ToString() => Text;
}
