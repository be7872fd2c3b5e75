using System.Diagnostics;
using Ferry.Tests.Core.Archive;

namespace Ferry.Tests.Resolver.Features;

/// <summary>
/// Runs the real <c>cargo tree</c> on a fixture, in a temporary directory with its own HOME and
/// CARGO_HOME (never <c>~/.cargo</c>), and returns stdout — or, on failure, the <c>error:</c>
/// part of stderr — redacted as <see cref="FixtureProject.Redact"/> does.
/// </summary>
internal static class CargoTree
{
    public static readonly string[] FormatArgs = ["--prefix", "none", "--format", "{p} {f}", "--no-dedupe"];

    public static IReadOnlyList<string> RunAll(FeatureFixture fixture)
    {
        using var project = new FixtureProject(fixture);
        return [.. fixture.Runs.Select(run => project.Redact(Run(project, run)))];
    }

    private static string Run(FixtureProject project, IReadOnlyList<string> run)
    {
        var cargo = CargoFactAttribute.Cargo;
        var start = new ProcessStartInfo(cargo)
        {
            WorkingDirectory = project.Cwd,
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
        start.Environment["HOME"] = project.Home;
        start.Environment["CARGO_HOME"] = project.CargoHome;
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

        return text;
    }
}
