using System.Text;
using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Build;

/// <summary>
/// Runs a <see cref="BuildFixture"/> with cargo and with ferry, each in its own sandbox with the
/// same layout, and collects every difference: exit codes, normalized stderr (status lines,
/// diagnostics), stdout (JSON messages), and the output of the programs they built.
/// </summary>
public static class BuildDifferential
{
    public static string LocalRegistryConfig => $"""
        [source.crates-io]
        replace-with = "local"
        [source.local]
        local-registry = "{RegistryPath}"
        """;

    /// <summary>The Debian-crate registry the team machines build (see the shared registry README).</summary>
    public static string RegistryPath => System.Environment.GetEnvironmentVariable("FERRY_TEST_REGISTRY") ?? "/work/registry-out";

    public static bool RegistryAvailable => Directory.Exists(Path.Combine(RegistryPath, "index"));

    public static string Run(BuildFixture fixture)
    {
        using var cargo = Prepare(fixture);
        using var ferry = Prepare(fixture);
        var env = new Dictionary<string, string?>();
        var report = new StringBuilder();
        var index = 0;
        foreach (var step in fixture.Steps)
        {
            index++;
            var space = step.IndexOf(' ');
            var verb = space < 0 ? step : step[..space];
            var rest = space < 0 ? string.Empty : step[(space + 1)..];
            switch (verb)
            {
                case "touch":
                    var when = DateTime.UtcNow;
                    File.SetLastWriteTimeUtc(cargo.Path(rest), when);
                    File.SetLastWriteTimeUtc(ferry.Path(rest), when);
                    break;
                case "write":
                    var eq = rest.IndexOf('=');
                    var text = rest[(eq + 1)..].Replace("\\n", "\n");
                    cargo.File(rest[..eq], text);
                    ferry.File(rest[..eq], text);
                    
                    
                    break;
                case "env":
                    var kv = rest.IndexOf('=');
                    env[rest[..kv]] = rest[(kv + 1)..].Replace("\\u001f", "\u001f");
                    break;
                case "unenv":
                    env[rest] = null;
                    break;
                case "files":
                    // The names of the files under a directory (rustdoc's output): same set in both.
                    Compare(report, index, step, "files", Files(cargo, rest), Files(ferry, rest));
                    break;
                case "same":
                    // A generated file byte for byte (rustdoc's HTML is deterministic for the same flags).
                    Compare(report, index, step, "contents", [.. ReadOrMissing(cargo, rest).Split('\n')], [.. ReadOrMissing(ferry, rest).Split('\n')]);
                    break;
                case "exec":
                    var parts = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    var expected = Exec(cargo, parts, env);
                    var actual = Exec(ferry, parts, env);
                    Compare(report, index, step, "program exit code", [expected.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture)], [actual.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                    Compare(report, index, step, "program stdout", [.. BuildNormalizer.Text(expected.Stdout, cargo).Split('\n')], [.. BuildNormalizer.Text(actual.Stdout, ferry).Split('\n')]);
                    Compare(report, index, step, "program stderr", [.. BuildNormalizer.Text(expected.Stderr, cargo).Split('\n')], [.. BuildNormalizer.Text(actual.Stderr, ferry).Split('\n')]);
                    break;
                default:
                    var args = step.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    var c = ProcessRunner.Run(Tools.Cargo, args, cargo.Work, Environment(cargo, env), TimeSpan.FromMinutes(20));
                    var f = ProcessRunner.Run(Tools.Ferry, args, ferry.Work, Environment(ferry, env), TimeSpan.FromMinutes(20));
                    Compare(report, index, step, "exit code", [c.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture)], [f.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                    Compare(report, index, step, "stderr", BuildNormalizer.Stderr(c.Stderr, cargo, fixture.ExactOrder), BuildNormalizer.Stderr(f.Stderr, ferry, fixture.ExactOrder));
                    Compare(report, index, step, "stdout", BuildNormalizer.Stdout(c.Stdout, cargo), BuildNormalizer.Stdout(f.Stdout, ferry));
                    break;
            }
        }

        return report.ToString();
    }

    private static List<string> Files(Sandbox sandbox, string directory)
    {
        var root = sandbox.Path(directory);
        if (!Directory.Exists(root))
        {
            return ["(no directory)"];
        }

        // Hashes in names differ (metadata hashes cover the sandbox's path); the normalizer masks them.
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => BuildNormalizer.Text(System.IO.Path.GetRelativePath(root, f), sandbox)).ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static string ReadOrMissing(Sandbox sandbox, string path) =>
        File.Exists(sandbox.Path(path)) ? File.ReadAllText(sandbox.Path(path)) : "(missing)";

    private static CommandResult Exec(Sandbox sandbox, string[] parts, Dictionary<string, string?> env)
    {
        var program = sandbox.Path(parts[0]);
        return File.Exists(program)
            ? ProcessRunner.Run(program, parts.Skip(1), sandbox.Work, Environment(sandbox, env), TimeSpan.FromMinutes(2))
            : new CommandResult(-1, string.Empty, $"{parts[0]} does not exist");
    }

    private static Sandbox Prepare(BuildFixture fixture)
    {
        var sandbox = new Sandbox();
        foreach (var (path, contents) in fixture.Files)
        {
            sandbox.File(path, contents);
        }

        if (fixture.Registry)
        {
            File.WriteAllText(System.IO.Path.Combine(sandbox.CargoHome, "config.toml"), LocalRegistryConfig);
        }

        return sandbox;
    }

    private static Dictionary<string, string?> Environment(Sandbox sandbox, Dictionary<string, string?> extra)
    {
        var env = new Dictionary<string, string?>(sandbox.Environment());
        foreach (var (key, value) in extra)
        {
            env[key] = value;
        }

        return env;
    }

    private static void Compare(StringBuilder report, int index, string step, string what, IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        if (expected.SequenceEqual(actual))
        {
            return;
        }

        report.Append($"step {index} `{step}`: {what} differs\n");
        var onlyCargo = expected.Except(actual).ToList();
        var onlyFerry = actual.Except(expected).ToList();
        foreach (var line in onlyCargo.Take(40))
        {
            report.Append("  - ").Append(line).Append('\n');
        }

        foreach (var line in onlyFerry.Take(40))
        {
            report.Append("  + ").Append(line).Append('\n');
        }

        if (onlyCargo.Count == 0 && onlyFerry.Count == 0)
        {
            report.Append("  (same lines, different order or count)\n  cargo:\n");
            foreach (var line in expected.Take(60))
            {
                report.Append("    ").Append(line).Append('\n');
            }

            report.Append("  ferry:\n");
            foreach (var line in actual.Take(60))
            {
                report.Append("    ").Append(line).Append('\n');
            }
        }
    }
}
