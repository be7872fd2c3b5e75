using System.Diagnostics;

namespace Ferry.Tests.Core.Manifest.Targets;

/// <summary>
/// Runs the installed Cargo 1.95 (the oracle) on a fixture directory, with a private, empty
/// <c>CARGO_HOME</c>. <c>cargo metadata</c> gives the targets or a hard error but prints no manifest
/// warnings; <c>cargo fetch --offline</c> (no dependencies, so no network) prints the warnings and
/// fails on the first deferred error, which is how every other command behaves.
/// </summary>
internal static class CargoOracle
{
    public static string CargoPath { get; } = FindCargo();

    public static CargoRun Metadata(string directory, string cargoHome) =>
        Run(directory, cargoHome, "metadata", "--no-deps", "--format-version", "1", "--offline");

    public static CargoRun Fetch(string directory, string cargoHome) => Run(directory, cargoHome, "fetch", "--offline");

    private static CargoRun Run(string directory, string cargoHome, params string[] arguments)
    {
        var start = new ProcessStartInfo(CargoPath)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Cargo reads many CARGO_* variables; a test run inside some other Cargo must not leak them.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("CARGO", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["CARGO_HOME"] = cargoHome;
        start.Environment["CARGO_TERM_COLOR"] = "never";
        var bin = Path.GetDirectoryName(CargoPath);
        if (!string.IsNullOrEmpty(bin))
        {
            start.Environment["PATH"] = bin + Path.PathSeparator + (start.Environment.TryGetValue("PATH", out var path) ? path : string.Empty);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + CargoPath);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cargo {string.Join(' ', arguments)} did not finish in {directory}");
        }

        return new CargoRun(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr);
    }

    private static string FindCargo()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var rustup = Path.Join(home, ".cargo", "bin", OperatingSystem.IsWindows() ? "cargo.exe" : "cargo");
        return File.Exists(rustup) ? rustup : "cargo";
    }
}
