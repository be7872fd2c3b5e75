namespace Ferry.Testsuite.Support;

/// <summary>Locates the repository, the built binary and the shared data from the test output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Conformance => Path.Combine(Shared, "conformance");

    /// <summary>
    /// The read-only team folder beside the repository (<c>../shared</c>), found by walking up so
    /// that git worktrees in other folders work too.
    /// </summary>
    public static string Shared { get; } = FindShared();

    public static string SharedRegistry => Path.Combine(Shared, "registry");

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "conformance")))
            {
                return candidate;
            }
        }

        return Path.GetFullPath(Path.Combine(Root, "..", "shared"));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ferry.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find Ferry.slnx above " + AppContext.BaseDirectory);
    }
}
