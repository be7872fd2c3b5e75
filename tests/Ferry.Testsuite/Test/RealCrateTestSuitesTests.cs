using Ferry.Testsuite.Sources;
using Ferry.Testsuite.Support;
using Xunit.Abstractions;

namespace Ferry.Testsuite.Test;

/// <summary>
/// Real crates' own test suites (unit, integration and doc tests nobody here wrote) run by
/// <c>cargo test</c> and by <c>ferry test</c> through <c>tools/real-crate-tests/run.py</c>: every
/// test binary's passed/failed/ignored counts and the exit code must agree. The default run
/// takes four crates (one with a crashing test binary, one with ignored tests, one with
/// proc-macro and dev-dependencies); FERRY_SLOW_TESTS=1 runs all of <c>crates.txt</c>.
/// </summary>
public sealed class RealCrateTestSuitesTests
{
    private static readonly string[] Quick = ["matches-0.1.8", "safe-transmute-0.10.1", "cassowary-0.3.0", "semver-1.0.14"];

    private readonly ITestOutputHelper _output;

    public RealCrateTestSuitesTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [RegistryFact]
    public void CountsMatchCargo()
    {
        var slow = Environment.GetEnvironmentVariable("FERRY_SLOW_TESTS") == "1";
        var work = Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), "ferry-real-crates-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            string[] args =
            [
                Path.Combine(RepoPaths.Root, "tools", "real-crate-tests", "run.py"),
                "--ferry", Tools.Ferry,
                "--cargo", Tools.Cargo,
                "--registry", RegistryServer.RegistryRoot,
                "--keep", work,
                .. slow ? [] : Quick,
            ];
            var result = ProcessRunner.Run("python3", args, RepoPaths.Root, null, TimeSpan.FromMinutes(slow ? 60 : 10));
            _output.WriteLine(result.Stdout);
            Assert.True(result.ExitCode == 0, result.ToString());
            var rows = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            Assert.Equal(slow ? File.ReadAllLines(Path.Combine(RepoPaths.Root, "tools", "real-crate-tests", "crates.txt")).Count(l => l.Length > 0 && l[0] != '#') : Quick.Length, rows.Count);
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }
}
