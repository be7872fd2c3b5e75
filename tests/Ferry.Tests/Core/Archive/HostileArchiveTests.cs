using System.Text;
using Ferry.Core.Archive;

namespace Ferry.Tests.Core.Archive;

/// <summary>
/// Every attack is built here, byte by byte, extracted into a fresh parent directory and also
/// verified without extraction. Each must fail with exactly the expected message, in both modes;
/// while extracting, nothing may be created anywhere but inside the temporary directory; and
/// afterwards the directory tree around the destination must be exactly as it was: no temporary
/// directory, no partial package, nothing at the path the attack aimed for.
/// </summary>
public sealed class HostileArchiveTests : IDisposable
{
    private const string Root = TestTar.Root;
    private const string NotFileOrDirectory = "only regular files and directories are allowed";
    private const string TrailerMismatch = "invalid tarball: the gzip stream is truncated, has more than one member, or is followed by other data (its trailer does not match the decompressed data)";
    private const string Reserved = "uses a name reserved for extraction markers (.cargo-ok, .ferry-ok, .ferry-digest)";

    private static readonly Dictionary<string, Func<string, Attack>> Attacks = new()
    {
        ["symlink"] = _ => new(
            Tar().File($"{Root}/src/lib.rs", "ok").Link($"{Root}/link", (byte)'2', "/etc/passwd").End().Gzip(),
            $"invalid tarball: entry \"{Root}/link\" is a symbolic link; {NotFileOrDirectory}"),
        ["symlink-then-write-through-it"] = _ => new(
            Tar().Link($"{Root}/escape", (byte)'2', "../..").File($"{Root}/escape/pwned", "x").End().Gzip(),
            $"invalid tarball: entry \"{Root}/escape\" is a symbolic link; {NotFileOrDirectory}",
            "pwned"),
        ["hardlink"] = _ => new(
            Tar().Link($"{Root}/shadow", (byte)'1', "/etc/shadow").End().Gzip(),
            $"invalid tarball: entry \"{Root}/shadow\" is a hard link; {NotFileOrDirectory}"),
        ["character-device"] = _ => new(
            Tar().Entry($"{Root}/tty", (byte)'3', []).End().Gzip(),
            $"invalid tarball: entry \"{Root}/tty\" is a character device; {NotFileOrDirectory}"),
        ["block-device"] = _ => new(
            Tar().Entry($"{Root}/sda", (byte)'4', []).End().Gzip(),
            $"invalid tarball: entry \"{Root}/sda\" is a block device; {NotFileOrDirectory}"),
        ["fifo"] = _ => new(
            Tar().Entry($"{Root}/pipe", (byte)'6', []).End().Gzip(),
            $"invalid tarball: entry \"{Root}/pipe\" is a FIFO; {NotFileOrDirectory}"),
        ["unknown-type-flag"] = _ => new(
            Tar().Entry($"{Root}/a", (byte)'Z', "zz"u8.ToArray()).End().Gzip(),
            $"invalid tarball: entry \"{Root}/a\" has unsupported type flag 'Z'; {NotFileOrDirectory}"),
        ["gnu-sparse-type-flag"] = _ => new(
            Tar().Entry($"{Root}/a", (byte)'S', []).End().Gzip(),
            $"invalid tarball: entry \"{Root}/a\" has unsupported type flag 'S'; {NotFileOrDirectory}"),
        ["dot-dot"] = _ => new(
            Tar().File($"{Root}/../x", "pwned").End().Gzip(),
            $"invalid tarball: entry \"{Root}/../x\" has a `..` component",
            "src/x"),
        ["dot-dot-deep"] = _ => new(
            Tar().File($"{Root}/src/lib.rs", "ok").File($"{Root}/src/../../../pwned", "pwned").End().Gzip(),
            $"invalid tarball: entry \"{Root}/src/../../../pwned\" has a `..` component",
            "pwned"),
        ["dot-component"] = _ => new(
            Tar().File($"{Root}/./src/lib.rs", "x").End().Gzip(),
            $"invalid tarball: entry \"{Root}/./src/lib.rs\" has a `.` component"),
        ["empty-component"] = _ => new(
            Tar().File($"{Root}//src/lib.rs", "x").End().Gzip(),
            $"invalid tarball: entry \"{Root}//src/lib.rs\" has an empty path component"),
        ["absolute-path"] = dir => new(
            Tar().File($"{dir}/pwned", "pwned").End().Gzip(),
            $"invalid tarball: entry \"{dir}/pwned\" has an absolute path",
            "pwned"),
        ["windows-drive-path"] = _ => new(
            Tar().File("C:/Windows/pwned", "pwned").End().Gzip(),
            "invalid tarball: entry \"C:/Windows/pwned\" contains a `:`, which Windows reads as a drive or stream separator"),
        ["windows-alternate-data-stream"] = _ => new(
            Tar().File($"{Root}/src/lib.rs:hidden", "x").End().Gzip(),
            $"invalid tarball: entry \"{Root}/src/lib.rs:hidden\" contains a `:`, which Windows reads as a drive or stream separator"),
        ["backslash-path"] = _ => new(
            Tar().File($"{Root}\\..\\pwned", "pwned").End().Gzip(),
            $"invalid tarball: entry \"{Root}\\\\..\\\\pwned\" contains a backslash, which Windows reads as a path separator",
            "pwned", $"src/{Root}\\..\\pwned"),
        ["outside-prefix"] = _ => new(
            Tar().File("bar-1.0.0/src/lib.rs", "x").End().Gzip(),
            "invalid tarball: entry \"bar-1.0.0/src/lib.rs\" isn't under \"foo-1.0.0\"",
            "src/bar-1.0.0"),
        ["prefix-lookalike"] = _ => new(
            Tar().File($"{Root}-evil/src/lib.rs", "x").End().Gzip(),
            $"invalid tarball: entry \"{Root}-evil/src/lib.rs\" isn't under \"foo-1.0.0\"",
            $"src/{Root}-evil"),
        ["ustar-prefix-field-escape"] = _ => new(
            Tar().Entry("pwned", (byte)'0', "x"u8.ToArray(), tweak: h => TestTar.Put(h, 345, Encoding.ASCII.GetBytes($"{Root}/.."))).End().Gzip(),
            $"invalid tarball: entry \"{Root}/../pwned\" has a `..` component",
            "src/pwned"),
        ["empty-name"] = _ => new(
            Tar().EntryBytes([], (byte)'0', "x"u8.ToArray()).End().Gzip(),
            "invalid tarball: the entry at byte 0 has an empty name"),
        ["root-as-file"] = _ => new(
            Tar().File(Root, "x").End().Gzip(),
            $"invalid tarball: entry \"{Root}\" is a file in place of the package directory"),
        ["file-name-with-trailing-slash"] = _ => new(
            Tar().File($"{Root}/src/", "x").End().Gzip(),
            $"invalid tarball: entry \"{Root}/src/\" is a regular file but its name ends with `/`"),
        ["directory-with-data"] = _ => new(
            Tar().Entry($"{Root}/src/", (byte)'5', "abc"u8.ToArray()).End().Gzip(),
            $"invalid tarball: directory entry \"{Root}/src/\" has 3 bytes of data"),
        ["control-characters-in-name"] = _ => new(
            Tar().File($"{Root}/\u001b]0;pwned\u0007", "x").End().Gzip(),
            $"invalid tarball: entry \"{Root}/\\u{{1b}}]0;pwned\\u{{7}}\" has a control character in its name"),
        ["invalid-utf8-name"] = _ => new(
            Tar().EntryBytes([.. Encoding.ASCII.GetBytes($"{Root}/"), 0xFF, 0xFE], (byte)'0', "x"u8.ToArray()).End().Gzip(),
            $"invalid tarball: entry \"{Root}/\\xFF\\xFE\" has a name that is not valid UTF-8"),
        ["duplicate-file"] = _ => new(
            Tar().File($"{Root}/src/lib.rs", "one").File($"{Root}/src/lib.rs", "two").End().Gzip(),
            $"invalid tarball: entry \"{Root}/src/lib.rs\" appears more than once"),
        ["duplicate-directory-with-trailing-slash"] = _ => new(
            Tar().Directory($"{Root}/src").Directory($"{Root}/src/").End().Gzip(),
            $"invalid tarball: entry \"{Root}/src/\" appears more than once"),
        ["file-over-directory"] = _ => new(
            Tar().Directory($"{Root}/src/").File($"{Root}/src", "x").End().Gzip(),
            $"invalid tarball: entry \"{Root}/src\" is a file, but an earlier entry made \"{Root}/src\" a directory"),
        ["file-over-implicit-directory"] = _ => new(
            Tar().File($"{Root}/src/lib.rs", "x").File($"{Root}/src", "x").End().Gzip(),
            $"invalid tarball: entry \"{Root}/src\" is a file, but an earlier entry made \"{Root}/src\" a directory"),
        ["directory-over-file"] = _ => new(
            Tar().File($"{Root}/src", "x").Directory($"{Root}/src/").End().Gzip(),
            $"invalid tarball: entry \"{Root}/src/\" is a directory, but an earlier entry made \"{Root}/src\" a file"),
        ["file-inside-file"] = _ => new(
            Tar().File($"{Root}/src", "x").File($"{Root}/src/lib.rs", "y").End().Gzip(),
            $"invalid tarball: entry \"{Root}/src/lib.rs\" is inside \"{Root}/src\", which an earlier entry made a file"),
        ["cargo-ok-marker"] = _ => new(
            Tar().File($"{Root}/.cargo-ok", "ok").End().Gzip(),
            $"invalid tarball: entry \"{Root}/.cargo-ok\" {Reserved}"),
        ["ferry-ok-marker"] = _ => new(
            Tar().File($"{Root}/.ferry-ok", "{\"v\":1}").End().Gzip(),
            $"invalid tarball: entry \"{Root}/.ferry-ok\" {Reserved}"),
        ["ferry-digest-file"] = _ => new(
            Tar().File($"{Root}/.ferry-digest", "ferry-tree-digest 1\n").End().Gzip(),
            $"invalid tarball: entry \"{Root}/.ferry-digest\" {Reserved}"),
        ["marker-in-other-case"] = _ => new(
            Tar().File($"{Root}/.FERRY-OK", "{\"v\":1}").End().Gzip(),
            $"invalid tarball: entry \"{Root}/.FERRY-OK\" {Reserved}"),
        ["marker-as-directory"] = _ => new(
            Tar().Directory($"{Root}/.cargo-ok/").End().Gzip(),
            $"invalid tarball: entry \"{Root}/.cargo-ok/\" {Reserved}"),
        ["pax-record-length-too-long"] = _ => new(
            Tar().PaxRaw(Encoding.ASCII.GetBytes($"30 path={Root}/x\n")).File($"{Root}/innocent", "x").End().Gzip(),
            "invalid tarball: PAX header (type 'x') at byte 0 has a malformed record at offset 0: it declares 30 bytes but only 20 remain"),
        ["pax-record-length-too-short"] = _ => new(
            Tar().PaxRaw(Encoding.ASCII.GetBytes($"12 path={Root}/x\n")).File($"{Root}/innocent", "x").End().Gzip(),
            "invalid tarball: PAX header (type 'x') at byte 0 has a malformed record at offset 0: its declared length 12 does not end at a newline"),
        ["pax-record-length-not-a-number"] = _ => new(
            Tar().PaxRaw(Encoding.ASCII.GetBytes($"2x path={Root}/x\n")).File($"{Root}/innocent", "x").End().Gzip(),
            "invalid tarball: PAX header (type 'x') at byte 0 has a malformed record at offset 0: its length is not a decimal number"),
        ["pax-repeated-key"] = _ => new(
            Tar().Pax(("path", $"{Root}/a"), ("path", $"{Root}/b")).File($"{Root}/innocent", "x").End().Gzip(),
            "invalid tarball: PAX header (type 'x') at byte 0 has a malformed record at offset 20: it repeats the key `path`"),
        ["pax-size-disagrees-with-header"] = _ => new(
            Tar().Pax(("size", "1000")).File($"{Root}/a", "hello").End().Gzip(),
            $"invalid tarball: entry \"{Root}/a\" has a PAX size of 1000 bytes but its header says 5"),
        ["pax-path-escapes"] = _ => new(
            Tar().Pax(("path", $"{Root}/../../pwned")).File($"{Root}/innocent", "x").End().Gzip(),
            $"invalid tarball: entry \"{Root}/../../pwned\" has a `..` component",
            "pwned"),
        ["pax-path-too-long"] = _ => new(
            Tar().Pax(("path", $"{Root}/{new string('a', 5000)}")).File($"{Root}/innocent", "x").End().Gzip(),
            $"invalid tarball: entry \"{Root}/{new string('a', 190)}\"... (5010 bytes) is 5010 bytes long, more than the limit of 4096"),
        ["pax-sparse-file"] = _ => new(
            Tar().Pax(("GNU.sparse.size", "100")).File($"{Root}/a", "x").End().Gzip(),
            $"invalid tarball: entry \"{Root}/a\" is a GNU sparse file (PAX key `GNU.sparse.size`); sparse files are not allowed"),
        ["two-pax-headers"] = _ => new(
            Tar().Pax(("comment", "a")).Pax(("comment", "b")).File($"{Root}/a", "x").End().Gzip(),
            "invalid tarball: two PAX headers (type 'x') in a row at byte 1024"),
        ["global-pax-header-sets-path"] = _ => new(
            Tar().PaxRaw(TestTar.PaxRecords(("path", $"{Root}/x")), (byte)'g').File($"{Root}/a", "x").End().Gzip(),
            "invalid tarball: global PAX header (type 'g') at byte 0 sets `path`, which would apply to every later entry"),
        ["gnu-long-name-with-wrong-length"] = _ => new(
            Tar().Entry("././@LongLink", (byte)'L', [.. Encoding.ASCII.GetBytes($"{Root}/short"), 0, .. "../../../pwned"u8, 0], gnu: true)
                .File($"{Root}/innocent", "x").End().Gzip(),
            $"invalid tarball: the GNU long name (type 'L') at byte 0 declares 31 bytes but its name \"{Root}/short\" ends after 15"),
        ["gnu-long-name-escapes"] = _ => new(
            Tar().LongName($"{Root}/{new string('a', 100)}/../../../pwned").File($"{Root}/innocent", "x").End().Gzip(),
            $"invalid tarball: entry \"{Root}/{new string('a', 100)}/../../../pwned\" has a `..` component",
            "pwned"),
        ["gnu-long-name-over-limit"] = _ => new(
            Tar().LongName($"{Root}/{new string('a', 5000)}").File($"{Root}/innocent", "x").End().Gzip(),
            "invalid tarball: the GNU long name (type 'L') at byte 0 is 5011 bytes, more than the limit of 4096"),
        ["gnu-long-name-twice"] = _ => new(
            Tar().LongName($"{Root}/a").LongName($"{Root}/b").File($"{Root}/c", "x").End().Gzip(),
            "invalid tarball: two GNU long names (type 'L') in a row at byte 1024"),
        ["gnu-long-name-and-pax-path"] = _ => new(
            Tar().LongName($"{Root}/a").Pax(("path", $"{Root}/b")).File($"{Root}/c", "x").End().Gzip(),
            $"invalid tarball: entry \"{Root}/b\" has both a GNU long name and a PAX path"),
        ["gnu-long-name-dangling"] = _ => new(
            Tar().File($"{Root}/a", "x").LongName($"{Root}/b").End().Gzip(),
            "invalid tarball: the archive ends after the GNU long name (type 'L') at byte 1024, which describes no entry"),
        ["gnu-long-link-on-regular-file"] = _ => new(
            Tar().LongName("/etc/passwd", (byte)'K').File($"{Root}/a", "x").End().Gzip(),
            $"invalid tarball: entry \"{Root}/a\" has a GNU long link name (type 'K') but is not a link"),
        ["pax-header-bad-checksum"] = _ =>
        {
            var records = TestTar.PaxRecords(("path", $"{Root}/a"));
            var sum = TestTar.Checksum(Tar().PaxRaw(records).Tar[..512]);
            return new(
                Tar().Entry("PaxHeaders/entry", (byte)'x', records, checksumDelta: -1).File("ignored", "x").End().Gzip(),
                $"invalid tarball: header of entry \"PaxHeaders/entry\" at byte 0 has a bad checksum (the field says {sum - 1}, the header sums to {sum})");
        },
        ["pax-header-truncated"] = _ => new(
            TestTar.GzipOf(Tar().Pax(("path", $"{Root}/{new string('a', 100)}")).Tar[..(512 + 50)]),
            "invalid tarball: the archive is truncated: entry \"PaxHeaders/entry\" declares 120 bytes of data but the archive ends after 50"),
        ["gnu-long-name-non-octal-size"] = _ => new(
            Tar().Entry("././@LongLink", (byte)'L', "x\0"u8.ToArray(), gnu: true, tweak: h => TestTar.Put(h, 124, "00000000x12\0"u8)).File($"{Root}/a", "x").End().Gzip(),
            "invalid tarball: header of entry \"././@LongLink\" at byte 0 has a malformed size field (\"00000000x12\")"),
        ["bad-header-checksum"] = _ =>
        {
            var tar = Tar().File($"{Root}/a", "x", mode: 420);
            var sum = TestTar.Checksum(tar.Tar[..512]);
            return new(
                Tar().Entry($"{Root}/a", (byte)'0', "x"u8.ToArray(), checksumDelta: 1).End().Gzip(),
                $"invalid tarball: header of entry \"{Root}/a\" at byte 0 has a bad checksum (the field says {sum + 1}, the header sums to {sum})");
        },
        ["non-octal-size"] = _ => new(
            Tar().Entry($"{Root}/a", (byte)'0', "x"u8.ToArray(), tweak: h => TestTar.Put(h, 124, "0000001x234\0"u8)).End().Gzip(),
            $"invalid tarball: header of entry \"{Root}/a\" at byte 0 has a malformed size field (\"0000001x234\")"),
        ["empty-size-field"] = _ => new(
            Tar().Entry($"{Root}/a", (byte)'0', [], tweak: h => TestTar.Put(h, 124, new byte[12])).End().Gzip(),
            $"invalid tarball: header of entry \"{Root}/a\" at byte 0 has a malformed size field (\"\")"),
        ["base256-negative-size"] = _ => new(
            Tar().Entry($"{Root}/a", (byte)'0', [], tweak: h => TestTar.Base256(h, 124, 12, -512, negative: true)).End().Gzip(),
            $"invalid tarball: header of entry \"{Root}/a\" at byte 0 has a negative size field"),
        ["base256-size-overflow"] = _ => new(
            Tar().Entry($"{Root}/a", (byte)'0', [], tweak: h => { h[124] = 0x80; h.AsSpan(125, 11).Fill(0xFF); }).End().Gzip(),
            $"invalid tarball: header of entry \"{Root}/a\" at byte 0 has a size field too large to represent"),
        ["base256-mtime-beyond-year-9999"] = _ => new(
            Tar().Entry($"{Root}/a", (byte)'0', [], tweak: h => TestTar.Base256(h, 136, 12, 1L << 62)).End().Gzip(),
            $"invalid tarball: header of entry \"{Root}/a\" at byte 0 has an mtime beyond the year 9999 (4611686018427387904)"),
        ["unknown-header-format"] = _ => new(
            Tar().Entry($"{Root}/a", (byte)'0', [], tweak: h => TestTar.Put(h, 257, "GARBAG"u8)).End().Gzip(),
            $"invalid tarball: header of entry \"{Root}/a\" at byte 0 is not a ustar, GNU or v7 tar header (magic \"GARBAG\")"),
        ["truncated-in-file-data"] = _ => new(
            TestTar.GzipOf(Tar().Entry($"{Root}/big", (byte)'0', new byte[10_000]).End().Tar[..(512 + 3000)]),
            $"invalid tarball: the archive is truncated: entry \"{Root}/big\" declares 10000 bytes of data but the archive ends after 3000"),
        ["truncated-in-header"] = _ => new(
            TestTar.GzipOf(Tar().File($"{Root}/a", "x").File($"{Root}/b", "y").Tar[..(1024 + 100)]),
            "invalid tarball: the archive is truncated in the middle of a header at byte 1024"),
        ["missing-end-of-archive-marker"] = _ => new(
            Tar().File($"{Root}/a", "x").Gzip(),
            "invalid tarball: the archive ends at byte 1024 without an end-of-archive marker (is it truncated?)"),
        ["data-after-end-of-archive"] = _ => new(
            Tar().File($"{Root}/a", "x").End().Raw([.. new byte[10], (byte)'X', .. new byte[501]]).Gzip(),
            "invalid tarball: there is data after the end-of-archive marker, at byte 2058"),
        ["gzip-trailer-cut-off"] = _ => new(
            Tar().File($"{Root}/a", "x").End().Gzip()[..^8],
            TrailerMismatch),
        ["gzip-trailing-garbage"] = _ => new(
            [.. Tar().File($"{Root}/a", "x").End().Gzip(), .. "garbage!"u8],
            TrailerMismatch),
        ["gzip-second-member"] = _ => new(
            [.. Tar().File($"{Root}/a", "x").Gzip(), .. Tar().File($"{Root}/b", "y").End().Gzip()],
            TrailerMismatch),
        ["gzip-bad-crc"] = _ =>
        {
            var crate = Tar().File($"{Root}/a", "x").End().Gzip();
            crate[^8] ^= 0xFF;
            return new(crate, "invalid tarball: the gzip stream is corrupt");
        },
        ["not-gzip"] = _ => new(
            Tar().File($"{Root}/a", "x").End().Tar,
            "invalid tarball: not a gzip stream (it starts with 0x666f6f2d, not 0x1f8b)"),
        ["empty-file"] = _ => new([], "invalid tarball: not a gzip stream (the file is empty)"),
        ["too-many-entries"] = _ =>
        {
            var tar = Tar();
            for (var i = 0; i <= 1000; i++)
            {
                tar.File($"{Root}/f{i}", "x");
            }

            return new(tar.End().Gzip(), "invalid tarball: the archive has more than 1000 entries") { Limits = new CrateArchiveLimits { MaxEntries = 1000 } };
        },
        ["implied-directories-over-limit"] = _ =>
        {
            // Few entries, each nested 30 directories deep in its own chain: the directories
            // the paths imply count against the cap, since each costs a directory on disk.
            var tar = Tar();
            for (var i = 0; i < 40; i++)
            {
                tar.Pax(("path", $"{Root}/d{i}/{string.Join('/', Enumerable.Repeat("x", 30))}/f")).File("ignored", "x");
            }

            return new(tar.End().Gzip(), "invalid tarball: the archive's paths make more than 1000 files and directories") { Limits = new CrateArchiveLimits { MaxEntries = 1000 } };
        },
        ["manifest-over-limit"] = _ => new(
            Tar().File($"{Root}/Cargo.toml", "[package]\n").End().Gzip(),
            $"invalid tarball: entry \"{Root}/Cargo.toml\" is 10 bytes, more than the limit of 8 for a manifest")
        {
            Limits = new CrateArchiveLimits { MaxManifestBytes = 8 },
        },
        ["declared-size-beyond-configured-cap"] = _ => new(
            Tar().File($"{Root}/a", "x").Entry($"{Root}/big", (byte)'0', new byte[5000]).End().Gzip(),
            $"invalid tarball: maximum limit reached when reading: entry \"{Root}/big\" declares 5000 bytes, but the archive may decompress to at most 4096 bytes")
        {
            Limits = new CrateArchiveLimits { MinDecompressedBytes = 4096, CompressionRatio = 1 },
        },
    };

    private readonly ScratchDirectory _scratch = new();

    public static TheoryData<string> AttackNames() => new(Attacks.Keys);

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void SuiteCoversAtLeastTwentyAttacks()
    {
        Assert.True(Attacks.Count >= 20, $"{Attacks.Count} attacks");
    }

    [Fact]
    public async Task DefaultEntryLimitStopsAHugeListing()
    {
        // 100,001 empty files: 51 MB of tar, well under the size cap; only the count stops it.
        var tar = new TestTar();
        for (var i = 0; i <= CrateArchiveLimits.Default.MaxEntries; i++)
        {
            tar.Entry($"{Root}/f{i}", (byte)'0', []);
        }

        var error = await Assert.ThrowsAsync<CrateArchiveException>(
            () => CrateArchiveReader.VerifyAsync(new MemoryStream(tar.End().Gzip()), Root));
        Assert.Equal("invalid tarball: the archive has more than 100000 entries", error.Message);
    }

    [Theory]
    [MemberData(nameof(AttackNames))]
    public async Task AttackIsRejectedAndLeavesNothingBehind(string name)
    {
        // case/src is the "registry src" directory; the package would go to case/src/foo-1.0.0.
        // A neighbour package already there must survive untouched.
        var caseDirectory = _scratch.NewDirectory();
        var parent = Path.Combine(caseDirectory, "src");
        Directory.CreateDirectory(Path.Combine(parent, "bar-0.1.0"));
        File.WriteAllText(Path.Combine(parent, "bar-0.1.0", "lib.rs"), "neighbour");
        var attack = Attacks[name](caseDirectory);
        var before = Snapshot(caseDirectory);

        // Watch everything created or renamed under the case directory while extracting: the
        // only thing allowed to appear is the temporary directory (and things inside it).
        var created = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var temporary = Path.Combine(parent, ".tmp-" + Root + "-");
        using (var watcher = new FileSystemWatcher(caseDirectory) { IncludeSubdirectories = true })
        {
            watcher.Created += (_, e) => created.Enqueue(e.FullPath);
            watcher.Renamed += (_, e) => created.Enqueue(e.FullPath);
            watcher.EnableRaisingEvents = true;

            var options = new CrateExtractOptions { Limits = attack.Limits ?? CrateArchiveLimits.Default };
            var extractError = await Assert.ThrowsAsync<CrateArchiveException>(
                () => CrateArchiveReader.ExtractAsync(new MemoryStream(attack.Crate), Root, Path.Combine(parent, Root), options));
            Assert.Equal(attack.Message, extractError.Message);

            // Events arrive asynchronously; the temporary directory's own creation must show up
            // (which also proves the watcher works) before the list is judged.
            for (var waited = 0; waited < 5000 && !created.Any(path => path.StartsWith(temporary, StringComparison.Ordinal)); waited += 10)
            {
                await Task.Delay(10);
            }

            await Task.Delay(20);
        }

        Assert.Contains(created, path => path.StartsWith(temporary, StringComparison.Ordinal));
        Assert.All(created, path => Assert.StartsWith(temporary, path, StringComparison.Ordinal));
        Assert.Equal(before, Snapshot(caseDirectory));
        foreach (var target in attack.Targets)
        {
            Assert.False(Path.Exists(Path.Combine(caseDirectory, target)), $"{target} was created");
        }

        var verifyError = await Assert.ThrowsAsync<CrateArchiveException>(
            () => CrateArchiveReader.VerifyAsync(new MemoryStream(attack.Crate), Root, attack.Limits));
        Assert.Equal(attack.Message, verifyError.Message);
    }

    private static TestTar Tar() => new();

    /// <summary>Every path under <paramref name="directory"/> with the contents of each file.</summary>
    private static List<string> Snapshot(string directory)
    {
        var entries = new List<string>();
        foreach (var path in Directory.EnumerateFileSystemEntries(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var relative = Path.GetRelativePath(directory, path);
            entries.Add(File.Exists(path) ? $"{relative} = {File.ReadAllText(path)}" : relative + "/");
        }

        entries.Sort(StringComparer.Ordinal);
        return entries;
    }

    private sealed record Attack(byte[] Crate, string Message, params string[] Targets)
    {
        public CrateArchiveLimits? Limits { get; init; }
    }
}
