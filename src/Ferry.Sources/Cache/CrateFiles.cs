using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Ferry.Sources.Cache;

/// <summary>
/// Reading, hashing and storing <c>.crate</c> files. A stored file is always complete: it is
/// written under a temporary name in the same directory (<c>.NAME-VERSION.crate.RANDOM.tmp</c>)
/// and renamed into place, so a process killed while writing leaves only a temporary file, which
/// <see cref="SweepTemporaryFiles"/> removes under the package cache lock.
/// </summary>
internal static partial class CrateFiles
{
    private const string RandomAlphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    // Synchronous I/O throughout: FileStream's async methods queue every call to the thread
    // pool, which costs more than reading a small file. Callers run packages on worker threads.

    /// <summary>The whole file, or null when it does not exist or is empty (an interrupted download by an old tool).</summary>
    public static byte[]? Read(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            return bytes.Length == 0 ? null : bytes;
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The SHA-256 of a file, streamed; null when it does not exist or is empty.</summary>
    public static string? Hash(string path)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        using (stream)
        {
            return stream.Length == 0 ? null : Convert.ToHexStringLower(SHA256.HashData(stream));
        }
    }

    /// <summary>Stores <paramref name="bytes"/> at <paramref name="path"/> atomically (temporary file, then rename).</summary>
    public static void Store(string path, byte[] bytes)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{new string(RandomNumberGenerator.GetItems<char>(RandomAlphabet, 12))}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1))
            {
                stream.Write(bytes);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Removes the temporary files interrupted writes left in <paramref name="directory"/>. Only
    /// call it holding the package cache lock: then no other process is writing one.
    /// </summary>
    public static int SweepTemporaryFiles(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles(".*.tmp"))
        {
            if (TemporaryName().IsMatch(file.Name) && file.LinkTarget is null)
            {
                removed += TryDelete(file.FullName) ? 1 : 0;
            }
        }

        return removed;
    }

    public static bool IsTemporaryName(string fileName) => TemporaryName().IsMatch(fileName);

    public static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [GeneratedRegex("^\\..+\\.crate\\.[a-z2-7]{12}\\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryName();
}
