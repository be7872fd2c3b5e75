using System.Diagnostics;

namespace Ferry.Tests.Core.Archive;

/// <summary>A fact that uses the real Cargo as an oracle; skipped, with the reason, on machines without a Rust toolchain.</summary>
public sealed class CargoFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Found = new(Find);

    public CargoFactAttribute()
    {
        if (Found.Value is null)
        {
            Skip = "no Rust toolchain (rustc under ~/.cargo/bin) on this machine";
        }
    }

    /// <summary>The toolchain's own cargo binary (not the rustup proxy, so a test's CARGO_HOME does not confuse rustup).</summary>
    public static string Cargo => Found.Value ?? throw new InvalidOperationException("no Rust toolchain");

    private static string? Find()
    {
        var rustc = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cargo", "bin", "rustc");
        try
        {
            var start = new ProcessStartInfo(rustc, "--print sysroot") { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var sysroot = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            var cargo = Path.Combine(sysroot, "bin", "cargo");
            return process.ExitCode == 0 && File.Exists(cargo) ? cargo : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
