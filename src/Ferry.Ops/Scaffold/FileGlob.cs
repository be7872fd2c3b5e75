namespace Ferry.Ops.Scaffold;

/// <summary>
/// The <c>glob</c> crate's <c>glob()</c> over the file system, for <c>workspace.members</c>:
/// component by component, wildcard components matched against each directory's entries in byte
/// order (hidden ones included), <c>**</c> for a directory and everything below it, literal
/// components kept only when they exist.
/// </summary>
internal static class FileGlob
{
    public static List<string> Expand(string pattern)
    {
        var components = RustPath.Components(pattern);
        var current = new List<string> { components.Count > 0 && components[0] == "/" ? "/" : "." };
        foreach (var component in components.SkipWhile(c => c == "/"))
        {
            var next = new List<string>();
            if (component == "**")
            {
                foreach (var directory in current)
                {
                    AddRecursive(directory, next);
                }
            }
            else if (GlobPattern.IsPattern(component))
            {
                var glob = GlobPattern.Parse(component);
                foreach (var directory in current)
                {
                    foreach (var entry in Entries(directory))
                    {
                        if (glob.Matches(entry))
                        {
                            next.Add(RustPath.Join(directory, entry));
                        }
                    }
                }
            }
            else
            {
                foreach (var directory in current)
                {
                    var candidate = RustPath.Join(directory, component);
                    if (CargoPaths.Exists(candidate))
                    {
                        next.Add(candidate);
                    }
                }
            }

            current = next;
        }

        return current;
    }

    private static void AddRecursive(string directory, List<string> into)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        into.Add(directory);
        foreach (var entry in Entries(directory))
        {
            var child = RustPath.Join(directory, entry);
            if (Directory.Exists(child))
            {
                AddRecursive(child, into);
            }
        }
    }

    private static List<string> Entries(string directory)
    {
        var names = new List<string>();
        try
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(directory))
            {
                names.Add(Path.GetFileName(entry));
            }
        }
        catch (Exception e) when (CargoPaths.IsIo(e))
        {
            return names;
        }

        names.Sort(static (a, b) => System.Text.Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(b)));
        return names;
    }
}
