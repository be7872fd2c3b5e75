using System.Security.Cryptography;
using System.Text;
using Ferry.Core.Archive;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops.Vendoring;

/// <summary>
/// Puts one package into the vendor directory the way <c>cargo vendor</c> does: a registry package
/// is extracted from its verified <c>.crate</c> (pristine, not copied from a cache tree someone
/// may have edited), leaving out what Cargo leaves out (<c>.git</c> directories,
/// <c>.gitattributes</c>, <c>.gitignore</c>); any other package is copied file by file. Returns
/// the SHA-256 of every file written, keyed by its <c>/</c>-separated relative path, for
/// <c>.cargo-checksum.json</c>.
/// </summary>
internal static class VendorCopy
{
    private const string RandomAlphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>Cargo's <c>vendor_this</c>: whether a path (relative to the package root) is vendored.</summary>
    public static bool Include(string relative)
    {
        var parts = relative.Split('/');
        if (parts.Contains(".git"))
        {
            return false;
        }

        return parts[^1] is not (".gitattributes" or ".gitignore") && relative != CrateMarkers.CargoOk;
    }

    /// <summary>Extracts <paramref name="crate"/> (already verified) into <paramref name="destination"/> through a hidden staging directory beside it.</summary>
    public static async Task<SortedDictionary<string, string>> ExtractAsync(byte[] crate, string packageRoot, string destination, CancellationToken cancellationToken)
    {
        var parent = Path.GetDirectoryName(destination)!;
        var staging = Path.Combine(parent, ".vendor-staging" + new string(RandomNumberGenerator.GetItems<char>(RandomAlphabet, 6)));
        Directory.CreateDirectory(staging);
        try
        {
            var unpacked = Path.Combine(staging, packageRoot);
            CrateExtraction extraction;
            using (var stream = new MemoryStream(crate, writable: false))
            {
                extraction = await CrateArchiveReader.ExtractAsync(stream, packageRoot, unpacked, CrateExtractOptions.Default, cancellationToken).ConfigureAwait(false);
            }

            foreach (var marker in CrateMarkers.Reserved)
            {
                File.Delete(Path.Combine(unpacked, marker));
            }

            var explicitDirectories = extraction.Listing.Entries
                .Where(e => e.Kind == CrateEntryKind.Directory)
                .Select(e => e.Path.TrimEnd('/'))
                .ToHashSet(StringComparer.Ordinal);
            var checksums = new SortedDictionary<string, string>(Comparer<string>.Create(JsonText.Utf8Compare));
            foreach (var file in extraction.Listing.Digest.Files)
            {
                if (Include(file.Path))
                {
                    checksums[file.Path] = file.Sha256;
                    continue;
                }

                var full = Path.Combine(unpacked, file.Path);
                File.Delete(full);
                RemoveEmptyParents(unpacked, file.Path, explicitDirectories);
            }

            foreach (var directory in explicitDirectories.Where(d => !Include(d)).OrderByDescending(d => d.Length))
            {
                var full = Path.Combine(unpacked, directory);
                if (Directory.Exists(full))
                {
                    Directory.Delete(full, recursive: true);
                }
            }

            Directory.Move(unpacked, destination);
            return checksums;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>Copies every file of <paramref name="source"/> Cargo would vendor (a package that is not a registry archive).</summary>
    /// <param name="skipNestedPackages">
    /// Leave out subdirectories holding their own <c>Cargo.toml</c> (Cargo's <c>list_files</c> for a
    /// package in a git checkout: another package of the repository is not part of this one).
    /// </param>
    public static SortedDictionary<string, string> Copy(string source, string destination, bool skipNestedPackages = false)
    {
        var checksums = new SortedDictionary<string, string>(Comparer<string>.Create(JsonText.Utf8Compare));
        var pending = new Stack<string>();
        pending.Push(string.Empty);
        while (pending.TryPop(out var relativeDirectory))
        {
            var directory = relativeDirectory.Length == 0 ? source : Path.Combine(source, relativeDirectory);
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
            {
                var relative = relativeDirectory.Length == 0 ? entry.Name : relativeDirectory + "/" + entry.Name;
                if (relativeDirectory.Length == 0 && entry.Name is "target" or ".cargo-checksum.json")
                {
                    continue;
                }

                if (!Include(relative))
                {
                    continue;
                }

                if (entry is DirectoryInfo)
                {
                    if (skipNestedPackages && File.Exists(Path.Combine(entry.FullName, "Cargo.toml")))
                    {
                        continue;
                    }

                    if ((entry.Attributes & FileAttributes.ReparsePoint) == 0)
                    {
                        pending.Push(relative);
                    }

                    continue;
                }

                var target = Path.Combine(destination, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var bytes = File.ReadAllBytes(entry.FullName);
                File.WriteAllBytes(target, bytes);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(target, File.GetUnixFileMode(entry.FullName));
                }

                checksums[relative] = Convert.ToHexStringLower(SHA256.HashData(bytes));
            }
        }

        return checksums;
    }

    /// <summary><c>.cargo-checksum.json</c> exactly as Cargo 1.95 writes it: compact, keys sorted, <c>package</c> null for packages without a checksum.</summary>
    public static string ChecksumJson(IReadOnlyDictionary<string, string> files, string? package)
    {
        var text = new StringBuilder(files.Count * 100);
        text.Append("{\"files\":{");
        var first = true;
        foreach (var (path, sum) in files)
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            JsonText.AppendString(text, path);
            text.Append(':');
            JsonText.AppendString(text, sum);
        }

        text.Append("},\"package\":");
        if (package is null)
        {
            text.Append("null");
        }
        else
        {
            JsonText.AppendString(text, package);
        }

        return text.Append('}').ToString();
    }

    private static void RemoveEmptyParents(string root, string relativeFile, HashSet<string> explicitDirectories)
    {
        // Cargo never creates a directory only a skipped file needed, unless the archive lists it.
        var slash = relativeFile.LastIndexOf('/');
        while (slash > 0)
        {
            var directory = relativeFile[..slash];
            var full = Path.Combine(root, directory);
            if (explicitDirectories.Contains(directory) || !Directory.Exists(full) || Directory.EnumerateFileSystemEntries(full).Any())
            {
                return;
            }

            Directory.Delete(full);
            slash = directory.LastIndexOf('/');
        }
    }
}
