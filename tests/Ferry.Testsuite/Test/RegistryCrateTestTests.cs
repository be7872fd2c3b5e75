using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Ferry.Testsuite.Build;
using Ferry.Testsuite.Tree;

namespace Ferry.Testsuite.Test;

/// <summary>
/// Real crates' own test suites (unit, integration and doc tests, their dev-dependencies from the
/// Debian-crate registry) run with <c>cargo test</c> and <c>ferry test</c>: the same status lines,
/// failures and libtest output. Only with <c>FERRY_SLOW_TESTS=1</c> (each crate compiles twice).
/// </summary>
public sealed class RegistryCrateTestTests
{
    private static bool Slow => System.Environment.GetEnvironmentVariable("FERRY_SLOW_TESTS") == "1";

    [RegistryTheory]
    [InlineData("itoa-1.0.1")]
    [InlineData("either-1.6.1")]
    [InlineData("bitflags-1.3.2")]
    [InlineData("memchr-2.5.0")]
    [InlineData("log-0.4.17")]
    [InlineData("lazy_static-1.4.0")]
    [InlineData("fnv-1.0.7")]
    public void CrateTestSuiteMatchesCargo(string crate)
    {
        if (!Slow)
        {
            return;
        }

        var fixture = new BuildFixture(crate, ["env RUST_BACKTRACE=0", "test"], Extract(Path.Combine(BuildDifferential.RegistryPath, crate + ".crate")), Registry: true, ExactOrder: false);
        var differences = BuildDifferential.Run(fixture);
        Assert.True(differences.Length == 0, $"{crate}:\n{differences}");
    }

    /// <summary>The text files of a <c>.crate</c>, relative to its top directory.</summary>
    private static List<(string Path, string Contents)> Extract(string crateFile)
    {
        var files = new List<(string, string)>();
        using var gzip = new GZipStream(File.OpenRead(crateFile), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
            {
                continue;
            }

            var slash = entry.Name.IndexOf('/');
            using var reader = new StreamReader(entry.DataStream, Encoding.UTF8);
            files.Add((entry.Name[(slash + 1)..], reader.ReadToEnd()));
        }

        return files;
    }
}
