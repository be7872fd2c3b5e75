using System.IO.Enumeration;

namespace Ferry.Core.Manifest.Targets;

/// <summary>
/// Auto-discovery on disk, run on every command's start-up: one listing per conventional directory
/// (<c>src/bin</c>, <c>examples</c>, <c>tests</c>, <c>benches</c>), plus one existence check per
/// subdirectory for its <c>main.rs</c>. Entries come back in directory order, as Cargo reads them
/// with <c>read_dir</c>; that order is visible in Cargo's 2015-edition warnings and "similar name"
/// hints, so it is kept rather than sorted here.
/// </summary>
internal static class TargetDirectoryScan
{
    private static readonly EnumerationOptions Options = new()
    {
        // Dotfiles are skipped below by name, as Cargo does; nothing else is hidden from it.
        AttributesToSkip = 0,
        IgnoreInaccessible = true,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    /// <summary><c>infer_from_directory</c>: <c>dir/*.rs</c> and <c>dir/*/main.rs</c>, skipping dotfiles.</summary>
    public static List<InferredTarget> Scan(string packageRoot, string relativeDirectory)
    {
        var result = new List<InferredTarget>();
        var directory = TargetPaths.Join(packageRoot, relativeDirectory);
        if (!Directory.Exists(directory))
        {
            return result;
        }

        try
        {
            var entries = new FileSystemEnumerable<(string Name, bool IsDirectory)>(
                directory,
                static (ref FileSystemEntry entry) =>
                    // Like Rust's DirEntry::file_type, a symbolic link is not a directory even
                    // when it points at one: `bin/tool.rs -> somewhere/` counts as a file.
                    (entry.FileName.ToString(), entry.IsDirectory && (entry.Attributes & FileAttributes.ReparsePoint) == 0),
                Options);
            foreach (var (name, isDirectory) in entries)
            {
                if (name.Length == 0 || name[0] == '.')
                {
                    continue;
                }

                if (isDirectory)
                {
                    var main = TargetPaths.Join(relativeDirectory, name, "main.rs");
                    if (TargetPaths.Exists(TargetPaths.Join(packageRoot, main)))
                    {
                        result.Add(new InferredTarget(name, main));
                    }
                }
                else if (name.Length > 3 && name.EndsWith(".rs", StringComparison.Ordinal))
                {
                    result.Add(new InferredTarget(name[..^3], TargetPaths.Join(relativeDirectory, name)));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Cargo treats an unreadable directory as an empty one.
        }

        return result;
    }

    /// <summary><c>inferred_bins</c>: <c>src/main.rs</c> named after the package, then <c>src/bin</c>.</summary>
    public static List<InferredTarget> Bins(string packageRoot, string packageName)
    {
        var bins = new List<InferredTarget>();
        // Cargo spells this one as a literal, so it shows with '/' on every platform.
        const string main = "src/main.rs";
        if (TargetPaths.Exists(TargetPaths.Resolve(packageRoot, main)))
        {
            bins.Add(new InferredTarget(packageName, main));
        }

        bins.AddRange(Scan(packageRoot, TargetPaths.Join("src", "bin")));
        return bins;
    }
}
