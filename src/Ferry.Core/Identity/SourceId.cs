using Ferry.Core.Urls;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Identity;

/// <summary>
/// Identifies a source of packages: a path, a git repository at a reference, or a registry
/// (remote git index, sparse index, local registry, directory). Two ids are the same source
/// when their kind and canonical URL agree; <see cref="Precise"/> (a locked git commit) does
/// not take part in equality, exactly as in Cargo, and the ordering (kind, then canonical URL)
/// is what orders packages in Cargo.lock.
/// </summary>
public sealed class SourceId : IEquatable<SourceId>, IComparable<SourceId>
{
    public const string CratesIoIndex = "https://github.com/rust-lang/crates.io-index";
    public const string CratesIoHttpIndex = "sparse+https://index.crates.io/";
    public const string CratesIoRegistryName = "crates-io";

    private SourceId(SourceKind kind, Url url, GitReference? git, string? precise, string? registryName)
    {
        Kind = kind;
        Url = url;
        CanonicalUrl = CanonicalUrl.Of(url);
        Git = git;
        Precise = precise;
        RegistryName = registryName;

        // Asked for every dependency of every index line parsed: computed once.
        IsCratesIo = kind is SourceKind.Registry or SourceKind.SparseRegistry
            && (url.ToString() == CratesIoIndex || url.ToString() == CratesIoHttpIndex);
    }

    public SourceKind Kind { get; }

    public Url Url { get; }

    public CanonicalUrl CanonicalUrl { get; }

    /// <summary>The requested reference of a git source; null for other kinds.</summary>
    public GitReference? Git { get; }

    /// <summary>The locked commit of a git source (the <c>#sha</c> of a lockfile source).</summary>
    public string? Precise { get; }

    /// <summary>The configured name of a registry (<c>crates-io</c>, or a <c>[registries]</c> key), for messages.</summary>
    public string? RegistryName { get; }

    public static SourceId CratesIo { get; } = new(SourceKind.Registry, Url.Parse(CratesIoIndex), null, null, CratesIoRegistryName);

    public bool IsPath => Kind == SourceKind.Path;

    public bool IsGit => Kind == SourceKind.Git;

    public bool IsRegistry => Kind is SourceKind.Registry or SourceKind.SparseRegistry or SourceKind.LocalRegistry or SourceKind.Directory;

    /// <summary>Only remote registries (git or sparse index) can be crates.io.</summary>
    public bool IsCratesIo { get; }

    public static SourceId ForPath(string directory) =>
        new(SourceKind.Path, Url.FromFilePath(Path.GetFullPath(directory)), null, null, null);

    public static SourceId ForGit(Url url, GitReference reference) =>
        new(SourceKind.Git, url.WithoutQueryAndFragment(), reference, null, null);

    /// <summary>A remote registry; <c>sparse+</c> URLs make a sparse registry.</summary>
    public static SourceId ForRegistry(Url url, string? name = null)
    {
        var kind = url.Scheme.StartsWith("sparse+", StringComparison.Ordinal) ? SourceKind.SparseRegistry : SourceKind.Registry;
        if (name is null && (url.ToString() == CratesIoIndex || url.ToString() == CratesIoHttpIndex))
        {
            name = CratesIoRegistryName;
        }

        return new SourceId(kind, url, null, null, name);
    }

    public static SourceId ForLocalRegistry(string directory) =>
        new(SourceKind.LocalRegistry, Url.FromFilePath(Path.GetFullPath(directory)), null, null, null);

    public static SourceId ForDirectory(string directory) =>
        new(SourceKind.Directory, Url.FromFilePath(Path.GetFullPath(directory)), null, null, null);

    /// <summary>Parses the <c>kind+url</c> form found in lockfiles and package id specs.</summary>
    public static SourceId FromUrl(string text)
    {
        var plus = text.IndexOf('+');
        if (plus < 0)
        {
            throw new FerryException($"invalid source `{text}`");
        }

        var kind = text[..plus];
        var rest = text[(plus + 1)..];
        switch (kind)
        {
            case "git":
                var gitUrl = Url.Parse(rest);
                var reference = GitReference.FromQuery(gitUrl.Query);
                var precise = gitUrl.Fragment;
                return new SourceId(SourceKind.Git, gitUrl.WithoutQueryAndFragment(), reference, precise, null);
            case "registry":
                return ForRegistry(Url.Parse(rest));
            case "sparse":
                return ForRegistry(Url.Parse(text));
            case "path":
                return new SourceId(SourceKind.Path, Url.Parse(rest), null, null, null);
            case "local-registry":
                return new SourceId(SourceKind.LocalRegistry, Url.Parse(rest), null, null, null);
            case "directory":
                return new SourceId(SourceKind.Directory, Url.Parse(rest), null, null, null);
            default:
                throw new FerryException($"unsupported source protocol: {kind}");
        }
    }

    public SourceId WithPrecise(string? precise) => new(Kind, Url, Git, precise, RegistryName);

    public SourceId WithRegistryName(string name) => new(Kind, Url, Git, Precise, name);

    /// <summary>The local directory of a path, local-registry or directory source.</summary>
    public string LocalPath => Url.ToFilePath();

    /// <summary><c>registry+https://...</c>, <c>git+https://...?branch=x#sha</c>: the lockfile form.</summary>
    public string ToUrlString(bool encoded = true)
    {
        var prefix = Kind switch
        {
            SourceKind.Path => "path+",
            SourceKind.Git => "git+",
            SourceKind.Registry => "registry+",
            SourceKind.SparseRegistry => string.Empty,
            SourceKind.LocalRegistry => "local-registry+",
            _ => "directory+",
        };
        var text = prefix + Url;
        if (Kind == SourceKind.Git)
        {
            if (Git?.PrettyRef(encoded) is { } pretty)
            {
                text += "?" + pretty;
            }

            if (Precise is not null)
            {
                text += "#" + Precise;
            }
        }

        return text;
    }

    /// <summary>How Cargo shows a source in messages: a path, <c>registry `crates-io`</c>, a git URL.</summary>
    public override string ToString()
    {
        switch (Kind)
        {
            case SourceKind.Git:
                var text = Url.ToString();
                if (Git?.PrettyRef(true) is { } pretty)
                {
                    text += "?" + pretty;
                }

                if (Precise is not null)
                {
                    text += "#" + Precise[..Math.Min(8, Precise.Length)];
                }

                return text;
            case SourceKind.Path:
                return Url.Scheme == "file" ? LocalPath : Url.ToString();
            case SourceKind.Registry or SourceKind.SparseRegistry:
                return $"registry `{DisplayRegistryName}`";
            case SourceKind.LocalRegistry:
                return $"registry `{LocalPath}`";
            default:
                return $"dir {LocalPath}";
        }
    }

    public string DisplayRegistryName => RegistryName ?? (IsCratesIo ? CratesIoRegistryName : Url.ToString());

    public bool Equals(SourceId? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is SourceId other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, CanonicalUrl.Text, Git);

    public int CompareTo(SourceId? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (ReferenceEquals(this, other))
        {
            return 0;
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

        return CanonicalUrl.CompareTo(other.CanonicalUrl);
    }

    public static bool operator ==(SourceId? left, SourceId? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(SourceId? left, SourceId? right) => !(left == right);
}
