namespace Ferry.Ops.Scaffold;

/// <summary>A target source of the new package, relative to its directory, and whether it is a binary.</summary>
internal sealed record SourceFile(string RelativePath, bool Bin)
{
    /// <summary>Where <c>new</c> (and <c>init</c> in a directory without sources) puts the template.</summary>
    public static SourceFile Planned(bool bin) => bin ? new SourceFile("src/main.rs", true) : new SourceFile("src/lib.rs", false);
}
