using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Ferry.Core.Archive;
using Ferry.Util.IO;

namespace Ferry.Sources.Cache;

/// <summary>
/// What a package's archive and extracted tree looked like on disk (inode, type, size, mtime and
/// ctime of the archive, every directory and every file) right after they were verified in full.
/// When nothing of that changed, the next run reuses the package without hashing it again.
/// </summary>
/// <remarks>
/// Any write to a file or rename in a directory moves its ctime, which a process cannot set back
/// (only a change of the system clock could), so an unchanged stamp means unchanged contents as
/// surely as the digest recorded at extraction, which lives under the same <c>$CARGO_HOME</c>.
/// Stamps live outside the tree (<c>registry/ferry-stamps/DIR/NAME-VERSION</c>): writing one
/// would otherwise change the directory it describes. Linux only (<c>statx</c>); elsewhere every
/// run verifies in full. Reading and writing stamps never fails a command: a bad stamp just means
/// a full verification.
/// </remarks>
internal static partial class VerifiedStamp
{
    private const string FormatLine = "ferry-stamp 2";
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const int OPath = 0x200000;
    private const int ODirectory = 0x10000;
    private const int ONoFollow = 0x20000;
    private const int OCloExec = 0x80000;
    private const uint StatxBasicStats = 0x7ff;

    public static string PathFor(PackageCacheLayout layout, string sourceDirectory) =>
        Path.Combine(layout.CargoHome, "registry", "ferry-stamps", Path.GetFileName(Path.GetDirectoryName(sourceDirectory)!), Path.GetFileName(sourceDirectory));

    /// <summary>
    /// True when the stamp exists and every path it lists is exactly as recorded; with
    /// <paramref name="shapeOnly"/>, only the archive, the directories (any file added, removed or
    /// renamed changes its directory), the manifest and the markers: what decides the package's
    /// targets and build plan, leaving the contents of the other files to a full check before the
    /// package is compiled.
    /// </summary>
    public static bool Matches(string stampFile, bool shapeOnly = false)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var root = -1;
        try
        {
            // Line 1: the format; line 2: the archive (absolute); line 3: the package directory
            // (absolute); then its entries relative to it, looked up from a descriptor of it (the
            // kernel walks one or two components per file instead of the whole path). Compared
            // in place: a no-op build checks thousands of lines.
            string text;
            try
            {
                text = UnlockedFile.ReadAllText(stampFile);
            }
            catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
            {
                return false;
            }

            var rest = text.AsSpan();
            if (!NextLine(ref rest, out var format) || !format.SequenceEqual(FormatLine)
                || !NextLine(ref rest, out var archiveLine) || !Split(archiveLine, out var archiveState, out var archive)
                || !SameState(AtFdCwd, archive.ToString(), 0, archiveState)
                || !NextLine(ref rest, out var rootLine) || !Split(rootLine, out var rootState, out var directory))
            {
                return false;
            }

            root = Open(directory.ToString(), OPath | ODirectory | ONoFollow | OCloExec);
            if (root < 0 || !SameState(root, string.Empty, AtEmptyPath, rootState))
            {
                return false;
            }

            var entries = 0;
            while (NextLine(ref rest, out var line))
            {
                if (!Split(line, out var state, out var relative) || relative[0] == '/')
                {
                    return false;
                }

                if (shapeOnly && !IsDirectory(state) && !ShapeFiles.Contains(relative.ToString()))
                {
                    continue;
                }

                if (!SameState(root, relative.ToString(), 0, state))
                {
                    return false;
                }

                entries++;
            }

            return entries > 0;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            if (root >= 0)
            {
                _ = Close(root);
            }
        }
    }

    // The files read before anything is compiled: the manifest and the completion markers.
    private static readonly FrozenSet<string> ShapeFiles = new[] { "Cargo.toml", CrateMarkers.FerryOk, CrateMarkers.CargoOk, CrateMarkers.FerryDigest }.ToFrozenSet(StringComparer.Ordinal);

    // `ino:mode:...`: a directory's mode has S_IFDIR (0o040000) in its file-type bits (0o170000).
    private static bool IsDirectory(ReadOnlySpan<char> state)
    {
        var first = state.IndexOf(':');
        var rest = first < 0 ? default : state[(first + 1)..];
        var second = rest.IndexOf(':');
        return second > 0 && uint.TryParse(rest[..second], NumberStyles.None, CultureInfo.InvariantCulture, out var mode) && (mode & 0xF000) == 0x4000;
    }

    private static bool NextLine(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> line)
    {
        if (rest.IsEmpty)
        {
            line = default;
            return false;
        }

        var end = rest.IndexOf('\n');
        line = end < 0 ? rest : rest[..end];
        rest = end < 0 ? default : rest[(end + 1)..];
        return true;
    }

    private static bool Split(ReadOnlySpan<char> line, out ReadOnlySpan<char> state, out ReadOnlySpan<char> path)
    {
        var space = line.IndexOf(' ');
        state = space < 0 ? default : line[..space];
        path = space < 0 ? default : line[(space + 1)..];
        return space > 0 && path.Length > 0;
    }

    private static bool SameState(int directoryFd, string path, int flags, ReadOnlySpan<char> expected)
    {
        Span<char> actual = stackalloc char[128];
        return TryDescribe(directoryFd, path, flags, actual, out var written) && actual[..written].SequenceEqual(expected);
    }

    /// <summary>
    /// Describes <paramref name="archive"/> and the whole of <paramref name="directory"/>; taken
    /// before they are verified and saved after, so a change made meanwhile fails the next match.
    /// </summary>
    public static string? Capture(string directory, string archive)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            var text = new StringBuilder(FormatLine).Append('\n');
            var paths = new List<string> { archive, directory };
            var pending = new Stack<string>();
            pending.Push(directory);
            while (pending.TryPop(out var current))
            {
                foreach (var entry in new DirectoryInfo(current).EnumerateFileSystemInfos())
                {
                    paths.Add(entry.FullName);
                    if (entry is DirectoryInfo && (entry.Attributes & FileAttributes.ReparsePoint) == 0)
                    {
                        pending.Push(entry.FullName);
                    }
                }
            }

            for (var i = 0; i < paths.Count; i++)
            {
                var path = paths[i];
                if (path.Contains('\n', StringComparison.Ordinal) || Describe(AtFdCwd, path) is not { } state)
                {
                    return null;
                }

                text.Append(state).Append(' ').Append(i < 2 ? path : Path.GetRelativePath(directory, path)).Append('\n');
            }

            return text.ToString();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Saves a <see cref="Capture"/> once what it describes was verified.</summary>
    public static void Save(string stampFile, string? captured)
    {
        if (captured is null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(stampFile)!);
            var temporary = stampFile + ".tmp" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            File.WriteAllText(temporary, captured);
            File.Move(temporary, stampFile, overwrite: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Removes the stamp (before a package is replaced or found changed).</summary>
    public static void Delete(string stampFile)
    {
        try
        {
            File.Delete(stampFile);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary><c>ino:mode:size:mtime:ctime</c> of a path (links not followed), or null when it cannot be read.</summary>
    private static string? Describe(int directoryFd, string path, int flags = 0)
    {
        Span<char> text = stackalloc char[128];
        return TryDescribe(directoryFd, path, flags, text, out var written) ? text[..written].ToString() : null;
    }

    private static unsafe bool TryDescribe(int directoryFd, string path, int flags, Span<char> destination, out int written)
    {
        // struct statx: stx_mode u16 at 28, stx_ino u64 at 32, stx_size u64 at 40,
        // stx_ctime at 96 and stx_mtime at 112 (i64 seconds, u32 nanoseconds); 256 bytes in all.
        var buffer = stackalloc byte[256];
        if (Statx(directoryFd, path, AtSymlinkNoFollow | flags, StatxBasicStats, buffer) != 0)
        {
            written = 0;
            return false;
        }

        var mode = *(ushort*)(buffer + 28);
        var inode = *(ulong*)(buffer + 32);
        var size = *(ulong*)(buffer + 40);
        var ctime = *(long*)(buffer + 96);
        var ctimeNs = *(uint*)(buffer + 104);
        var mtime = *(long*)(buffer + 112);
        var mtimeNs = *(uint*)(buffer + 120);
        return destination.TryWrite(CultureInfo.InvariantCulture, $"{inode}:{mode}:{size}:{mtime}.{mtimeNs}:{ctime}.{ctimeNs}", out written);
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int directoryFd, string path, int flags, uint mask, byte* buffer);
}
