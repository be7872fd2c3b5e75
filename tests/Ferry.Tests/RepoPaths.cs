namespace Ferry.Tests;

/// <summary>Locates the repository and the shared conformance data from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The read-only third-party data beside the repository (<c>../shared/conformance</c>).</summary>
    public static string Conformance => Path.Combine(Shared, "conformance");

    /// <summary>
    /// <c>../shared</c> beside the repository — or beside an ancestor of it, for a git worktree
    /// checked out deeper (e.g. <c>/work/wt/NAME</c> next to <c>/work/shared</c>).
    /// </summary>
    public static string Shared { get; } = FindShared();

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(Root).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(candidate))
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
