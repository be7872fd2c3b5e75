using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.Versioning;
using System.Text;
using Ferry.Core.Archive;

namespace Ferry.Tests.Core.Archive;

[UnsupportedOSPlatform("windows")]
public sealed class CrateArchiveWriterTests : IDisposable
{
    private const string Root = "foo-1.0.0";
    private static readonly string LongPath = $"src/{new string('a', 60)}/{new string('b', 50)}/long.rs";

    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task RoundTripsThroughTheReader()
    {
        var source = SamplePackage();
        var crate = await WriteAsync(source, ["src/lib.rs", "Cargo.toml", "run.sh", LongPath, "src/é.rs", "empty", "src/a-b.rs"]);

        var destination = Path.Combine(_scratch.NewDirectory(), Root);
        var result = await CrateArchiveReader.ExtractAsync(new MemoryStream(crate), Root, destination);

        Assert.Equal(["Cargo.toml", "empty", "run.sh", "src/a-b.rs", LongPath, "src/lib.rs", "src/é.rs"], result.Listing.Entries.Select(e => e.Path));
        Assert.All(result.Listing.Entries, e => Assert.Equal(CrateArchiveWriter.DeterministicModifiedTime, e.ModifiedTime));
        foreach (var entry in result.Listing.Entries)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(source, entry.Path)), File.ReadAllBytes(Path.Combine(destination, entry.Path)));
        }

        Assert.Equal((UnixFileMode)0b111_101_101, File.GetUnixFileMode(Path.Combine(destination, "run.sh")));
        Assert.Equal((UnixFileMode)0b110_100_100, File.GetUnixFileMode(Path.Combine(destination, "src", "lib.rs")));
        Assert.Equal(0b111_101_101, result.Listing.Entries.Single(e => e.Path == "run.sh").Mode);
        Assert.Equal(await TreeDigest.ComputeAsync(destination, CancellationToken.None), result.Listing.Digest);
    }

    [Fact]
    public async Task OutputIsDeterministicWhateverTheInputOrder()
    {
        var source = SamplePackage();
        var first = await WriteAsync(source, ["src/lib.rs", "Cargo.toml", "run.sh", LongPath]);
        File.SetLastWriteTimeUtc(Path.Combine(source, "src", "lib.rs"), DateTime.UtcNow.AddDays(-3));
        var second = await WriteAsync(source, [LongPath, "run.sh", "Cargo.toml", "src/lib.rs"]);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task HeadersAreLaidOutLikeCargos()
    {
        var source = SamplePackage();
        var crate = await WriteAsync(source, ["src/lib.rs", LongPath]);

        // gzip: no mtime, best compression, OS unknown, file name "<root>.crate".
        Assert.Equal("1f8b08080000000002ff" + Convert.ToHexStringLower(Encoding.ASCII.GetBytes("foo-1.0.0.crate\0")), Convert.ToHexStringLower(crate[..26]));
        var tar = Inflate(crate);

        // First the GNU long-name record for the 133-byte path (size 134 = 0o206 with its NUL), then its entry, then lib.rs.
        var longName = Encoding.ASCII.GetBytes($"{Root}/{LongPath}");
        Assert.Equal("././@LongLink", Field(tar, 0, 100));
        Assert.Equal(133, longName.Length);
        Assert.Equal("0000644\0" + "0000000\0" + "0000000\0" + "00000000206\0" + "00000000000\0", Encoding.ASCII.GetString(tar, 100, 48));
        Assert.Equal((byte)'L', tar[156]);
        Assert.Equal("ustar  \0", Encoding.ASCII.GetString(tar, 257, 8));
        Assert.Equal([.. longName, 0], tar[512..(512 + longName.Length + 1)]);

        var entry = 1024;
        Assert.Equal(Encoding.ASCII.GetString(longName, 0, 100), Field(tar, entry, 100));
        Assert.Equal("0000644\0" + "0000000\0" + "0000000\0" + "00000000002\0" + "10461020230\0", Encoding.ASCII.GetString(tar, entry + 100, 48));
        Assert.Equal(Convert.ToString(TestTar.Checksum(tar[entry..(entry + 512)]), 8).PadLeft(7, '0') + "\0", Encoding.ASCII.GetString(tar, entry + 148, 8));
        Assert.Equal((byte)'0', tar[entry + 156]);
        Assert.Equal("0000000\0" + "0000000\0", Encoding.ASCII.GetString(tar, entry + 329, 16));

        Assert.Equal($"{Root}/src/lib.rs", Field(tar, 2048, 100));
        Assert.Equal(2048 + 512 + 512 + 1024, tar.Length);
        Assert.DoesNotContain(tar[^1024..], b => b != 0);
    }

    [Fact]
    public async Task PathsAreSortedByComponentLikeCargo()
    {
        var files = new[] { "src/a-b.rs", "src/a/b.rs", "Cargo.toml", "README", "build.rs", "src/a.rs" }
            .Select(path => CrateArchiveFile.FromBytes(path, "x"u8.ToArray()));
        var output = new MemoryStream();
        await CrateArchiveWriter.WriteAsync(output, Root, files);
        var listing = await CrateArchiveReader.VerifyAsync(new MemoryStream(output.ToArray()), Root);

        // Component-wise: "src/a" < "src/a-b.rs" < "src/a.rs" even though '-' < '/' bytewise.
        Assert.Equal(["Cargo.toml", "README", "build.rs", "src/a/b.rs", "src/a-b.rs", "src/a.rs"], listing.Entries.Select(e => e.Path));
    }

    [Fact]
    public async Task GeneratedFilesAreArchived()
    {
        var output = new MemoryStream();
        await CrateArchiveWriter.WriteAsync(output, Root, [CrateArchiveFile.FromBytes("Cargo.toml", "[package]\n"u8.ToArray()), CrateArchiveFile.FromBytes("x.sh", "#!"u8.ToArray(), executable: true)]);
        var listing = await CrateArchiveReader.VerifyAsync(new MemoryStream(output.ToArray()), Root);
        Assert.Equal("[package]\n", Encoding.UTF8.GetString(listing.Manifest!.Value.AsSpan()));
        Assert.Equal(0b111_101_101, listing.Entries.Single(e => e.Path == "x.sh").Mode);
    }

    [Theory]
    [InlineData("../escape.rs", "invalid tarball: entry \"foo-1.0.0/../escape.rs\" has a `..` component")]
    [InlineData("src/a:b.rs", "invalid tarball: entry \"foo-1.0.0/src/a:b.rs\" contains a `:`, which Windows reads as a drive or stream separator")]
    [InlineData(".cargo-ok", "invalid tarball: entry \"foo-1.0.0/.cargo-ok\" uses a name reserved for extraction markers (.cargo-ok, .ferry-ok, .ferry-digest)")]
    [InlineData("src/", "invalid tarball: entry \"foo-1.0.0/src/\" is a regular file but its name ends with `/`")]
    public async Task RefusesPathsTheReaderWouldRefuse(string path, string cause)
    {
        var error = await Assert.ThrowsAsync<CrateArchiveException>(
            () => CrateArchiveWriter.WriteAsync(new MemoryStream(), Root, [CrateArchiveFile.FromBytes(path, "x"u8.ToArray())]));
        Assert.Equal($"cannot package `{path}`", error.Message);
        Assert.Equal(cause, error.InnerException?.Message);
    }

    [Fact]
    public async Task RefusesDuplicates()
    {
        var error = await Assert.ThrowsAsync<CrateArchiveException>(
            () => CrateArchiveWriter.WriteAsync(new MemoryStream(), Root, [CrateArchiveFile.FromBytes("a.rs", "x"u8.ToArray()), CrateArchiveFile.FromBytes("a.rs", "y"u8.ToArray())]));
        Assert.Equal("cannot package `a.rs`", error.Message);
        Assert.Equal("invalid tarball: entry \"foo-1.0.0/a.rs\" appears more than once", error.InnerException?.Message);
    }

    [CargoFact]
    public async Task TarStreamMatchesCargoPackageByteForByte()
    {
        // The oracle: run the real `cargo package` on the same sources and compare the
        // uncompressed tar streams. The generated files (normalised Cargo.toml, Cargo.lock) are
        // taken from Cargo's archive as contents, as `ferry package` will generate its own.
        var cargo = CargoFactAttribute.Cargo;
        var source = SamplePackage();
        File.WriteAllText(Path.Combine(source, "Cargo.toml"), "[package]\nname = \"foo\"\nversion = \"1.0.0\"\nedition = \"2021\"\ndescription = \"x\"\nlicense = \"MIT\"\n");
        var target = _scratch.NewDirectory("target");
        var start = new ProcessStartInfo(cargo, ["package", "--offline", "--allow-dirty", "--no-verify", "--target-dir", target])
        {
            WorkingDirectory = source,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CARGO_HOME"] = _scratch.NewDirectory("cargo-home");
        using (var process = Process.Start(start)!)
        {
            var stderr = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, stderr);
        }

        var cargoTar = Inflate(File.ReadAllBytes(Path.Combine(target, "package", "foo-1.0.0.crate")));
        var listed = new[] { "run.sh", "src/a-b.rs", "src/lib.rs", "src/é.rs", "empty", LongPath };
        var files = new List<CrateArchiveFile>
        {
            CrateArchiveFile.FromBytes("Cargo.lock", Member(cargoTar, $"{Root}/Cargo.lock")),
            CrateArchiveFile.FromBytes("Cargo.toml", Member(cargoTar, $"{Root}/Cargo.toml")),
            CrateArchiveFile.FromDisk("Cargo.toml.orig", Path.Combine(source, "Cargo.toml")),
        };
        files.AddRange(listed.Select(path => CrateArchiveFile.FromDisk(path, Path.Combine(source, path))));
        var output = new MemoryStream();
        await CrateArchiveWriter.WriteAsync(output, Root, files);

        Assert.Equal(cargoTar, Inflate(output.ToArray()));
    }

    private static byte[] Member(byte[] tar, string name)
    {
        var offset = 0;
        while (true)
        {
            var size = Convert.ToInt64(Encoding.ASCII.GetString(tar, offset + 124, 11), 8);
            if (Field(tar, offset, 100) == name)
            {
                return tar[(offset + 512)..(offset + 512 + (int)size)];
            }

            offset += 512 + (int)((size + 511) / 512 * 512);
        }
    }

    private static string Field(byte[] tar, int offset, int length) => Encoding.UTF8.GetString(tar, offset, length).TrimEnd('\0');

    private static byte[] Inflate(byte[] crate)
    {
        var tar = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(crate), CompressionMode.Decompress))
        {
            gzip.CopyTo(tar);
        }

        return tar.ToArray();
    }

    private async Task<byte[]> WriteAsync(string source, string[] paths)
    {
        var output = new MemoryStream();
        await CrateArchiveWriter.WriteAsync(output, Root, source, paths);
        return output.ToArray();
    }

    private string SamplePackage()
    {
        var source = _scratch.NewDirectory("pkg");
        void Write(string path, string contents)
        {
            var full = Path.Combine(source, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, contents);
        }

        Write("Cargo.toml", "[package]\nname = \"foo\"\nversion = \"1.0.0\"\n");
        Write("src/lib.rs", "pub fn f() {}\n");
        Write("src/a-b.rs", "y\n");
        Write("src/é.rs", "z\n");
        Write("run.sh", "#!/bin/sh\n");
        Write("empty", "");
        Write(LongPath, "x\n");
        File.SetUnixFileMode(Path.Combine(source, "run.sh"), (UnixFileMode)0b111_101_101);
        return source;
    }
}
