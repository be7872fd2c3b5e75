using Ferry.Core.Lockfile;
using Ferry.Core.Resolution;
using Xunit.Abstractions;

namespace Ferry.Tests.Core.Lockfile;

/// <summary>
/// Every real Cargo.lock available (the conformance folder and the registry example projects)
/// reads and writes back byte for byte, both as the raw file model and through a
/// <see cref="Resolve"/>. The three files that do not are files Cargo itself would not write
/// back unchanged; what Cargo 1.95 writes instead was recorded (see <c>Data/</c>) and is what
/// Ferry writes too.
/// </summary>
public sealed class LockfileCorpusTests
{
    // A 2017 V1 file with a `[root]` table and no header: Cargo rewrites it (as V4, sorted, with the
    // header) — recorded by running cargo 1.95 on the ripgrep workspace of that commit against a
    // local registry holding the crates.io index closure.
    private const string V1Root = "conformance/lockfiles/ripgrep-history/2017-10-21-v1-root/Cargo.lock";

    // A cargo test fixture that lists a dependency `my-package` that is not in the file: Cargo drops
    // the dangling edge when it reads the file and writes the file without it.
    private const string DanglingDependency = "conformance/cargo-testsuite-fixtures/testsuite/cargo_add/lockfile_updated/in/Cargo.lock";

    // A cargo test snapshot with a `[..]` wildcard as the git source: not a lockfile Cargo can read.
    private const string Wildcard = "conformance/cargo-testsuite-fixtures/testsuite/cargo_remove/gc_patch/out/Cargo.lock";

    private readonly ITestOutputHelper _output;

    public LockfileCorpusTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void EveryLockfileRoundTrips()
    {
        var files = LockfileTestData.AllLockfiles();
        var exact = 0;
        var failures = new List<string>();
        var versions = new SortedDictionary<ResolveVersion, int>();
        foreach (var file in files)
        {
            var name = LockfileTestData.Relative(file).Replace('\\', '/');
            var text = File.ReadAllText(file);
            if (name == Wildcard)
            {
                var error = Assert.Throws<LockfileParseException>(() => CargoLock.Parse(text, file));
                Assert.Equal("invalid url `[..]`: relative URL without a base", error.Reason);
                continue;
            }

            var lockfile = CargoLock.Parse(text, file);
            var resolve = CargoLock.ToResolve(lockfile, text, LockfileContext.Standalone(lockfile), file);
            versions[resolve.Version] = versions.GetValueOrDefault(resolve.Version) + 1;
            var raw = CargoLock.Encode(lockfile, resolve.Version);
            var viaResolve = CargoLock.Encode(resolve, text);
            if (name is V1Root or DanglingDependency)
            {
                Assert.NotEqual(text, viaResolve);
                var expected = File.ReadAllText(LockfileTestData.DataFile(
                    name == V1Root ? "ripgrep-2017-10-21-v1-root.cargo-1.95.lock" : "cargo_add-lockfile_updated-in.cargo-1.95.lock"));
                var plan = LockfileWriter.Plan(resolve, text, fileExists: true, file, new LockfileWriteOptions());
                Assert.True(plan.Changed);
                Assert.Equal(expected, plan.Text);
                if (name == DanglingDependency)
                {
                    Assert.Equal(text, raw);
                }

                continue;
            }

            if (raw != text)
            {
                failures.Add($"{name}: raw model writes different bytes");
            }
            else if (viaResolve != text)
            {
                failures.Add($"{name}: resolve writes different bytes");
            }
            else
            {
                exact++;
            }
        }

        _output.WriteLine($"{files.Count} lockfiles; {exact} round-trip byte for byte both ways; formats: " +
            string.Join(", ", versions.Select(v => $"{v.Key} x{v.Value}")));
        Assert.Empty(failures);
        Assert.Equal(files.Count - 3, exact);
        Assert.True(files.Count >= 60, "the lockfile corpus looks truncated");
    }
}
