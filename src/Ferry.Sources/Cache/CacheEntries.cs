using System.Security.Cryptography;
using System.Text;
using Ferry.Core.Archive;

namespace Ferry.Sources.Cache;

/// <summary>Small operations on cache entries shared by downloads and <c>ferry verify</c>.</summary>
internal static class CacheEntries
{
    private const string RandomAlphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private const int NamesShown = 3;

    /// <summary>
    /// Removes an extracted tree: renamed first to a temporary name the extractor's sweep
    /// recognises (<c>.tmp-NAME-RANDOM</c>), then deleted, so a process killed halfway never
    /// leaves a half-deleted tree under the package's own name.
    /// </summary>
    public static void Remove(string directory)
    {
        var parent = Path.GetDirectoryName(directory)!;
        var aside = Path.Combine(parent, $"{CrateMarkers.TemporaryPrefix}{Path.GetFileName(directory)}-{new string(RandomNumberGenerator.GetItems<char>(RandomAlphabet, 12))}");
        try
        {
            Directory.Move(directory, aside);
        }
        catch (DirectoryNotFoundException)
        {
            return;
        }

        try
        {
            Directory.Delete(aside, recursive: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Swept later; the package's own name is already free.
        }
    }

    /// <summary>A short account of a verification: <c>changed: src/lib.rs; missing: README.md; added: evil.rs</c>.</summary>
    public static string Describe(TreeVerification verification)
    {
        var parts = new List<string>(3);
        Add(parts, "changed", verification.Changed);
        Add(parts, "missing", verification.Missing);
        Add(parts, "added", verification.Extra);
        return string.Join("; ", parts);
    }

    private static void Add(List<string> parts, string label, IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            return;
        }

        var text = new StringBuilder(label).Append(": ");
        text.AppendJoin(", ", paths.Take(NamesShown));
        if (paths.Count > NamesShown)
        {
            text.Append(" and ").Append(paths.Count - NamesShown).Append(" more");
        }

        parts.Add(text.ToString());
    }
}
