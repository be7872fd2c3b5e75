using System.Collections.Immutable;
using Ferry.Core.Manifest.Targets;
using Ferry.Toml;

namespace Ferry.Core.Manifest;

/// <summary>
/// A <c>[workspace]</c> table as a root sees it (Cargo's <c>WorkspaceRootConfig</c>): where it is, its
/// member and exclude patterns, and what members inherit.
/// </summary>
public sealed record WorkspaceRootConfig(
    string RootDir,
    ImmutableArray<string>? Members,
    ImmutableArray<string>? DefaultMembers,
    ImmutableArray<string> Exclude,
    InheritableFields Inheritable,
    TomlValue? CustomMetadata)
{
    public bool HasMembersList => Members is not null;

    public bool HasDefaultMembers => DefaultMembers is not null;

    /// <summary>
    /// Cargo's <c>is_excluded</c>: under an <c>exclude</c> entry and not under a <c>members</c> entry
    /// (both compared literally, component by component, not as globs).
    /// </summary>
    public bool IsExcluded(string manifestPath)
    {
        var excluded = false;
        foreach (var ex in Exclude)
        {
            excluded |= StartsWith(manifestPath, TargetPaths.Resolve(RootDir, ex));
        }

        if (!excluded)
        {
            return false;
        }

        if (Members is { } members)
        {
            foreach (var member in members)
            {
                if (StartsWith(manifestPath, TargetPaths.Resolve(RootDir, member)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="manifestPath"/> is the root or in one of the expanded <c>members</c>.</summary>
    public bool IsExplicitlyListedMember(string manifestPath)
    {
        var rootManifest = TargetPaths.Resolve(RootDir, "Cargo.toml");
        if (manifestPath == rootManifest)
        {
            return true;
        }

        if (Members is not { } members)
        {
            return false;
        }

        IReadOnlyList<(string Path, string? Glob)> expanded;
        try
        {
            expanded = MembersPaths(members);
        }
        catch (Util.Diagnostics.FerryException)
        {
            return false;
        }

        var parent = Path.GetDirectoryName(TargetPaths.Normalize(manifestPath));
        foreach (var (member, _) in expanded)
        {
            if (TargetPaths.Normalize(member) == parent)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Cargo's <c>members_paths</c>: each pattern joined to the root and expanded; a pattern that matches
    /// nothing stands for itself (so the missing manifest is reported), matches that are not directories
    /// are dropped, and the pattern is remembered when it really was a glob (for messages).
    /// </summary>
    public IReadOnlyList<(string Path, string? Glob)> MembersPaths(ImmutableArray<string> globs)
    {
        var list = new List<(string, string?)>();
        foreach (var glob in globs)
        {
            var path = TargetPaths.Resolve(RootDir, glob);
            var expanded = WorkspaceGlob.Expand(path);
            if (expanded.Count == 0)
            {
                list.Add((path, null));
                continue;
            }

            var usedGlob = expanded.Count > 1 || expanded[0] != path;
            foreach (var match in expanded)
            {
                if (Directory.Exists(match))
                {
                    list.Add((match, usedGlob ? glob : null));
                }
            }
        }

        return list;
    }

    /// <summary>Rust's <c>Path::starts_with</c>: whole components only.</summary>
    public static bool StartsWith(string path, string prefix)
    {
        var a = Components(path);
        var b = Components(prefix);
        if (b.Count > a.Count)
        {
            return false;
        }

        for (var i = 0; i < b.Count; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }

    private static List<string> Components(string path)
    {
        var parts = new List<string>();
        if (path.StartsWith('/'))
        {
            parts.Add("/");
        }

        var split = path.Split('/');
        for (var i = 0; i < split.Length; i++)
        {
            var part = split[i];
            if (part.Length == 0 || (part == "." && parts.Count > 0))
            {
                continue;
            }

            parts.Add(part);
        }

        return parts;
    }
}
