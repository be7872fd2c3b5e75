using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace Ferry.Testsuite.Support;

/// <summary>
/// The real crates.io index snapshot from the conformance folder (the top-400 crates and their
/// whole dependency closure), unpacked once per machine into a cache folder that tests serve over
/// 127.0.0.1. Unpacking takes a few seconds; a marker file makes it happen once.
/// </summary>
public static class CratesIndexSnapshot
{
    private static readonly Lazy<string> Directory = new(Extract, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A registry folder with <c>index/</c> (no <c>.crate</c> files: resolution needs only the index).</summary>
    public static string Root => Directory.Value;

    public static IReadOnlyList<string> TopCrates()
    {
        using var stream = File.OpenRead(Path.Combine(RepoPaths.Conformance, "crates-index", "seeds-top400.json"));
        using var json = JsonDocument.Parse(stream);
        return [.. json.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()!)];
    }

    /// <summary>Every version line of a crate, parsed.</summary>
    public static IReadOnlyList<JsonElement> Versions(string name)
    {
        var lower = name.ToLowerInvariant();
        var path = lower.Length switch
        {
            1 => $"1/{lower}",
            2 => $"2/{lower}",
            3 => $"3/{lower[..1]}/{lower}",
            _ => $"{lower[..2]}/{lower[2..4]}/{lower}",
        };
        var file = Path.Combine(Root, "index", path);
        var result = new List<JsonElement>();
        foreach (var line in File.ReadLines(file))
        {
            if (line.Length > 0)
            {
                result.Add(JsonDocument.Parse(line).RootElement.Clone());
            }
        }

        return result;
    }

    private static string Extract()
    {
        var target = Path.Combine(Path.GetTempPath(), "ferry-crates-index-snapshot-v1");
        var marker = Path.Combine(target, ".complete");
        if (File.Exists(marker))
        {
            return target;
        }

        using (var lockFile = AcquireLock(target + ".lock"))
        {
            if (File.Exists(marker))
            {
                return target;
            }

            var temp = target + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
            var index = Path.Combine(temp, "index");
            System.IO.Directory.CreateDirectory(index);
            foreach (var archive in new[] { "index-closure-normal-build.tar.gz", "index-closure-dev-extra.tar.gz" })
            {
                using var gzip = new GZipStream(File.OpenRead(Path.Combine(RepoPaths.Conformance, "crates-index", archive)), CompressionMode.Decompress);
                using var tar = new TarReader(gzip);
                while (tar.GetNextEntry() is { } entry)
                {
                    if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.Name == "config.json")
                    {
                        continue;
                    }

                    var path = Path.Combine(index, entry.Name);
                    System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    entry.ExtractToFile(path, overwrite: true);
                }
            }

            if (System.IO.Directory.Exists(target))
            {
                System.IO.Directory.Delete(target, recursive: true);
            }

            System.IO.Directory.Move(temp, target);
            File.WriteAllText(marker, "ok");
        }

        return target;
    }

    private static FileStream AcquireLock(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                Thread.Sleep(100);
            }
        }
    }
}
