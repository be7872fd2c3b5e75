using Ferry.Util.Text;
using System.Text;

namespace Ferry.Ops.Scaffold;

/// <summary>
/// Rust's <c>std::path</c> semantics on Unix paths, which Cargo's messages and decisions depend on:
/// <c>cargo new .</c> names the package after the directory (<c>file_name</c> ignores a trailing
/// <c>.</c>) yet prints the path as typed (<c>/work/.</c>); paths compare component-wise
/// (<c>/home/me/.</c> is the home directory). .NET normalises paths on almost every call, so the
/// rules are spelled out here instead.
/// </summary>
internal static class RustPath
{
    /// <summary><c>Path::join</c>: an absolute <paramref name="path"/> replaces <paramref name="directory"/>.</summary>
    public static string Join(string directory, string path)
    {
        if (path.StartsWith('/'))
        {
            return path;
        }

        return directory.EndsWith('/') ? directory + path : directory + "/" + path;
    }

    /// <summary><c>Path::components</c>: <c>/</c> as the first element of an absolute path, <c>.</c> only at the start of a relative one.</summary>
    public static IReadOnlyList<string> Components(string path)
    {
        var components = new List<string>();
        var absolute = path.StartsWith('/');
        if (absolute)
        {
            components.Add("/");
        }

        var parts = path.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length == 0)
            {
                continue;
            }

            if (part == "." && (absolute || components.Count > 0 || i > 0))
            {
                continue;
            }

            components.Add(part);
        }

        return components;
    }

    /// <summary><c>Path::file_name</c>: the last component when it is a name (not <c>..</c>, not the root).</summary>
    public static string? FileName(string path)
    {
        var components = Components(path);
        if (components.Count == 0)
        {
            return null;
        }

        var last = components[^1];
        return last is "/" or "." or ".." ? null : last;
    }

    /// <summary>
    /// <c>Path::parent</c>: the path as written up to its last component, without trailing
    /// separators or <c>.</c> components (the parent of <c>/w/p/./src/lib.rs</c> is <c>/w/p/./src</c>).
    /// </summary>
    public static string? Parent(string path)
    {
        var trimmed = TrimEnd(path);
        if (trimmed.Length == 0 || trimmed == "/" || (trimmed == "." && !path.StartsWith('/')))
        {
            return trimmed == "." ? string.Empty : null;
        }

        var cut = trimmed.LastIndexOf('/');
        if (cut < 0)
        {
            return string.Empty;
        }

        return cut == 0 ? "/" : TrimEnd(trimmed[..cut]);
    }

    /// <summary>Drops trailing separators and <c>.</c> components, as Rust's <c>Components::as_path</c> does.</summary>
    private static string TrimEnd(string path)
    {
        while (true)
        {
            if (path.Length > 1 && path.EndsWith('/'))
            {
                path = path[..^1];
            }
            else if (path.EndsWith("/.", StringComparison.Ordinal))
            {
                path = path.Length == 2 ? "/" : path[..^2];
            }
            else
            {
                return path;
            }
        }
    }

    /// <summary>Path equality as Rust defines it: the same components.</summary>
    public static bool Same(string left, string right) => Components(left).SequenceEqual(Components(right), StringComparer.Ordinal);

    /// <summary>Cargo's <c>paths::normalize_path</c>: <c>.</c> dropped, <c>..</c> removes the previous component, no file system access.</summary>
    public static string Normalize(string path)
    {
        var result = new List<string>();
        foreach (var component in Components(path))
        {
            switch (component)
            {
                case ".":
                    break;
                case "..":
                    if (result.Count > 0 && result[^1] != "/")
                    {
                        result.RemoveAt(result.Count - 1);
                    }

                    break;
                default:
                    result.Add(component);
                    break;
            }
        }

        return FromComponents(result);
    }

    /// <summary>
    /// The <c>pathdiff</c> crate's <c>diff_paths</c>: <paramref name="path"/> relative to
    /// <paramref name="basePath"/>, component by component, without touching the file system.
    /// </summary>
    public static string? Diff(string path, string basePath)
    {
        if (path.StartsWith('/') != basePath.StartsWith('/'))
        {
            return path.StartsWith('/') ? path : null;
        }

        var ita = Components(path);
        var itb = Components(basePath);
        var comps = new List<string>();
        int a = 0, b = 0;
        while (true)
        {
            var hasA = a < ita.Count;
            var hasB = b < itb.Count;
            if (!hasA && !hasB)
            {
                break;
            }

            if (hasA && !hasB)
            {
                comps.AddRange(ita.Skip(a));
                break;
            }

            if (!hasA)
            {
                comps.Add("..");
                b++;
                continue;
            }

            var ca = ita[a++];
            var cb = itb[b++];
            if (comps.Count == 0 && ca == cb)
            {
                continue;
            }

            if (cb == ".")
            {
                comps.Add(ca);
                continue;
            }

            if (cb == "..")
            {
                return null;
            }

            comps.Add("..");
            for (; b < itb.Count; b++)
            {
                comps.Add("..");
            }

            comps.Add(ca);
            comps.AddRange(ita.Skip(a));
            break;
        }

        return FromComponents(comps);
    }

    /// <summary>
    /// <c>std::fs::create_dir_all</c> on a path as typed: the operating system resolves
    /// <c>x/../y</c> only if <c>x</c> exists, so Rust ends up creating <c>x</c> too.
    /// </summary>
    public static void CreateDirAll(string path)
    {
        var components = Components(path);
        for (var i = 1; i < components.Count; i++)
        {
            if (components[i] == ".." && components[i - 1] is not ("/" or "." or ".."))
            {
                Directory.CreateDirectory(FromComponents(components.Take(i)));
            }
        }

        Directory.CreateDirectory(path);
    }

    /// <summary>The <c>{:?}</c> rendering of a path: quoted, with Rust's escapes.</summary>
    public static string Debug(string path) => RustDebug.Quote(path);

    private static string FromComponents(IEnumerable<string> components)
    {
        var text = new StringBuilder();
        foreach (var component in components)
        {
            if (component == "/")
            {
                text.Append('/');
                continue;
            }

            if (text.Length > 0 && text[^1] != '/')
            {
                text.Append('/');
            }

            text.Append(component);
        }

        return text.ToString();
    }
}
