using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using Ferry.Core.Archive;

namespace Ferry.Tests.Core.Archive;

/// <summary>Extraction on Unix: contents, permission bits (umask, set-id bits dropped), mtimes, markers, digest.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class CrateExtractionTests : IDisposable
{
    private const string Root = TestTar.Root;
    private const UnixFileMode Rw_r__r__ = (UnixFileMode)0b110_100_100;
    private const UnixFileMode Rwxr_xr_x = (UnixFileMode)0b111_101_101;
    private const UnixFileMode Rw_______ = (UnixFileMode)0b110_000_000;
    private const UnixFileMode Rwx______ = (UnixFileMode)0b111_000_000;

    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task ExtractsContentsModesAndMtimes()
    {
        var crate = SampleCrate();
        var parent = _scratch.NewDirectory();
        var destination = Path.Combine(parent, Root);

        var result = await CrateArchiveReader.ExtractAsync(new MemoryStream(crate), Root, destination);

        Assert.Equal(destination, result.Directory);
        Assert.False(result.ReusedExisting);
        Assert.Equal([Root], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName));
        Assert.Equal("[package]\nname = \"foo\"\n", File.ReadAllText(Path.Combine(destination, "Cargo.toml")));
        Assert.Equal("pub fn f() {}\n", File.ReadAllText(Path.Combine(destination, "src", "lib.rs")));
        Assert.Equal(
            [".cargo-ok", ".ferry-digest", ".ferry-ok", "Cargo.toml", "data", "data/empty", "private", "setuid.sh", "src", "src/lib.rs", "weird"],
            Tree(destination));

        // Archive modes 0664, 04755, 0600, 02777, dir 01777; umask 022; set-id and sticky bits dropped.
        Assert.Equal(Rw_r__r__, File.GetUnixFileMode(Path.Combine(destination, "src", "lib.rs")));
        Assert.Equal(Rwxr_xr_x, File.GetUnixFileMode(Path.Combine(destination, "setuid.sh")));
        Assert.Equal(Rw_______, File.GetUnixFileMode(Path.Combine(destination, "private")));
        Assert.Equal(Rwxr_xr_x, File.GetUnixFileMode(Path.Combine(destination, "weird")));
        Assert.Equal(Rwxr_xr_x, File.GetUnixFileMode(Path.Combine(destination, "data")));
        Assert.Equal(Rwxr_xr_x, File.GetUnixFileMode(Path.Combine(destination, "src")));
        Assert.Equal(Rw_r__r__, File.GetUnixFileMode(Path.Combine(destination, CrateMarkers.FerryOk)));

        // mtimes come from the archive (0 becomes 1, like Cargo's tar crate), directories included.
        Assert.Equal(Time(TestTar.DefaultMtime), File.GetLastWriteTimeUtc(Path.Combine(destination, "src", "lib.rs")));
        Assert.Equal(Time(1_600_000_000), File.GetLastWriteTimeUtc(Path.Combine(destination, "Cargo.toml")));
        Assert.Equal(Time(1), File.GetLastWriteTimeUtc(Path.Combine(destination, "private")));
        Assert.Equal(Time(1_500_000_000), Directory.GetLastWriteTimeUtc(Path.Combine(destination, "data")));

        Assert.Equal(CrateMarkers.MarkerContents, File.ReadAllText(Path.Combine(destination, CrateMarkers.CargoOk)));
        Assert.True(CrateMarkers.IsComplete(destination));
    }

    [Fact]
    public async Task CallerSuppliedUmaskIsApplied()
    {
        var destination = Path.Combine(_scratch.NewDirectory(), Root);
        await CrateArchiveReader.ExtractAsync(new MemoryStream(SampleCrate()), Root, destination, new CrateExtractOptions { Umask = 0b000_111_111 });

        Assert.Equal(Rw_______, File.GetUnixFileMode(Path.Combine(destination, "src", "lib.rs")));
        Assert.Equal(Rwx______, File.GetUnixFileMode(Path.Combine(destination, "setuid.sh")));
        Assert.Equal(Rwx______, File.GetUnixFileMode(Path.Combine(destination, "src")));
        Assert.Equal(Rwx______, File.GetUnixFileMode(Path.Combine(destination, "data")));
    }

    [Fact]
    public async Task ListingDescribesTheArchive()
    {
        var crate = SampleCrate();
        var listing = await CrateArchiveReader.VerifyAsync(new MemoryStream(crate), Root);

        Assert.Equal(
            [
                new CrateArchiveEntry("", CrateEntryKind.Directory, 0, 0b111_101_101, TestTar.DefaultMtime),
                new CrateArchiveEntry("Cargo.toml", CrateEntryKind.File, 23, 0b110_100_100, 1_600_000_000),
                new CrateArchiveEntry("src/lib.rs", CrateEntryKind.File, 14, 0b110_110_100, TestTar.DefaultMtime),
                new CrateArchiveEntry("setuid.sh", CrateEntryKind.File, 10, 0b100_111_101_101, TestTar.DefaultMtime),
                new CrateArchiveEntry("private", CrateEntryKind.File, 6, 0b110_000_000, 0),
                new CrateArchiveEntry("weird", CrateEntryKind.File, 0, 0b010_111_111_111, TestTar.DefaultMtime),
                new CrateArchiveEntry("data", CrateEntryKind.Directory, 0, 0b001_111_111_111, 1_500_000_000),
                new CrateArchiveEntry("data/empty", CrateEntryKind.File, 0, 0b110_100_100, TestTar.DefaultMtime),
            ],
            listing.Entries.AsEnumerable());
        Assert.Equal("[package]\nname = \"foo\"\n", Encoding.UTF8.GetString(listing.Manifest!.Value.AsSpan()));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(crate)), listing.Sha256);
        Assert.Equal(crate.Length, listing.CompressedSize);
        Assert.Equal(SampleTar().Tar.Length, listing.DecompressedSize);
        Assert.Equal(["Cargo.toml", "data/empty", "private", "setuid.sh", "src/lib.rs", "weird"], listing.Digest.Files.Select(f => f.Path));
    }

    [Fact]
    public async Task ManifestIsAbsentWhenTheArchiveHasNone()
    {
        var crate = new TestTar().File($"{Root}/src/lib.rs", "x").End().Gzip();
        var listing = await CrateArchiveReader.VerifyAsync(new MemoryStream(crate), Root);
        Assert.Null(listing.Manifest);
    }

    [Fact]
    public async Task StreamOfUnknownLengthIsAccepted()
    {
        var crate = SampleCrate();
        var input = new CountingStream(new MemoryStream(crate), seekable: false);
        var listing = await CrateArchiveReader.VerifyAsync(input, Root);
        Assert.Equal(crate.Length, input.BytesRead);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(crate)), listing.Sha256);
    }

    [Fact]
    public async Task MarkerIsLastAndTheDigestVerifies()
    {
        var destination = Path.Combine(_scratch.NewDirectory(), Root);
        var result = await CrateArchiveReader.ExtractAsync(new MemoryStream(SampleCrate()), Root, destination);

        var marker = new FileInfo(Path.Combine(destination, CrateMarkers.FerryOk));
        var digest = new FileInfo(Path.Combine(destination, CrateMarkers.FerryDigest));
        Assert.True(marker.Exists);
        Assert.True(digest.Exists);
        Assert.True(marker.LastWriteTimeUtc >= digest.LastWriteTimeUtc);
        Assert.Equal(result.Listing.Digest.Text, File.ReadAllText(digest.FullName));

        var verification = await TreeDigest.VerifyAsync(destination, CancellationToken.None);
        Assert.True(verification.IsIntact);
        Assert.Equal(result.Listing.Digest, await TreeDigest.ComputeAsync(destination, CancellationToken.None));
    }

    [Fact]
    public async Task TamperingWithOneFileIsReportedAsExactlyThatFile()
    {
        var destination = Path.Combine(_scratch.NewDirectory(), Root);
        await CrateArchiveReader.ExtractAsync(new MemoryStream(SampleCrate()), Root, destination);
        File.WriteAllText(Path.Combine(destination, "src", "lib.rs"), "pub fn g() {}\n");

        var verification = await TreeDigest.VerifyAsync(destination, CancellationToken.None);

        Assert.False(verification.IsIntact);
        Assert.Empty(verification.Missing.AsEnumerable());
        Assert.Empty(verification.Extra.AsEnumerable());
        Assert.Equal(["src/lib.rs"], verification.Changed.AsEnumerable());
    }

    [Fact]
    public async Task MissingExtraAndReplacedFilesAreReported()
    {
        var destination = Path.Combine(_scratch.NewDirectory(), Root);
        await CrateArchiveReader.ExtractAsync(new MemoryStream(SampleCrate()), Root, destination);
        File.Delete(Path.Combine(destination, "private"));
        File.WriteAllText(Path.Combine(destination, "src", "evil.rs"), "x");
        File.Delete(Path.Combine(destination, "Cargo.toml"));
        File.CreateSymbolicLink(Path.Combine(destination, "Cargo.toml"), "/etc/passwd");
        File.CreateSymbolicLink(Path.Combine(destination, "data", "link"), "/etc");

        var verification = await TreeDigest.VerifyAsync(destination, CancellationToken.None);

        Assert.Equal(["private"], verification.Missing.AsEnumerable());
        Assert.Equal(["data/link", "src/evil.rs"], verification.Extra.AsEnumerable());
        Assert.Equal(["Cargo.toml"], verification.Changed.AsEnumerable());
        var error = await Assert.ThrowsAsync<Ferry.Util.Diagnostics.FerryException>(() => TreeDigest.ComputeAsync(destination, CancellationToken.None));
        Assert.Equal($"`{Path.Combine(destination, "Cargo.toml")}` is not a regular file or directory", error.Message);
    }

    [Fact]
    public async Task IncompleteDestinationIsReplaced()
    {
        var parent = _scratch.NewDirectory();
        var destination = Path.Combine(parent, Root);
        Directory.CreateDirectory(Path.Combine(destination, "src"));
        File.WriteAllText(Path.Combine(destination, "src", "stale.rs"), "left by a crash");

        var result = await CrateArchiveReader.ExtractAsync(new MemoryStream(SampleCrate()), Root, destination);

        Assert.False(result.ReusedExisting);
        Assert.False(File.Exists(Path.Combine(destination, "src", "stale.rs")));
        Assert.True((await TreeDigest.VerifyAsync(destination, CancellationToken.None)).IsIntact);
        Assert.Equal([Root], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName));
    }

    [Fact]
    public async Task CompleteDestinationWinsARace()
    {
        var parent = _scratch.NewDirectory();
        var destination = Path.Combine(parent, Root);
        await CrateArchiveReader.ExtractAsync(new MemoryStream(SampleCrate()), Root, destination);
        File.WriteAllText(Path.Combine(destination, "note"), "the first extraction's tree is kept");

        var second = await CrateArchiveReader.ExtractAsync(new MemoryStream(SampleCrate()), Root, destination);

        Assert.True(second.ReusedExisting);
        Assert.True(File.Exists(Path.Combine(destination, "note")));
        Assert.Equal([Root], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName));
    }

    [Fact]
    public async Task CancellationMidwayLeavesNothing()
    {
        var parent = _scratch.NewDirectory();
        var tar = new TestTar();
        for (var i = 0; i < 200; i++)
        {
            tar.Entry($"{Root}/f{i}", (byte)'0', RandomNumberGenerator.GetBytes(4096));
        }

        using var cancellation = new CancellationTokenSource();
        var input = new CountingStream(new MemoryStream(tar.End().Gzip()), seekable: true, onRead: read =>
        {
            if (read > 300_000)
            {
                cancellation.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => CrateArchiveReader.ExtractAsync(input, Root, Path.Combine(parent, Root), cancellationToken: cancellation.Token));
        Assert.Empty(Directory.EnumerateFileSystemEntries(parent));
    }

    [Fact]
    public void SweepRemovesOnlyOldTemporaryDirectories()
    {
        var parent = _scratch.NewDirectory();
        var old = Directory.CreateDirectory(Path.Combine(parent, ".tmp-foo-1.0.0-abcdefghijkl"));
        File.WriteAllText(Path.Combine(old.FullName, "half.rs"), "x");
        Directory.SetLastWriteTimeUtc(old.FullName, DateTime.UtcNow.AddHours(-2));
        var recent = Directory.CreateDirectory(Path.Combine(parent, ".tmp-foo-1.0.0-bcdefghijklm"));
        var oldButNotOurs = Directory.CreateDirectory(Path.Combine(parent, ".tmp-something"));
        Directory.SetLastWriteTimeUtc(oldButNotOurs.FullName, DateTime.UtcNow.AddHours(-2));
        Directory.CreateDirectory(Path.Combine(parent, Root));

        var removed = CrateArchiveReader.SweepTemporaryDirectories(parent, TimeSpan.FromHours(1));

        Assert.Equal(1, removed);
        Assert.Equal([".tmp-foo-1.0.0-bcdefghijklm", ".tmp-something", Root], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(recent.Exists);
    }

    [Theory]
    [InlineData("gnu-long-name")]
    [InlineData("pax-path")]
    [InlineData("ustar-prefix")]
    [InlineData("v7-header")]
    [InlineData("old-regular-type-flag")]
    [InlineData("base256-size")]
    [InlineData("signed-checksum")]
    [InlineData("record-padding")]
    [InlineData("ignored-pax-keys")]
    [InlineData("global-pax-comment")]
    [InlineData("explicit-directory-after-its-files")]
    [InlineData("pax-size-agreeing")]
    public async Task TarVariantsRealWritersProduceAreAccepted(string variant)
    {
        var deep = $"{Root}/{new string('d', 80)}/{new string('e', 80)}/lib.rs";
        var (tar, path) = variant switch
        {
            "gnu-long-name" => (new TestTar().LongName(deep).Entry(deep[..100], (byte)'0', "ok"u8.ToArray(), gnu: true), deep),
            "pax-path" => (new TestTar().Pax(("path", deep)).File("ignored-name", "ok"), deep),
            "ustar-prefix" => (new TestTar().Entry("lib.rs", (byte)'0', "ok"u8.ToArray(), tweak: h => TestTar.Put(h, 345, Encoding.ASCII.GetBytes($"{Root}/src"))), $"{Root}/src/lib.rs"),
            "v7-header" => (new TestTar().Entry($"{Root}/lib.rs", (byte)'\0', "ok"u8.ToArray(), tweak: h => h.AsSpan(257, 8).Clear()), $"{Root}/lib.rs"),
            "old-regular-type-flag" => (new TestTar().Entry($"{Root}/lib.rs", 0, "ok"u8.ToArray()), $"{Root}/lib.rs"),
            "base256-size" => (new TestTar().Entry($"{Root}/lib.rs", (byte)'0', "ok"u8.ToArray(), tweak: h => TestTar.Base256(h, 124, 12, 2)), $"{Root}/lib.rs"),
            "signed-checksum" => (SignedChecksumTar(), $"{Root}/\u00e9.rs"),
            "record-padding" => (new TestTar().File($"{Root}/lib.rs", "ok").Raw(new byte[10240 - 1024]), $"{Root}/lib.rs"),
            "ignored-pax-keys" => (new TestTar().Pax(("mtime", "1700000000.5"), ("uname", "root"), ("SCHILY.xattr.user.x", "y")).File($"{Root}/lib.rs", "ok"), $"{Root}/lib.rs"),
            "global-pax-comment" => (new TestTar().PaxRaw(TestTar.PaxRecords(("comment", "git commit abc")), (byte)'g').File($"{Root}/lib.rs", "ok"), $"{Root}/lib.rs"),
            "explicit-directory-after-its-files" => (new TestTar().File($"{Root}/src/lib.rs", "ok").Directory($"{Root}/src/"), $"{Root}/src/lib.rs"),
            "pax-size-agreeing" => (new TestTar().Pax(("size", "2")).File($"{Root}/lib.rs", "ok"), $"{Root}/lib.rs"),
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };

        var destination = Path.Combine(_scratch.NewDirectory(), Root);
        await CrateArchiveReader.ExtractAsync(new MemoryStream(tar.End().Gzip()), Root, destination);

        Assert.Equal("ok", File.ReadAllText(Path.Combine(destination, path[(Root.Length + 1)..])));
    }

    /// <summary>A header whose checksum was summed over signed chars (as some historic tars did).</summary>
    private static TestTar SignedChecksumTar()
    {
        var tar = new TestTar().File($"{Root}/\u00e9.rs", "ok").End().Tar;
        var signed = 0;
        for (var i = 0; i < 512; i++)
        {
            signed += i is >= 148 and < 156 ? ' ' : (sbyte)tar[i];
        }

        Assert.NotEqual(TestTar.Checksum(tar[..512]), signed);
        TestTar.Put(tar, 148, Encoding.ASCII.GetBytes(Convert.ToString(signed, 8).PadLeft(6, '0') + "\0 "));
        return new TestTar().Raw(tar[..^1024]);
    }

    /// <summary>Explicit root and directory entries, odd modes, a zero mtime.</summary>
    private static TestTar SampleTar() => new TestTar()
        .Directory($"{Root}/")
        .File($"{Root}/Cargo.toml", "[package]\nname = \"foo\"\n", mtime: 1_600_000_000)
        .File($"{Root}/src/lib.rs", "pub fn f() {}\n", mode: 0b110_110_100)
        .File($"{Root}/setuid.sh", "#!/bin/sh\n", mode: 0b100_111_101_101)
        .File($"{Root}/private", "secret", mode: 0b110_000_000, mtime: 0)
        .File($"{Root}/weird", "", mode: 0b010_111_111_111)
        .Entry($"{Root}/data/", (byte)'5', [], mode: 0b001_111_111_111, mtime: 1_500_000_000)
        .File($"{Root}/data/empty", "")
        .End();

    private static byte[] SampleCrate() => SampleTar().Gzip();

    private static DateTime Time(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime;

    private static List<string> Tree(string directory) =>
        Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(directory, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
