using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Build;

/// <summary>
/// A build killed with SIGKILL (ferry and every rustc and build script it started, the way an
/// out-of-memory killer or a closed CI job ends them) leaves half-written outputs behind; running
/// the build again must finish, the program must be correct, and a third build must be all fresh.
/// </summary>
public sealed class BuildKillTests
{
    private const int Crates = 6;

    public static TheoryData<int> KillAfter() => [1, 3, 5];

    [Theory]
    [MemberData(nameof(KillAfter))]
    public void RebuildAfterSigkillFinishesCorrectly(int compilingLines)
    {
        using var sandbox = new Sandbox(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath());
        WriteProject(sandbox);

        var killed = StartAndKill(sandbox, compilingLines);
        Assert.True(killed, "the build finished before it could be killed");

        var again = sandbox.Ferry("build");
        Assert.True(again.ExitCode == 0, again.ToString());
        var run = ProcessRunner.Run(sandbox.Path("target", "debug", "app"), [], sandbox.Work, sandbox.Environment(), TimeSpan.FromMinutes(1));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(ExpectedOutput(), run.Stdout);

        var fresh = sandbox.Ferry("build", "-v");
        Assert.True(fresh.ExitCode == 0, fresh.ToString());
        var statuses = fresh.Stderr.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("Finished", StringComparison.Ordinal)).ToList();
        Assert.Equal(Crates + 1, statuses.Count(l => l.StartsWith("Fresh ", StringComparison.Ordinal)));
        Assert.DoesNotContain(statuses, l => !l.StartsWith("Fresh ", StringComparison.Ordinal));
    }

    /// <summary>Starts <c>ferry build -j2</c> and kills its whole process tree once the given number of units started compiling.</summary>
    private static bool StartAndKill(Sandbox sandbox, int compilingLines)
    {
        var psi = new ProcessStartInfo(Tools.Ferry) { WorkingDirectory = sandbox.Work, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("build");
        psi.ArgumentList.Add("-j2");
        psi.Environment.Clear();
        foreach (var (key, value) in sandbox.Environment())
        {
            if (value is not null)
            {
                psi.Environment[key] = value;
            }
        }

        using var process = Process.Start(psi)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var seen = 0;
        while (process.StandardError.ReadLine() is { } line)
        {
            if (line.TrimStart().StartsWith("Compiling ", StringComparison.Ordinal) && ++seen == compilingLines)
            {
                // Let rustc get going, so its outputs are half-written when it dies.
                Thread.Sleep(400);
                if (process.HasExited)
                {
                    return false;
                }

                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return true;
            }
        }

        process.WaitForExit();
        return false;
    }

    private static void WriteProject(Sandbox sandbox)
    {
        var members = string.Join(", ", Enumerable.Range(0, Crates).Select(i => $"\"c{i}\""));
        var deps = new StringBuilder();
        for (var i = 0; i < Crates; i++)
        {
            deps.Append(CultureInfo.InvariantCulture, $"c{i} = {{ path = \"c{i}\" }}\n");
        }

        sandbox.File("Cargo.toml", $"[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\nmembers = [{members}]\n\n[dependencies]\n{deps}");
        var main = new StringBuilder("fn main() {\n");
        for (var i = 0; i < Crates; i++)
        {
            main.Append(CultureInfo.InvariantCulture, $"    println!(\"c{i} {{}} {{}}\", c{i}::total(), c{i}::GENERATED);\n");
        }

        sandbox.File("src/main.rs", main.Append("}\n").ToString());
        for (var i = 0; i < Crates; i++)
        {
            // A chain (each crate uses the previous one) of crates big enough to take a moment each.
            var dep = i == 0 ? string.Empty : $"c{i - 1} = {{ path = \"../c{i - 1}\" }}\n";
            sandbox.File($"c{i}/Cargo.toml", $"[package]\nname = \"c{i}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n{dep}");
            sandbox.File($"c{i}/build.rs", $"fn main() {{\n    let out = std::env::var(\"OUT_DIR\").unwrap();\n    std::fs::write(format!(\"{{out}}/gen.rs\"), \"pub const GENERATED: u64 = {i * 7};\").unwrap();\n}}\n");
            var lib = new StringBuilder("include!(concat!(env!(\"OUT_DIR\"), \"/gen.rs\"));\n");
            for (var f = 0; f < 150; f++)
            {
                lib.Append(CultureInfo.InvariantCulture, $"pub fn f{f}(x: u64) -> u64 {{ let v: Vec<u64> = (0..x).map(|y| y * {f + 1}).collect(); v.iter().sum::<u64>() % 1000 }}\n");
            }

            var previous = i == 0 ? "0" : $"c{i - 1}::total()";
            var sum = string.Join(" + ", Enumerable.Range(0, 150).Select(f => $"f{f}(3)"));
            lib.Append(CultureInfo.InvariantCulture, $"pub fn total() -> u64 {{ {previous} + {sum} }}\n");
            sandbox.File($"c{i}/src/lib.rs", lib.ToString());
        }
    }

    private static string ExpectedOutput()
    {
        // f(3) = (0 + k + 2k) % 1000 = 3k % 1000 for k = f + 1.
        var own = Enumerable.Range(1, 150).Sum(k => (long)(3 * k % 1000));
        var text = new StringBuilder();
        for (var i = 0; i < Crates; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"c{i} {own * (i + 1)} {i * 7}\n");
        }

        return text.ToString();
    }
}
