namespace Ferry.Testsuite.Support;

/// <summary>Locates the repository, the built binary and the shared data from the test output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Conformance => Path.GetFullPath(Path.Combine(Root, "..", "shared", "conformance"));

    public static string SharedRegistry => Path.GetFullPath(Path.Combine(Root, "..", "shared", "registry"));

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
