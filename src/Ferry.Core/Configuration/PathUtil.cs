namespace Ferry.Core.Configuration;

/// <summary>Path helpers with the semantics of the Rust functions Cargo's config code uses.</summary>
internal static class PathUtil
{
    /// <summary>
    /// Cargo's <c>paths::normalize_path</c>: removes <c>.</c> and empty components and lets
    /// <c>..</c> drop the previous component, without touching the file system (symlinks are
    /// not resolved).
    /// </summary>
    public static string Normalize(string path)
    {
        if (path.Length == 0)
        {
            return path;
        }

        var rooted = path[0] == '/';
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            switch (part)
            {
                case "" or ".":
                    break;
                case "..":
                    if (parts.Count > 0)
                    {
                        parts.RemoveAt(parts.Count - 1);
                    }

                    break;
                default:
                    parts.Add(part);
                    break;
            }
        }

        var joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined;
    }

    /// <summary>Rust's <c>Path::join</c>: an absolute <paramref name="relative"/> replaces the base.</summary>
    public static string Join(string basePath, string relative)
    {
        if (relative.Length == 0)
        {
            return basePath.EndsWith('/') ? basePath : basePath + "/";
        }

        return Path.IsPathRooted(relative) ? relative : Path.Join(basePath, relative);
    }

    /// <summary>The working directory and each of its ancestors, up to the root.</summary>
    public static IEnumerable<string> Ancestors(string path)
    {
        for (var current = path; !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            yield return current;
        }
    }

    /// <summary>Rust's <c>Path::extension</c>: none for <c>.toml</c> or <c>a.</c>.</summary>
    public static string? Extension(string path)
    {
        var name = Path.GetFileName(path.TrimEnd('/'));
        var dot = name.LastIndexOf('.');
        return dot <= 0 ? null : name[(dot + 1)..];
    }

    /// <summary>Resolves symlinks so two spellings of one file compare equal (Cargo compares file handles).</summary>
    public static string Canonical(string path)
    {
        try
        {
            var info = new FileInfo(path);
            var target = info.Exists || Directory.Exists(path) ? info.ResolveLinkTarget(returnFinalTarget: true) : null;
            return target?.FullName ?? Path.GetFullPath(path);
        }
        catch (IOException)
        {
            return path;
        }
        catch (UnauthorizedAccessException)
        {
            return path;
        }
    }
}
