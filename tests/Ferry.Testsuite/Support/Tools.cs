using System.Diagnostics;

namespace Ferry.Testsuite.Support;

/// <summary>
/// The programs end-to-end tests run: the NativeAOT <c>ferry</c> (built once per test run by the
/// repository's launcher) and the real toolchain's <c>cargo</c>/<c>rustc</c>, called directly
/// from the toolchain directory so a sandbox's own HOME and CARGO_HOME do not confuse rustup.
/// </summary>
internal static class Tools
{
    private static readonly Lazy<string> FerryPath = new(BuildFerry, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string?> ToolchainBin = new(FindToolchainBin, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Ferry => FerryPath.Value;

    /// <summary>The directory holding cargo and rustc, or null when no Rust toolchain is installed.</summary>
    public static string? ToolchainDirectory => ToolchainBin.Value;

    public static string Cargo => Path.Combine(ToolchainBin.Value ?? throw new InvalidOperationException("no Rust toolchain found"), "cargo");

    private static string BuildFerry()
    {
        // A developer iterating on Ferry may point the suite at another build (a JIT one starts faster to produce).
        if (Environment.GetEnvironmentVariable("FERRY_TEST_BINARY") is { Length: > 0 } custom)
        {
            return custom;
        }

        var launcher = Path.Combine(RepoPaths.Root, "ferry");
        var result = ProcessRunner.Run(launcher, ["--version"], RepoPaths.Root, environment: null, TimeSpan.FromMinutes(10));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("building ferry failed:\n" + result);
        }

        return Path.Combine(RepoPaths.Root, "artifacts", "bin", "ferry");
    }

    private static string? FindToolchainBin()
    {
        foreach (var candidate in new[] { "rustc", Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cargo", "bin", "rustc") })
        {
            try
            {
                var psi = new ProcessStartInfo(candidate, "--print sysroot") { RedirectStandardOutput = true, RedirectStandardError = true };
                using var process = Process.Start(psi);
                if (process is null)
                {
                    continue;
                }

                var sysroot = process.StandardOutput.ReadToEnd().Trim();
                process.WaitForExit();
                if (process.ExitCode == 0 && Directory.Exists(Path.Combine(sysroot, "bin")))
                {
                    return Path.Combine(sysroot, "bin");
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
            }
        }

        return null;
    }
}
