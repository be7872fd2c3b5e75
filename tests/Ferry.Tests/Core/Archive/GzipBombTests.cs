using System.Diagnostics;
using System.IO.Compression;
using Ferry.Core.Archive;
using Xunit.Abstractions;

namespace Ferry.Tests.Core.Archive;

/// <summary>
/// 1:1000 gzip bombs expanding to 10 GiB of zeros, generated on the fly (~10 MB, not committed).
/// The cap for them is max(512 MiB, 20 × 10 MB) = 512 MiB; each must be stopped quickly, with
/// constant memory, without reading the whole input, and leave nothing on disk.
/// </summary>
[Collection(nameof(SerialArchiveCollection))]
public sealed class GzipBombTests : IDisposable
{
    private const string Root = TestTar.Root;
    private const long TenGiB = 10L << 30;
    private const long Cap = 512L << 20;
    private const string StreamingLimit = "invalid tarball: maximum limit reached when reading: the archive decompresses to more than 536870912 bytes";

    private readonly ScratchDirectory _scratch = new();
    private readonly ITestOutputHelper _output;

    public GzipBombTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void BombReallyInflatesToTenGibibytes()
    {
        var bomb = GzipBomb.Build(DeclaredHeader(), TenGiB);
        Assert.InRange(bomb.Length, 9_000_000, 11_000_000);

        // Inflate the whole thing once (GZipStream is fast on this input) to prove the bomb is
        // what it claims; only the deliberately zero trailer CRC fails, at the very end (in the
        // same Read call that inflates the last buffer, whose bytes are therefore not counted).
        long total = 0;
        var buffer = new byte[1 << 20];
        using var gzip = new GZipStream(new MemoryStream(bomb), CompressionMode.Decompress);
        Assert.Throws<InvalidDataException>(() =>
        {
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                total += read;
            }
        });
        Assert.InRange(total, 512 + TenGiB - buffer.Length, 512 + TenGiB);
    }

    [Fact]
    public async Task FileDeclaringTenGibibytesIsRefusedAtItsHeader()
    {
        var bomb = GzipBomb.Build(DeclaredHeader(), TenGiB);
        var (error, parent, input) = await ExtractAsync(bomb);
        Assert.Equal(
            $"invalid tarball: maximum limit reached when reading: entry \"{Root}/zeros\" declares {TenGiB} bytes, but the archive may decompress to at most {Cap} bytes",
            error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(parent));
        Assert.True(input.BytesRead < 1 << 20, $"read {input.BytesRead} compressed bytes");
    }

    [Fact]
    public async Task ZerosAfterTheEndOfArchiveAreStoppedAtTheCap()
    {
        var prefix = new TestTar().File($"{Root}/src/lib.rs", "pub fn f() {}\n").End().Tar;
        var bomb = GzipBomb.Build(prefix, TenGiB);
        var (error, parent, input) = await ExtractAsync(bomb);
        Assert.Equal(StreamingLimit, error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(parent));

        // 512 MiB at ~1:1032 is ~0.5 MB of input; the other 9.5 MB were never read.
        Assert.True(input.BytesRead < 2 << 20, $"read {input.BytesRead} compressed bytes");
    }

    [Fact]
    public async Task UnknownLengthStreamIsStoppedAtTheCapInsideFileData()
    {
        // A non-seekable input (an upload body) gives no length up front, so the declared size
        // cannot be checked early; the streaming cap stops it instead, in verify mode.
        var bomb = GzipBomb.Build(DeclaredHeader(), TenGiB);
        var input = new CountingStream(new MemoryStream(bomb), seekable: false);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<CrateArchiveException>(() => CrateArchiveReader.VerifyAsync(input, Root));
        clock.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        _output.WriteLine($"stopped after {clock.ElapsedMilliseconds} ms, {input.BytesRead} compressed bytes read, {allocated} bytes allocated");

        Assert.Equal(StreamingLimit, error.Message);
        Assert.True(input.BytesRead < 2 << 20, $"read {input.BytesRead} compressed bytes");
        Assert.True(allocated < 8 << 20, $"allocated {allocated} bytes");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    /// <summary>A ustar header for a regular file of 10 GiB (base-256 size: it does not fit 11 octal digits).</summary>
    private static byte[] DeclaredHeader() =>
        new TestTar().Entry($"{Root}/zeros", (byte)'0', [], tweak: h => TestTar.Base256(h, 124, 12, TenGiB)).Tar;

    private async Task<(CrateArchiveException Error, string Parent, CountingStream Input)> ExtractAsync(byte[] bomb)
    {
        var parent = _scratch.NewDirectory();
        var input = new CountingStream(new MemoryStream(bomb), seekable: true);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<CrateArchiveException>(
            () => CrateArchiveReader.ExtractAsync(input, Root, Path.Combine(parent, Root)));
        clock.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        _output.WriteLine($"stopped after {clock.ElapsedMilliseconds} ms, {input.BytesRead} compressed bytes read, {allocated} bytes allocated");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.True(allocated < 8 << 20, $"allocated {allocated} bytes");
        return (error, parent, input);
    }
}
