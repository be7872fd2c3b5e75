namespace Ferry.Core.Manifest;

/// <summary>
/// The <c>pathdiff</c> crate's <c>diff_paths</c>: the relative path from <paramref name="basePath"/> to
/// <paramref name="path"/>, lexically. Cargo uses it for cwd-relative positions in diagnostics and for
/// paths inherited from the workspace root.
/// </summary>
public static class PathDiff
{
    public static string? Diff(string path, string basePath)
    {
        var sep = Path.DirectorySeparatorChar;
        if (Path.IsPathRooted(path) != Path.IsPathRooted(basePath))
        {
            return Path.IsPathRooted(path) ? path : null;
        }

        var a = Components(path);
        var b = Components(basePath);
        var result = new List<string>();
        int ia = 0, ib = 0;
        while (true)
        {
            var hasA = ia < a.Count;
            var hasB = ib < b.Count;
            if (!hasA && !hasB)
            {
                break;
            }

            if (hasA && !hasB)
            {
                result.AddRange(a.Skip(ia));
                break;
            }

            if (!hasA)
            {
                result.Add("..");
                ib++;
                continue;
            }

            var ca = a[ia];
            var cb = b[ib];
            if (result.Count == 0 && ca == cb)
            {
                ia++;
                ib++;
                continue;
            }

            if (cb == ".")
            {
                result.Add(ca);
                ia++;
                ib++;
                continue;
            }

            if (cb == "..")
            {
                return null;
            }

            result.Add("..");
            for (var k = ib + 1; k < b.Count; k++)
            {
                result.Add("..");
            }

            result.AddRange(a.Skip(ia));
            break;
        }

        return string.Join(sep, result);
    }

    /// <summary>Rust's <c>Path::components</c> for Unix paths: no empty parts, interior <c>.</c> dropped.</summary>
    private static List<string> Components(string path)
    {
        var parts = new List<string>();
        var split = path.Split(Path.DirectorySeparatorChar);
        for (var i = 0; i < split.Length; i++)
        {
            var part = split[i];
            if (part.Length == 0)
            {
                continue;
            }

            if (part == "." && (i > 0 || Path.IsPathRooted(path)))
            {
                continue;
            }

            parts.Add(part);
        }

        return parts;
    }
}
