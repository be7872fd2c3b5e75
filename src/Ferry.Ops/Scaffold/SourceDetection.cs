using Ferry.Util.Diagnostics;

namespace Ferry.Ops.Scaffold;

/// <summary>
/// <c>init</c>'s look at an existing directory: which of the usual target files are there
/// (<c>src/main.rs</c>, <c>main.rs</c>, <c>src/{name}.rs</c>, <c>{name}.rs</c>, <c>src/lib.rs</c>,
/// <c>lib.rs</c>, in that order; a <c>{name}.rs</c> is a binary if it contains <c>fn main</c>),
/// refusing layouts where the main target would be ambiguous.
/// </summary>
internal static class SourceDetection
{
    private enum Handling
    {
        Bin,
        Lib,
        Detect,
    }

    public static List<SourceFile> Detect(string packagePath, string name)
    {
        (string Path, Handling Handling)[] candidates =
        [
            ("src/main.rs", Handling.Bin),
            ("main.rs", Handling.Bin),
            ($"src/{name}.rs", Handling.Detect),
            ($"{name}.rs", Handling.Detect),
            ("src/lib.rs", Handling.Lib),
            ("lib.rs", Handling.Lib),
        ];

        var detected = new List<SourceFile>();
        foreach (var (relative, handling) in candidates)
        {
            var full = RustPath.Join(packagePath, relative);
            if (!File.Exists(full))
            {
                continue;
            }

            var bin = handling switch
            {
                Handling.Bin => true,
                Handling.Lib => false,
                _ => CargoPaths.ReadText(full).Contains("fn main", StringComparison.Ordinal),
            };
            detected.Add(new SourceFile(relative, bin));
        }

        string? previousLib = null;
        SourceFile? previousBin = null;
        foreach (var file in detected)
        {
            if (file.Bin)
            {
                if (previousBin is not null)
                {
                    throw new FerryException(
                        $"multiple possible binary sources found:\n  {previousBin.RelativePath}\n  {file.RelativePath}\ncannot automatically generate Cargo.toml as the main target would be ambiguous");
                }

                previousBin = file;
            }
            else
            {
                if (previousLib is not null)
                {
                    throw new FerryException($"cannot have a package with multiple libraries, found both `{previousLib}` and `{file.RelativePath}`");
                }

                previousLib = file.RelativePath;
            }
        }

        return detected;
    }

    /// <summary>What the sources say the package is: a library when there are sources and none is a binary.</summary>
    public static NewProjectKind Kind(NewProjectKind requested, bool autoDetect, IReadOnlyList<SourceFile> found)
    {
        if (!autoDetect)
        {
            return requested;
        }

        return found.Count > 0 && !found.Any(f => f.Bin) ? NewProjectKind.Lib : NewProjectKind.Bin;
    }
}
