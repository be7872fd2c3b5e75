using Ferry.Core.Lockfile;

namespace Ferry.Cli;

/// <summary>
/// How many packages the lockfile a command will use holds, guessed before the command line is
/// parsed (see <see cref="CollectionBudget"/>): the nearest <c>Cargo.lock</c> at or above the
/// manifest's directory (<c>--manifest-path</c>, <c>-C</c>, else the working directory). Only a
/// hint: any failure is simply no answer.
/// </summary>
internal static class LockfileHint
{
    public static long? PackageCount(IReadOnlyList<string> args)
    {
        try
        {
            for (var directory = StartDirectory(args); directory is not null; directory = Path.GetDirectoryName(directory))
            {
                var lockfile = Path.Combine(directory, CargoLock.FileName);
                if (File.Exists(lockfile))
                {
                    return Count(File.ReadAllBytes(lockfile));
                }
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
        }

        return null;
    }

    private static string? StartDirectory(IReadOnlyList<string> args)
    {
        var directory = Directory.GetCurrentDirectory();
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == "-C")
            {
                directory = Path.GetFullPath(args[i + 1], directory);
            }
            else if (args[i] == "--manifest-path")
            {
                return Path.GetDirectoryName(Path.GetFullPath(args[i + 1], directory));
            }
        }

        return directory;
    }

    private static long Count(ReadOnlySpan<byte> text)
    {
        var count = 0L;
        var marker = "[[package]]"u8;
        for (var at = text.IndexOf(marker); at >= 0; at = text.IndexOf(marker))
        {
            count++;
            text = text[(at + marker.Length)..];
        }

        return count;
    }
}
