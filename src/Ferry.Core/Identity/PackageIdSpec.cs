using System.Text;
using Ferry.Core.Manifest;
using Ferry.Core.Urls;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Identity;

/// <summary>
/// Some or all of a package's identity (<c>foo</c>, <c>foo@1.2</c>, <c>https://host/foo#1.2.3</c>,
/// <c>path+file:///dir#foo@1.0.0</c>): cargo-util-schemas' <c>PackageIdSpec</c>, with its parse rules,
/// error texts and display.
/// </summary>
public sealed record PackageIdSpec(string Name, PartialVersion? Version, Url? Url, SourceKind? Kind, GitReference? GitReference)
{
    public static PackageIdSpec Parse(string spec) => Parse(spec, cwd: null);

    /// <summary>
    /// Parses a spec. With <paramref name="cwd"/>, a spec that names an existing file path is rejected
    /// with Cargo's "looks like a file path" hint.
    /// </summary>
    public static PackageIdSpec Parse(string spec, string? cwd)
    {
        if (spec.Contains("://", StringComparison.Ordinal))
        {
            if (Url.TryParse(spec, out var url, out _))
            {
                return FromUrl(url);
            }
        }
        else if (cwd is not null && (spec.Contains('/', StringComparison.Ordinal) || spec.Contains('\\', StringComparison.Ordinal)))
        {
            var abs = Path.Combine(cwd, spec);
            if (File.Exists(abs) || Directory.Exists(abs))
            {
                var maybe = Url.FromFilePath(abs).ToString();
                throw new FerryException($"package ID specification `{spec}` looks like a file path, maybe try {maybe}");
            }
        }

        var (name, version) = SplitSpec(spec) ?? (spec, null);
        NameValidation.ValidatePackageName(name);
        return new PackageIdSpec(name, version, null, null, null);
    }

    private static PackageIdSpec FromUrl(Url url)
    {
        SourceKind? kind = null;
        GitReference? git = null;
        var plus = url.Scheme.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            var kindText = url.Scheme[..plus];
            var scheme = url.Scheme[(plus + 1)..];
            switch (kindText)
            {
                case "git":
                    git = GitReference.FromQuery(url.Query);
                    kind = SourceKind.Git;
                    url = Url.Parse(url.WithQuery(null).ToString()[(plus + 1)..]);
                    break;
                case "registry":
                    RejectQuery(url);
                    kind = SourceKind.Registry;
                    url = Url.Parse(url.ToString()[(plus + 1)..]);
                    break;
                case "sparse":
                    RejectQuery(url);
                    kind = SourceKind.SparseRegistry;
                    break;
                case "path":
                    RejectQuery(url);
                    if (scheme != "file")
                    {
                        throw new FerryException($"`path+{scheme}` is unsupported; `path+file` and `file` schemes are supported");
                    }

                    kind = SourceKind.Path;
                    url = Url.Parse(url.ToString()[(plus + 1)..]);
                    break;
                default:
                    throw new FerryException($"unsupported source protocol: {kindText}");
            }
        }
        else
        {
            RejectQuery(url);
        }

        var fragment = url.Fragment;
        url = url.WithFragment(null);
        var pathName = url.LastSegment;
        if (url.Path.Length == 0)
        {
            throw new FerryException($"pkgid urls must have at least one path component: {url}");
        }

        string name;
        PartialVersion? version = null;
        if (fragment is null)
        {
            name = pathName;
        }
        else if (SplitSpec(fragment) is { } split)
        {
            (name, version) = split;
        }
        else if (fragment.Length == 0)
        {
            throw new FerryException("pkgid url cannot have an empty fragment");
        }
        else if (char.IsLetter(fragment, 0))
        {
            name = fragment;
        }
        else
        {
            version = ParseVersion(fragment);
            name = pathName;
        }

        NameValidation.ValidatePackageName(name);
        return new PackageIdSpec(name, version, url, kind, git);
    }

    private static void RejectQuery(Url url)
    {
        if (url.Query is not null)
        {
            throw new FerryException($"cannot have a query string in a pkgid: {url}");
        }
    }

    /// <summary><c>name@version</c>, or the old <c>name:version</c>.</summary>
    private static (string Name, PartialVersion? Version)? SplitSpec(string spec)
    {
        var at = spec.LastIndexOf('@');
        int split;
        if (at >= 0)
        {
            split = at;
        }
        else
        {
            var colon = spec.LastIndexOf(':');
            if (colon < 0 || (colon > 0 && spec[colon - 1] == ':'))
            {
                return null;
            }

            split = colon;
        }

        return (spec[..split], ParseVersion(spec[(split + 1)..]));
    }

    private static PartialVersion ParseVersion(string text) =>
        PartialVersion.TryParse(text, out var version, out var error) ? version : throw new FerryException(error);

    /// <summary>Whether the package <paramref name="id"/> fits this spec.</summary>
    public bool Matches(PackageId id)
    {
        if (Name != id.Name)
        {
            return false;
        }

        if (Version is not null && !Version.Matches(id.Version))
        {
            return false;
        }

        if (Url is not null && Url.ToString() != id.Source.Url.ToString())
        {
            return false;
        }

        return Kind is not { } kind || kind == id.Source.Kind;
    }

    /// <summary>Cargo's <c>query_str</c>: parses <paramref name="spec"/> and finds the one package it names.</summary>
    public static PackageId QueryString(string spec, IReadOnlyList<PackageId> ids, string? cwd)
    {
        PackageIdSpec parsed;
        try
        {
            parsed = Parse(spec, cwd);
        }
        catch (FerryException e)
        {
            var suggestion = Util.Text.EditDistance.ClosestMessage(spec, ids.Select(id => id.Name), "package");
            throw new FerryException($"invalid package ID specification: `{spec}`{suggestion}", e);
        }

        return parsed.Query(ids);
    }

    /// <summary>Cargo's <c>query</c>: exactly one of <paramref name="ids"/> must match, with its suggestions otherwise.</summary>
    public PackageId Query(IReadOnlyList<PackageId> ids)
    {
        var matches = ids.Where(Matches).ToList();
        if (matches.Count == 0)
        {
            var suggestion = new StringBuilder();
            void TrySpec(PackageIdSpec candidate)
            {
                var tryMatches = ids.Where(candidate.Matches).ToList();
                if (tryMatches.Count > 0)
                {
                    suggestion.Append("\nhelp: there are similar package ID specifications:\n");
                    Minimize(suggestion, tryMatches);
                }
            }

            if (Url is not null)
            {
                TrySpec(new PackageIdSpec(Name, Version, null, null, null));
            }

            if (suggestion.Length == 0 && Version?.ToVersion() is not null)
            {
                TrySpec(new PackageIdSpec(Name, null, null, null, null));
            }

            if (suggestion.Length == 0)
            {
                suggestion.Append(Util.Text.EditDistance.ClosestMessage(Name, ids.Select(id => id.Name), "package"));
            }

            throw new FerryException($"package ID specification `{this}` did not match any packages{suggestion}");
        }

        if (matches.Count > 1)
        {
            // "specificationm" is Cargo 1.95's spelling, reproduced for identical output.
            var message = new StringBuilder($"specificationm `{this}` is ambiguous\nhelp: re-run this command with one of the following specifications");
            Minimize(message, matches);
            throw new FerryException(message.ToString());
        }

        return matches[0];
    }

    private void Minimize(StringBuilder text, List<PackageId> ids)
    {
        foreach (var id in ids)
        {
            var sameVersion = ids.Count(other => other.Version == id.Version);
            text.Append(sameVersion == 1 ? $"\n  {Name}@{id.Version}" : $"\n  {id.ToSpecString()}");
        }
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        var printedName = false;
        if (Url is not null)
        {
            var protocol = Kind switch
            {
                SourceKind.Git => "git+",
                SourceKind.Registry => "registry+",
                SourceKind.Path => "path+",
                _ => string.Empty,
            };
            text.Append(protocol).Append(Url);
            if (Kind == SourceKind.Git && GitReference?.PrettyRef(true) is { } pretty)
            {
                text.Append('?').Append(pretty);
            }

            if (Url.LastSegment != Name)
            {
                printedName = true;
                text.Append('#').Append(Name);
            }
        }
        else
        {
            printedName = true;
            text.Append(Name);
        }

        if (Version is not null)
        {
            text.Append(printedName ? '@' : '#').Append(Version);
        }

        return text.ToString();
    }
}
