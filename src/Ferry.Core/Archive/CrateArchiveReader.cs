using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Ferry.Core.Archive;

/// <summary>
/// The one reader of <c>.crate</c> files, shared by the client (downloads) and the registry
/// (uploads). An archive is accepted only if it is a single gzip member holding a tar whose
/// every entry is a regular file or directory under <c>&lt;name&gt;-&lt;version&gt;/</c> with a
/// clean relative path; see <see cref="CrateEntryPolicy"/> and <see cref="TarReader"/> for the
/// rules and <see cref="CrateArchiveLimits"/> for the caps. Both modes read the input exactly
/// once, as a stream, and report the SHA-256 of the compressed bytes for the caller to compare
/// with the index checksum.
/// </summary>
/// <remarks>
/// Extraction never writes outside a fresh temporary directory next to the destination
/// (<c>.tmp-&lt;name&gt;-&lt;random&gt;</c>, same file system). The content digest and then the ready
/// marker are written last, and the directory is renamed into place only when everything
/// succeeded; on any error (or cancellation) it is deleted. A process killed midway leaves only
/// such a temporary directory, which <see cref="SweepTemporaryDirectories"/> removes later; a
/// destination without <see cref="CrateMarkers.FerryOk"/> is never treated as complete.
/// </remarks>
public static partial class CrateArchiveReader
{
    private const int RandomSuffixLength = 12;
    private const string RandomAlphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>
    /// Validates the whole archive without writing anything: returns its entries, the package's
    /// <c>Cargo.toml</c> if present, the content digest and the compressed SHA-256.
    /// </summary>
    /// <param name="packageRoot">The directory every entry must be under, <c>&lt;name&gt;-&lt;version&gt;</c>.</param>
    /// <exception cref="CrateArchiveException">The archive breaks a rule; the message says which.</exception>
    public static Task<CrateArchiveListing> VerifyAsync(
        Stream crate,
        string packageRoot,
        CrateArchiveLimits? limits = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(crate);
        CheckPackageRoot(packageRoot);
        return CrateArchiveScanner.ScanAsync(crate, packageRoot, limits ?? CrateArchiveLimits.Default, sink: null, cancellationToken);
    }

    /// <summary>
    /// Validates and extracts the archive so that <paramref name="destination"/> holds the
    /// contents of <c>&lt;packageRoot&gt;/</c>, with the digest file and ready marker(s) added.
    /// An existing destination without the ready marker is replaced; one with it (another
    /// process finished first) is kept and reported through <see cref="CrateExtraction.ReusedExisting"/>.
    /// </summary>
    public static async Task<CrateExtraction> ExtractAsync(
        Stream crate,
        string packageRoot,
        string destination,
        CrateExtractOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(crate);
        CheckPackageRoot(packageRoot);
        options ??= CrateExtractOptions.Default;
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destination));
        var parent = Path.GetDirectoryName(target) ?? throw new ArgumentException("the destination cannot be a file system root", nameof(destination));
        var name = Path.GetFileName(target);
        Directory.CreateDirectory(parent);
        var temporary = CreateTemporaryDirectory(parent, name);
        try
        {
            CrateArchiveListing listing;
            var sink = new CrateExtractionSink(temporary, options.Umask);
            await using (sink.ConfigureAwait(false))
            {
                listing = await CrateArchiveScanner.ScanAsync(crate, packageRoot, options.Limits, sink, cancellationToken).ConfigureAwait(false);
                sink.Finish();

                // Order matters only for a reader that looks inside the temporary directory
                // (nothing should): the digest exists whenever the marker does.
                await sink.WriteMarkerAsync(CrateMarkers.FerryDigest, listing.Digest.Text, cancellationToken).ConfigureAwait(false);
                if (options.WriteCargoMarker)
                {
                    await sink.WriteMarkerAsync(CrateMarkers.CargoOk, CrateMarkers.MarkerContents, cancellationToken).ConfigureAwait(false);
                }

                await sink.WriteMarkerAsync(CrateMarkers.FerryOk, CrateMarkers.MarkerContents, cancellationToken).ConfigureAwait(false);
            }

            var reused = Publish(temporary, target, parent, name);
            return new CrateExtraction(target, listing, reused);
        }
        catch
        {
            DeleteQuietly(temporary);
            throw;
        }
    }

    /// <summary>
    /// Deletes temporary extraction directories in <paramref name="parentDirectory"/> that are
    /// older than <paramref name="minimumAge"/> (left behind by killed processes; the age keeps a
    /// concurrent extraction's directory safe). Returns how many were removed.
    /// </summary>
    public static int SweepTemporaryDirectories(string parentDirectory, TimeSpan minimumAge)
    {
        if (!Directory.Exists(parentDirectory))
        {
            return 0;
        }

        var cutoff = DateTime.UtcNow - minimumAge;
        var removed = 0;
        foreach (var directory in new DirectoryInfo(parentDirectory).EnumerateDirectories(CrateMarkers.TemporaryPrefix + "*"))
        {
            if (TemporaryName().IsMatch(directory.Name) && directory.LinkTarget is null && directory.LastWriteTimeUtc < cutoff)
            {
                DeleteQuietly(directory.FullName);
                removed += Directory.Exists(directory.FullName) ? 0 : 1;
            }
        }

        return removed;
    }

    private static void CheckPackageRoot(string packageRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(packageRoot);
        if (packageRoot is "." or ".." || packageRoot.AsSpan().ContainsAny("/\\:") || packageRoot.Any(char.IsControl))
        {
            throw new ArgumentException($"`{packageRoot}` is not a single directory name", nameof(packageRoot));
        }
    }

    private static string CreateTemporaryDirectory(string parent, string name)
    {
        while (true)
        {
            var path = CreateTemporaryName(parent, name);
            if (Directory.Exists(path) || File.Exists(path))
            {
                continue;
            }

            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(path);
            }
            else
            {
                Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            return path;
        }
    }

    private static bool Publish(string temporary, string target, string parent, string name)
    {
        try
        {
            Directory.Move(temporary, target);
            return false;
        }
        catch (IOException) when (Directory.Exists(target) || File.Exists(target) || new FileInfo(target).LinkTarget is not null)
        {
            if (CrateMarkers.IsComplete(target))
            {
                DeleteQuietly(temporary);
                return true;
            }
        }

        // An incomplete tree (crash, interrupted older tool): move it out of the way under a
        // sweepable name first, so the destination is never a mixture of two extractions.
        var info = new FileInfo(target);
        if (info.LinkTarget is not null || info.Exists)
        {
            File.Delete(target);
        }
        else
        {
            var aside = CreateTemporaryName(parent, name);
            Directory.Move(target, aside);
            DeleteQuietly(aside);
        }

        Directory.Move(temporary, target);
        return false;
    }

    private static string CreateTemporaryName(string parent, string name) =>
        Path.Combine(parent, $"{CrateMarkers.TemporaryPrefix}{name}-{new string(RandomNumberGenerator.GetItems<char>(RandomAlphabet, RandomSuffixLength))}");

    private static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [GeneratedRegex("^\\.tmp-.+-[a-z2-7]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryName();
}
