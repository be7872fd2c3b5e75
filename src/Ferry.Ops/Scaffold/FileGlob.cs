using System.Text;

namespace Ferry.Ops.Scaffold;

/// <summary>
/// The <c>glob</c> crate's <c>glob()</c> over the file system, for <c>workspace.members</c>,
/// following its walk exactly because the order decides which broken member Cargo reports first:
/// a stack of (path, pattern index) pairs, each directory's entries pushed in reverse byte order
/// (so they come out sorted, depth first), hidden entries included, literal components kept only
/// when they exist, and <c>**</c> standing for one or more directory levels below the current one.
/// </summary>
internal static class FileGlob
{
    public static List<string> Expand(string pattern)
    {
        var absolute = pattern.StartsWith('/');
        var root = absolute ? "/" : ".";
        var rest = pattern.TrimStart('/');
        var parts = rest.Split('/').ToList();
        if (parts.Count > 0 && parts[^1].Length == 0)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        var patterns = parts.Select(p => (Text: p, Glob: GlobPattern.Parse(p), Recursive: p == "**")).ToList();
        var requireDirectory = pattern.EndsWith('/');
        var results = new List<string>();
        if (patterns.Count == 0)
        {
            // glob() yields the root itself for a pattern that is only a root.
            results.Add(root);
            return results;
        }

        var todo = new Stack<(string Path, int Index)>();
        Fill(todo, patterns, 0, root);
        while (todo.Count > 0)
        {
            var (path, index) = todo.Pop();
            if (index < 0)
            {
                if (!requireDirectory || Directory.Exists(path))
                {
                    results.Add(path);
                }

                continue;
            }

            if (patterns[index].Recursive)
            {
                var next = index;
                while (next + 1 < patterns.Count && patterns[next + 1].Recursive)
                {
                    next++;
                }

                if (Directory.Exists(path))
                {
                    Fill(todo, patterns, next, path);
                    if (next == patterns.Count - 1)
                    {
                        results.Add(path);
                        continue;
                    }

                    index = next + 1;
                }
                else if (next == patterns.Count - 1)
                {
                    continue;
                }
                else
                {
                    index = next + 1;
                }
            }

            if (RustPath.FileName(path) is { } name && patterns[index].Glob.Matches(name))
            {
                if (index == patterns.Count - 1)
                {
                    if (!requireDirectory || Directory.Exists(path))
                    {
                        results.Add(path);
                    }
                }
                else
                {
                    Fill(todo, patterns, index + 1, path);
                }
            }
        }

        return results;
    }

    private static void Fill(Stack<(string, int)> todo, List<(string Text, GlobPattern Glob, bool Recursive)> patterns, int index, string path)
    {
        var current = path == ".";
        var (text, _, recursive) = patterns[index];
        if (!recursive && !GlobPattern.IsPattern(text))
        {
            var special = text is "." or "..";
            var next = current ? text : RustPath.Join(path, text);
            if ((special && Directory.Exists(path)) || (!special && CargoPaths.Exists(next)))
            {
                Add(todo, patterns, index, next);
            }

            return;
        }

        if (!Directory.Exists(path))
        {
            return;
        }

        var children = new List<string>();
        try
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(path))
            {
                var name = System.IO.Path.GetFileName(entry);
                children.Add(current ? name : RustPath.Join(path, name));
            }
        }
        catch (Exception e) when (CargoPaths.IsIo(e))
        {
            return;
        }

        // Pushed in reverse byte order of the names, so they are popped in order.
        children.Sort((a, b) => Utf8(RustPath.FileName(b)).AsSpan().SequenceCompareTo(Utf8(RustPath.FileName(a))));
        foreach (var child in children)
        {
            todo.Push((child, index));
        }

        if (text.StartsWith('.'))
        {
            foreach (var special in new[] { ".", ".." })
            {
                if (patterns[index].Glob.Matches(special))
                {
                    Add(todo, patterns, index, RustPath.Join(path, special));
                }
            }
        }
    }

    /// <summary>A path known to match pattern <paramref name="index"/>: a result (index -1) if it was the last, else the next pattern is applied at once.</summary>
    private static void Add(Stack<(string, int)> todo, List<(string Text, GlobPattern Glob, bool Recursive)> patterns, int index, string path)
    {
        if (index + 1 == patterns.Count)
        {
            todo.Push((path, -1));
        }
        else
        {
            Fill(todo, patterns, index + 1, path);
        }
    }

    private static byte[] Utf8(string? text) => Encoding.UTF8.GetBytes(text ?? string.Empty);
}
