using System.Diagnostics;
using Ferry.Tests.Core.Manifest.Targets;

namespace Ferry.Tests.Core.Lockfile;

/// <summary>Runs the installed Cargo 1.95 (the oracle) with a private CARGO_HOME and no inherited CARGO_* variables.</summary>
internal static class LockfileCargo
{
    public static string CargoPath { get; } = FindCargo();

    public static CargoRun Run(string directory, string cargoHome, params string[] arguments)
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

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("CARGO", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["CARGO_HOME"] = cargoHome;
        start.Environment["CARGO_TERM_COLOR"] = "never";
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

    /// <summary>Runs a plain program (git) in a directory; throws when it fails.</summary>
    public static string Tool(string directory, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
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

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + program);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {stderr}");
        }

        return stdout.GetAwaiter().GetResult();
    }

    private static string FindCargo()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var rustup = Path.Join(home, ".cargo", "bin", OperatingSystem.IsWindows() ? "cargo.exe" : "cargo");
        return File.Exists(rustup) ? rustup : "cargo";
    }
}
