using System.Diagnostics;
using Ferry.Tests.Core.Archive;

namespace Ferry.Tests.Resolver.Features;

/// <summary>
/// Runs the real <c>cargo tree</c> on a fixture, in a temporary directory with its own HOME and
/// CARGO_HOME (never <c>~/.cargo</c>), and returns stdout — or, on failure, the <c>error:</c>
/// part of stderr — with the workspace path replaced by <c>[ROOT]</c>.
/// </summary>
internal static class CargoTree
{
    public static readonly string[] FormatArgs = ["--prefix", "none", "--format", "{p} {f}", "--no-dedupe"];

    public static IReadOnlyList<string> RunAll(FeatureFixture fixture)
    {
        var temp = Path.Combine(Path.GetTempPath(), "ferry-features-" + Guid.NewGuid().ToString("N")[..12]);
        var work = Path.Combine(temp, "work");
        try
        {
            Directory.CreateDirectory(Path.Combine(temp, "home"));
            Directory.CreateDirectory(Path.Combine(temp, "cargo-home"));
            foreach (var (path, contents) in fixture.Files)
            {
                var full = Path.Combine(work, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, contents);
            }

            var cwd = fixture.Cwd is null ? work : Path.Combine(work, fixture.Cwd);
            return [.. fixture.Runs.Select(run => Run(temp, work, cwd, run))];
        }
        finally
        {
            try
            {
                Directory.Delete(temp, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string Run(string temp, string work, string cwd, IReadOnlyList<string> run)
    {
        var cargo = CargoFactAttribute.Cargo;
        var start = new ProcessStartInfo(cargo)
        {
            WorkingDirectory = cwd,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in run.Concat(FormatArgs))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = Path.GetDirectoryName(cargo) + ":/usr/bin:/bin";
        start.Environment["HOME"] = Path.Combine(temp, "home");
        start.Environment["CARGO_HOME"] = Path.Combine(temp, "cargo-home");
        start.Environment["CARGO_TERM_COLOR"] = "never";
        start.Environment["LANG"] = "C.UTF-8";
        using var process = Process.Start(start)!;
        var stderrTask = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = stderrTask.GetAwaiter().GetResult();
        process.WaitForExit();
        string text;
        if (process.ExitCode == 0)
        {
            text = stdout;
        }
        else
        {
            var at = stderr.StartsWith("error: ", StringComparison.Ordinal) ? 0 : stderr.IndexOf("\nerror: ", StringComparison.Ordinal) + 1;
            text = at < 0 ? "failed without an error line:\n" + stderr : stderr[at..];
        }

        return text.Replace(work, "[ROOT]", StringComparison.Ordinal).Replace(temp, "[TEMP]", StringComparison.Ordinal);
    }
}
