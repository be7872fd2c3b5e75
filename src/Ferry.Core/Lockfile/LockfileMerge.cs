using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Lockfile;

/// <summary>
/// Cargo's <c>Resolve::merge_from</c>: after re-resolving against the previous lockfile, a package
/// that both resolves know must have the same checksum in both. A difference means a corrupt lock
/// file, a mirror that is not a mirror, or a replaced source — never silently accepted.
/// </summary>
public static class LockfileMerge
{
    /// <summary>
    /// Checks the checksums of <paramref name="resolve"/> against <paramref name="previous"/> and
    /// returns <paramref name="resolve"/> carrying the previous file's unknown <c>[metadata]</c> and
    /// its format version (so an unchanged lockfile is not rewritten in a newer format).
    /// </summary>
    /// <exception cref="FerryException">Cargo's <c>checksum for `...` changed between lock files</c> and its two siblings.</exception>
    public static Resolve MergeFrom(Resolve resolve, Resolve previous)
    {
        // Cargo walks a hash map; sorting makes the reported package deterministic.
        foreach (var (id, checksum) in previous.Checksums.OrderBy(p => p.Key))
        {
            if (!resolve.Checksums.TryGetValue(id, out var mine) || mine == checksum)
            {
                continue;
            }

            if (checksum is null)
            {
                throw new FerryException(NotPreviouslyCalculated(id));
            }

            throw new FerryException(mine is null ? NoLongerCalculable(id) : Changed(id));
        }

        return new Resolve(
            resolve.Graph,
            resolve.Replacements,
            resolve.Features,
            resolve.Checksums,
            previous.Metadata,
            resolve.UnusedPatches,
            previous.Version,
            resolve.Summaries);
    }

    private static string NotPreviouslyCalculated(PackageId id) =>
        $"checksum for `{id}` was not previously calculated, but a checksum could now be calculated\n" +
        "\n" +
        "this could be indicative of a few possible situations:\n" +
        "\n" +
        $"    * the source `{id.Source}` did not previously support checksums,\n" +
        "      but was replaced with one that does\n" +
        "    * newer Cargo implementations know how to checksum this source, but this\n" +
        "      older implementation does not\n" +
        "    * the lock file is corrupt\n";

    private static string NoLongerCalculable(PackageId id) =>
        $"checksum for `{id}` could not be calculated, but a checksum is listed in the existing lock file\n" +
        "\n" +
        "this could be indicative of a few possible situations:\n" +
        "\n" +
        $"    * the source `{id.Source}` supports checksums,\n" +
        "      but was replaced with one that doesn't\n" +
        "    * the lock file is corrupt\n" +
        "\n" +
        $"unable to verify that `{id}` is the same as when the lockfile was generated\n";

    private static string Changed(PackageId id) =>
        $"checksum for `{id}` changed between lock files\n" +
        "\n" +
        "this could be indicative of a few possible errors:\n" +
        "\n" +
        "    * the lock file is corrupt\n" +
        "    * a replacement source in use (e.g., a mirror) returned a different checksum\n" +
        "    * the source itself may be corrupt in one way or another\n" +
        "\n" +
        $"unable to verify that `{id}` is the same as when the lockfile was generated\n";
}
