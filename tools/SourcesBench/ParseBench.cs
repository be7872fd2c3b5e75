using System.Diagnostics;
using Ferry.Core.Identity;
using Ferry.Core.Registry;

namespace Ferry.SourcesBench;

/// <summary>Times <see cref="IndexFile"/> splitting and <see cref="IndexLineParser"/> on every line of an index directory.</summary>
internal static class ParseBench
{
    public static int Run(string indexDirectory)
    {
        var files = Directory.GetFiles(indexDirectory, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "config.json")
            .Select(File.ReadAllBytes)
            .ToList();
        var source = SourceId.CratesIo;
        for (var pass = 0; pass < 5; pass++)
        {
            var lines = 0;
            var split = Stopwatch.GetTimestamp();
            var parsed = new List<IndexFile>(files.Count);
            foreach (var bytes in files)
            {
                var file = IndexFile.Parse(bytes, source);
                lines += file.Count;
                parsed.Add(file);
            }

            var splitTime = Stopwatch.GetElapsedTime(split);
            var full = Stopwatch.GetTimestamp();
            foreach (var file in parsed)
            {
                file.Matching(static _ => true);
            }

            var fullTime = Stopwatch.GetElapsedTime(full);
            Console.Error.WriteLine(
                $"{files.Count} files, {lines} lines: split+versions {splitTime.TotalMilliseconds:F1} ms ({splitTime.TotalMicroseconds / lines:F2} µs/line), full parse {fullTime.TotalMilliseconds:F1} ms ({fullTime.TotalMicroseconds / lines:F2} µs/line)");
        }

        return 0;
    }
}
