namespace Ferry.Build.Layout;

/// <summary>
/// One file rustc writes for a unit, and where it is linked to afterwards (Cargo's <c>OutputFile</c>):
/// binaries and root libraries are hard-linked ("uplifted") from <c>deps/</c> to <c>target/debug/</c>.
/// </summary>
public sealed record OutputFile(string Path, string? Hardlink, FileFlavor Flavor)
{
    public string BinDestination => Hardlink ?? Path;
}
