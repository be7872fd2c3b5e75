using System.Runtime.InteropServices;

namespace Ferry.Build.Execution;

/// <summary>Cargo's <c>link_or_copy</c>: replaces <c>dst</c> with a hard link to <c>src</c>, or a copy where links fail.</summary>
internal static partial class FileLinks
{
    public static void LinkOrCopy(string src, string dst)
    {
        try
        {
            File.Delete(dst);
        }
        catch (DirectoryNotFoundException)
        {
        }

        Directory.CreateDirectory(Path.GetDirectoryName(dst)!);
        if (Link(src, dst) != 0)
        {
            File.Copy(src, dst, overwrite: true);
        }
    }

    /// <summary>Sets a file's mtime, ignoring failures (Cargo's <c>set_file_time_no_err</c>).</summary>
    public static void SetMtime(string path, DateTime time)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, time);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string oldPath, string newPath);
}
