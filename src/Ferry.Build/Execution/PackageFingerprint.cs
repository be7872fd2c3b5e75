using System.Globalization;
using Ferry.Build.Units;

namespace Ferry.Build.Execution;

/// <summary>
/// A package's "precalculated" fingerprint (Cargo's <c>Source::fingerprint</c>): a registry package's
/// version (its files never change), a path package's newest file and its mtime (so a build script
/// without <c>rerun-if</c> rules runs again whenever anything in the package changes).
/// </summary>
internal static class PackageFingerprint
{
    public static string Of(BuildPackage package)
    {
        if (!package.IsLocal)
        {
            return package.Version.ToString();
        }

        var (newest, path) = Newest(package.Root, isRoot: true);
        var ticks = newest.Ticks - DateTime.UnixEpoch.Ticks;
        return string.Create(CultureInfo.InvariantCulture, $"{ticks / TimeSpan.TicksPerSecond}.{ticks % TimeSpan.TicksPerSecond * 100:D9}s ({path})");
    }

    private static (DateTime Mtime, string? Path) Newest(string directory, bool isRoot)
    {
        var best = (DateTime.MinValue, (string?)null);
        if (!isRoot && File.Exists(Path.Combine(directory, "Cargo.toml")))
        {
            // A nested package has its own fingerprint.
            return best;
        }

        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = new DirectoryInfo(directory).EnumerateFileSystemInfos();
        }
        catch (IOException)
        {
            return best;
        }
        catch (UnauthorizedAccessException)
        {
            return best;
        }

        foreach (var entry in entries)
        {
            if (entry.Name.StartsWith('.') || (isRoot && entry.Name == "target"))
            {
                continue;
            }

            if (entry is DirectoryInfo dir)
            {
                if (dir.LinkTarget is not null)
                {
                    continue;
                }

                var inner = Newest(dir.FullName, isRoot: false);
                if (inner.Path is not null && inner.Mtime > best.Item1)
                {
                    best = inner;
                }
            }
            else if (entry.LastWriteTimeUtc > best.Item1)
            {
                best = (entry.LastWriteTimeUtc, entry.FullName);
            }
        }

        return best;
    }
}
