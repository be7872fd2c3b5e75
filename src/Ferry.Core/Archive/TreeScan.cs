using System.Security.Cryptography;

namespace Ferry.Core.Archive;

/// <summary>
/// Walks an extracted package directory without following links: regular files are hashed,
/// anything else (symbolic links, and on Windows other reparse points) is reported as irregular
/// by relative path. Root-level marker files are skipped.
/// </summary>
/// <remarks>
/// Zero-length files are not opened: on Unix, FIFOs and device nodes also report length zero
/// and opening a FIFO would block, and .NET exposes no file type short of P/Invoke. The cost is
/// that a device or FIFO standing in for an empty file is not told apart from it.
/// </remarks>
internal sealed class TreeScan
{
    private static readonly string EmptySha256 = Convert.ToHexStringLower(SHA256.HashData([]));

    private TreeScan(List<TreeDigestEntry> files, List<string> irregular)
    {
        Files = files;
        Irregular = irregular;
    }

    public List<TreeDigestEntry> Files { get; }

    public List<string> Irregular { get; }

    public static async Task<TreeScan> RunAsync(string directory, CancellationToken cancellationToken)
    {
        var files = new List<TreeDigestEntry>();
        var irregular = new List<string>();
        var pending = new Stack<(DirectoryInfo Directory, string Relative)>();
        pending.Push((new DirectoryInfo(directory), string.Empty));
        var buffer = new byte[64 * 1024];
        while (pending.TryPop(out var current))
        {
            foreach (var info in current.Directory.EnumerateFileSystemInfos())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var relative = current.Relative.Length == 0 ? info.Name : current.Relative + "/" + info.Name;
                if (current.Relative.Length == 0 && CrateMarkers.Reserved.Contains(info.Name, StringComparer.Ordinal) && info is FileInfo)
                {
                    continue;
                }

                if (info.LinkTarget is not null || (info.Attributes & FileAttributes.ReparsePoint) != 0)
                {
                    irregular.Add(relative);
                }
                else if (info is DirectoryInfo child)
                {
                    pending.Push((child, relative));
                }
                else if (info is FileInfo file)
                {
                    files.Add(await HashAsync(file, relative, buffer, cancellationToken).ConfigureAwait(false));
                }
            }
        }

        return new TreeScan(files, irregular);
    }

    private static async Task<TreeDigestEntry> HashAsync(FileInfo file, string relative, byte[] buffer, CancellationToken cancellationToken)
    {
        if (file.Length == 0)
        {
            return new TreeDigestEntry(relative, 0, EmptySha256);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer.AsSpan(0, read));
                size += read;
            }
        }

        return new TreeDigestEntry(relative, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
