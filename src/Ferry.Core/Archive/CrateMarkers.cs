using System.Collections.Immutable;
using Ferry.Util.IO;

namespace Ferry.Core.Archive;

/// <summary>
/// The names Ferry (and Cargo) write into an extracted package directory, and the shape of the
/// temporary directories extraction works in.
/// </summary>
/// <remarks>
/// A package directory counts as complete only when <see cref="FerryOk"/> exists in it: the
/// marker is the last file written, inside a temporary directory that is then renamed into
/// place. A directory without the marker (a crash, a half-finished extraction by an old tool)
/// is never trusted; it is replaced on the next extraction. An archive may not contain any of
/// these names at its package root, so it cannot forge a marker or a digest.
/// </remarks>
public static class CrateMarkers
{
    /// <summary>Cargo's "unpacked successfully" marker; written too so Cargo sharing the cache reuses the tree.</summary>
    public const string CargoOk = ".cargo-ok";

    /// <summary>Ferry's ready marker, written last.</summary>
    public const string FerryOk = ".ferry-ok";

    /// <summary>The tree digest (<see cref="TreeDigest"/> text form), written just before the ready marker.</summary>
    public const string FerryDigest = ".ferry-digest";

    /// <summary>Temporary extraction directories are named <c>.tmp-&lt;name&gt;-&lt;random&gt;</c> next to the destination.</summary>
    public const string TemporaryPrefix = ".tmp-";

    /// <summary>
    /// What both markers contain: Cargo (1.71 and later) treats a <c>.cargo-ok</c> with any other
    /// content as an extraction from a version that did not apply the umask, and redoes it.
    /// </summary>
    public const string MarkerContents = "{\"v\":1}";

    /// <summary>Names an archive may not place at its package root (compared case-insensitively).</summary>
    public static ImmutableArray<string> Reserved { get; } = [CargoOk, FerryOk, FerryDigest];

    /// <summary>True when <paramref name="packageDirectory"/> holds a finished extraction.</summary>
    public static bool IsComplete(string packageDirectory)
    {
        var marker = Path.Combine(packageDirectory, FerryOk);
        try
        {
            var info = new FileInfo(marker);
            return info.Exists && info.LinkTarget is null && info.Length == MarkerContents.Length
                && UnlockedFile.ReadAllText(marker) == MarkerContents;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
