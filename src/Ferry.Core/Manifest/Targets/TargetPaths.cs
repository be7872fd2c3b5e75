using System.Text;

namespace Ferry.Core.Manifest.Targets;

/// <summary>
/// Path handling with Cargo's (that is, Rust's <c>std::path</c>) semantics, which differ from
/// <see cref="System.IO.Path"/> in ways that show up in messages and in which inferred targets an
/// explicit one suppresses: normalization is purely lexical, and two paths are equal when their
/// components are, so <c>./src//main.rs</c> and <c>src/main.rs</c> are the same path.
/// </summary>
internal static class TargetPaths
{
    /// <summary>The separator Cargo's joined paths display with (literal <c>src/main.rs</c> aside).</summary>
    public static readonly char Separator = Path.DirectorySeparatorChar;

    public static string Join(string first, string second) => first + Separator + second;

    public static string Join(string first, string second, string third) => first + Separator + second + Separator + third;

    /// <summary>Rust's <c>Path::join</c>: an absolute second path replaces the first.</summary>
    public static string Resolve(string root, string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        if (root.Length > 0 && IsSeparator(root[^1]))
        {
            return root + path;
        }

        return root + Separator + path;
    }

    /// <summary>
    /// <c>cargo_util::paths::normalize_path</c>: drops <c>.</c>, folds <c>name/..</c>, keeps leading
    /// <c>..</c> of a relative path and drops <c>..</c> directly under the root. No file system access.
    /// </summary>
    public static string Normalize(string path)
    {
        var rooted = path.Length > 0 && IsSeparator(path[0]);
        var prefix = string.Empty;
        var rest = path.AsSpan();
        if (OperatingSystem.IsWindows() && path.Length >= 2 && path[1] == ':')
        {
            // A drive prefix is kept as is, as Rust does with Component::Prefix.
            prefix = path[..2];
            rest = rest[2..];
            rooted = rest.Length > 0 && IsSeparator(rest[0]);
        }

        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= rest.Length; i++)
        {
            if (i < rest.Length && !IsSeparator(rest[i]))
            {
                continue;
            }

            var part = rest[start..i];
            start = i + 1;
            if (part.Length == 0 || part is ".")
            {
                continue;
            }

            if (part is "..")
            {
                if (parts.Count > 0 && parts[^1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (!rooted)
                {
                    parts.Add("..");
                }

                continue;
            }

            parts.Add(part.ToString());
        }

        var text = new StringBuilder(path.Length).Append(prefix);
        if (rooted)
        {
            text.Append(Separator);
        }

        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0)
            {
                text.Append(Separator);
            }

            text.Append(parts[i]);
        }

        return text.ToString();
    }

    /// <summary>
    /// A key equal for paths Rust's <c>PathBuf</c> considers equal: components compared, empty and
    /// interior <c>.</c> components ignored (every key comes from a path joined to an absolute root,
    /// so no <c>.</c> is leading), <c>..</c> kept.
    /// </summary>
    public static string ComponentKey(string absolutePath)
    {
        var key = new StringBuilder(absolutePath.Length + 1);
        if (absolutePath.Length > 0 && IsSeparator(absolutePath[0]))
        {
            key.Append('/');
        }

        var start = 0;
        for (var i = 0; i <= absolutePath.Length; i++)
        {
            if (i < absolutePath.Length && !IsSeparator(absolutePath[i]))
            {
                continue;
            }

            var part = absolutePath.AsSpan(start, i - start);
            start = i + 1;
            if (part.Length > 0 && part is not ".")
            {
                key.Append(part).Append('\0');
            }
        }

        return key.ToString();
    }

    /// <summary>
    /// Rust's <c>Path::file_stem</c>: the last normal component (interior and trailing <c>.</c>
    /// components do not count, <c>..</c> or a lone leading <c>.</c> means there is none) without
    /// its last extension; null when there is no file name.
    /// </summary>
    public static string? FileStem(string path)
    {
        string? last = null;
        var first = true;
        var start = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            if (i < path.Length && !IsSeparator(path[i]))
            {
                continue;
            }

            var part = path[start..i];
            start = i + 1;
            if (part.Length == 0 || (part == "." && !first))
            {
                continue;
            }

            last = part;
            first = false;
        }

        if (last is null or "." or "..")
        {
            return null;
        }

        var dot = last.LastIndexOf('.');
        return dot <= 0 ? last : last[..dot];
    }

    /// <summary>
    /// Rust's <c>Path::exists</c>: follows symbolic links, so a dangling link does not exist.
    /// (<see cref="Path.Exists"/> and <see cref="File.Exists"/> say it does on Unix.)
    /// </summary>
    public static bool Exists(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? LinkResolves(file) : Directory.Exists(path);
    }

    /// <summary>Rust's <c>Path::is_file</c>: a regular file, possibly through symbolic links.</summary>
    public static bool IsFile(string path)
    {
        var file = new FileInfo(path);
        return file.Exists && LinkResolves(file);
    }

    private static bool LinkResolves(FileInfo file)
    {
        if ((file.Attributes & FileAttributes.ReparsePoint) == 0)
        {
            return true;
        }

        try
        {
            return file.ResolveLinkTarget(returnFinalTarget: true) is not { } target || target.Exists;
        }
        catch (IOException)
        {
            // A link cycle: nothing exists at the end of it.
            return false;
        }
    }

    private static bool IsSeparator(char c) => c == '/' || (OperatingSystem.IsWindows() && c == '\\');
}
