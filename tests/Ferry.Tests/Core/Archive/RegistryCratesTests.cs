using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ferry.Core.Archive;
using Xunit.Abstractions;

namespace Ferry.Tests.Core.Archive;

/// <summary>
/// Every real crate in the local registry must pass the hardened reader, and the SHA-256 the
/// reader computes while streaming must equal the index's <c>cksum</c>. Prints the count and the
/// throughput (MB/s of compressed input).
/// </summary>
[Collection(nameof(SerialArchiveCollection))]
public sealed class RegistryCratesTests : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly ScratchDirectory _scratch = new();

    public RegistryCratesTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public void Dispose() => _scratch.Dispose();

    [RegistryCratesFact]
    public async Task EveryRealCrateVerifiesAndMatchesItsIndexChecksum()
    {
        var checksums = IndexChecksums(Path.Combine(RegistryCratesFactAttribute.Directory, "index"));
        var crates = Directory.GetFiles(RegistryCratesFactAttribute.Directory, "*.crate").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(crates);

        var failures = new List<string>();
        long compressed = 0;
        long decompressed = 0;
        long entries = 0;
        var clock = Stopwatch.StartNew();
        foreach (var crate in crates)
        {
            var root = Path.GetFileNameWithoutExtension(crate);
            try
            {
                await using var stream = new FileStream(crate, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
                var listing = await CrateArchiveReader.VerifyAsync(stream, root);
                compressed += listing.CompressedSize;
                decompressed += listing.DecompressedSize;
                entries += listing.Entries.Length;
                if (!checksums.TryGetValue(root, out var expected))
                {
                    failures.Add($"{root}: not in the index");
                }
                else if (expected != listing.Sha256)
                {
                    failures.Add($"{root}: sha256 {listing.Sha256}, index says {expected}");
                }

                if (listing.Manifest is null)
                {
                    failures.Add($"{root}: no Cargo.toml");
                }
            }
            catch (CrateArchiveException e)
            {
                failures.Add($"{root}: {e.Message}");
            }
        }

        clock.Stop();
        var seconds = clock.Elapsed.TotalSeconds;
        _output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"verified {crates.Count - failures.Count} of {crates.Count} crates ({entries} entries, {compressed / 1e6:F1} MB compressed, {decompressed / 1e6:F1} MB decompressed) in {seconds:F2} s: {compressed / 1e6 / seconds:F1} MB/s compressed, {decompressed / 1e6 / seconds:F1} MB/s decompressed"));
        Assert.Empty(failures);
    }

    [RegistryCratesFact]
    public async Task ASampleOfRealCratesExtractsAndVerifiesOnDisk()
    {
        var crates = Directory.GetFiles(RegistryCratesFactAttribute.Directory, "*.crate").Order(StringComparer.Ordinal).Where((_, i) => i % 25 == 0).ToList();
        var parent = _scratch.NewDirectory();
        var clock = Stopwatch.StartNew();
        foreach (var crate in crates)
        {
            var root = Path.GetFileNameWithoutExtension(crate);
            await using var stream = File.OpenRead(crate);
            var result = await CrateArchiveReader.ExtractAsync(stream, root, Path.Combine(parent, root));
            var verification = await TreeDigest.VerifyAsync(result.Directory, CancellationToken.None);
            Assert.True(verification.IsIntact, root);
            Assert.True(CrateMarkers.IsComplete(result.Directory));
        }

        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"extracted and re-verified {crates.Count} crates in {clock.Elapsed.TotalSeconds:F2} s"));
        Assert.Equal(crates.Count, Directory.GetDirectories(parent).Length);
    }

    /// <summary>"name-version" → cksum, from every line of every file under the sparse-layout index.</summary>
    private static Dictionary<string, string> IndexChecksums(string index)
    {
        var checksums = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(index, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file) == "config.json")
            {
                continue;
            }

            foreach (var line in File.ReadLines(file))
            {
                if (line.Length == 0)
                {
                    continue;
                }

                using var json = JsonDocument.Parse(line);
                var name = json.RootElement.GetProperty("name").GetString();
                var version = json.RootElement.GetProperty("vers").GetString();
                checksums[$"{name}-{version}"] = json.RootElement.GetProperty("cksum").GetString()!;
            }
        }

        return checksums;
    }
}
