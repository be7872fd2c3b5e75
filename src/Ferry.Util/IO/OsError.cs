namespace Ferry.Util.IO;

/// <summary>
/// Renders a .NET I/O exception as the operating-system message Rust prints
/// (<c>Not a directory (os error 20)</c>), which is what Cargo shows under <c>Caused by:</c>.
/// .NET folds several errno values into one exception type, so the path is consulted to tell
/// them apart where it matters.
/// </summary>
public static class OsError
{
    public static string Describe(Exception error, string path)
    {
        ArgumentNullException.ThrowIfNull(error);
        switch (error)
        {
            case UnauthorizedAccessException { InnerException: IOException { HResult: > 0 and < 4096 } inner }:
                return Text(inner.HResult, inner.Message);
            case UnauthorizedAccessException:
                return Text(13, null);
            case FileNotFoundException or DirectoryNotFoundException:
                // ENOTDIR is reported as "not found" by .NET: look for a file in the way.
                return Text(HasFileAncestor(path) ? 20 : 2, null);
            case PathTooLongException:
                return Text(36, null);
            case IOException { HResult: > 0 and < 4096 } io:
                return Text(io.HResult, null);
            default:
                return error.Message;
        }
    }

    /// <summary>glibc's <c>strerror</c> text followed by Rust's <c>(os error N)</c>.</summary>
    public static string Text(int errno, string? fallback)
    {
        var message = errno switch
        {
            1 => "Operation not permitted",
            2 => "No such file or directory",
            5 => "Input/output error",
            13 => "Permission denied",
            16 => "Device or resource busy",
            17 => "File exists",
            18 => "Invalid cross-device link",
            20 => "Not a directory",
            21 => "Is a directory",
            22 => "Invalid argument",
            24 => "Too many open files",
            26 => "Text file busy",
            27 => "File too large",
            28 => "No space left on device",
            30 => "Read-only file system",
            31 => "Too many links",
            36 => "File name too long",
            39 => "Directory not empty",
            40 => "Too many levels of symbolic links",
            122 => "Disk quota exceeded",
            _ => fallback ?? $"Unknown error {errno}",
        };
        return $"{message} (os error {errno})";
    }

    private static bool HasFileAncestor(string path)
    {
        try
        {
            for (var current = Path.GetDirectoryName(Path.GetFullPath(path)); !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
            {
                if (File.Exists(current))
                {
                    return true;
                }

                if (Directory.Exists(current))
                {
                    return false;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
        }

        return false;
    }
}
