using System.Text;
using System.Text.RegularExpressions;
using Ferry.Testsuite.Sources;
using Ferry.Testsuite.Support;
using Ferry.Testsuite.Tree;
using Xunit.Abstractions;

namespace Ferry.Testsuite.Build;

/// <summary>
/// The three shared example projects (15, 79 and 256 packages of real Debian-packaged crates,
/// served on 127.0.0.1) built from clean by cargo and by ferry with <c>--message-format json</c>:
/// the artifact and build-script messages must agree except for paths and hashes, the programs
/// must print the same, and later builds (no-op, a touched source, a dependency feature, RUSTFLAGS)
/// must rebuild the same units (the <c>Compiling</c>/<c>Fresh</c>/<c>Dirty</c> lines of <c>-v</c>).
/// Only with FERRY_SLOW_TESTS=1 (the large project takes six to eight minutes per tool on two
/// cores); the default run covers the same ground on real registry crates with the
/// <c>registry_build_scripts</c> fixture.
/// </summary>
public sealed partial class RegistryProjectBuildTests
{
    private readonly ITestOutputHelper _output;

    public RegistryProjectBuildTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private static bool Slow => System.Environment.GetEnvironmentVariable("FERRY_SLOW_TESTS") == "1";

    public static TheoryData<string> Projects() => ["small", "medium", "large"];

    [RegistryTheory]
    [MemberData(nameof(Projects))]
    public void BuildsLikeCargo(string project)
    {
        // Two clean builds of even the small project take about a minute on two cores.
        if (!Slow)
        {
            _output.WriteLine("set FERRY_SLOW_TESTS=1 to build the registry projects");
            return;
        }

        using var server = new StaticRegistryServer(RegistryServer.RegistryRoot) { ServeOwnConfig = true };
        using var cargo = NewSandbox(project, server);
        using var ferry = NewSandbox(project, server);
        var report = new StringBuilder();
        var env = new Dictionary<string, string?>();
        var program = Path.Combine("target", "debug", "reg-" + project);

        Build(report, cargo, ferry, env, "build -j2 --message-format json", json: true);
        Exec(report, cargo, ferry, program);
        Build(report, cargo, ferry, env, "build -v");
        Build(report, cargo, ferry, env, "build --message-format json", json: true);
        Touch(cargo, ferry, "src/main.rs");
        Build(report, cargo, ferry, env, "build -v");
        Build(report, cargo, ferry, env, "build -v --features serde/rc");
        Build(report, cargo, ferry, env, "build -v --features serde/rc");
        Build(report, cargo, ferry, env, "build -v");
        env["RUSTFLAGS"] = "--cfg ferry_e2e";
        Build(report, cargo, ferry, env, "build -v");
        Build(report, cargo, ferry, env, "build -v");
        Exec(report, cargo, ferry, program);

        Assert.True(report.Length == 0, $"{project}:\n{report}");
    }

    private static Sandbox NewSandbox(string project, StaticRegistryServer server)
    {
        var sandbox = new Sandbox(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath());
        File.WriteAllText(Path.Combine(sandbox.CargoHome, "config.toml"), server.CargoConfig);
        var source = Path.Combine(RepoPaths.SharedRegistry, "projects", project);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (!relative.StartsWith("target", StringComparison.Ordinal))
            {
                var destination = sandbox.Path(relative);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(file, destination);
            }
        }

        return sandbox;
    }

    private static void Touch(Sandbox cargo, Sandbox ferry, string relative)
    {
        var when = DateTime.UtcNow;
        File.SetLastWriteTimeUtc(cargo.Path(relative), when);
        File.SetLastWriteTimeUtc(ferry.Path(relative), when);
    }

    private void Build(StringBuilder report, Sandbox cargo, Sandbox ferry, Dictionary<string, string?> env, string command, bool json = false)
    {
        var args = command.Split(' ');
        var c = ProcessRunner.Run(Tools.Cargo, args, cargo.Work, Environment(cargo, env), TimeSpan.FromMinutes(40));
        var f = ProcessRunner.Run(Tools.Ferry, args, ferry.Work, Environment(ferry, env), TimeSpan.FromMinutes(40));
        var step = $"{string.Join(' ', env.Where(e => e.Value is not null).Select(e => $"{e.Key}={e.Value}"))} {command}".Trim();
        _output.WriteLine($"{step}: cargo {c.ExitCode}, ferry {f.ExitCode}");
        Compare(report, step, "exit code", [c.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture)], [f.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        if (c.ExitCode != 0 || f.ExitCode != 0)
        {
            Compare(report, step, "stderr", BuildNormalizer.Stderr(c.Stderr, cargo, exactOrder: false), BuildNormalizer.Stderr(f.Stderr, ferry, exactOrder: false));
        }

        if (json)
        {
            Compare(report, step, "JSON messages", BuildNormalizer.Stdout(c.Stdout, cargo), BuildNormalizer.Stdout(f.Stdout, ferry));
        }
        else
        {
            Compare(report, step, "rebuilt units", Statuses(c.Stderr, cargo), Statuses(f.Stderr, ferry));
        }
    }

    /// <summary>The units a build compiled, found fresh or found dirty (and why), sorted.</summary>
    private static List<string> Statuses(string stderr, Sandbox sandbox) =>
        [.. BuildNormalizer.Stderr(stderr, sandbox, exactOrder: false).Where(l => StatusLine().IsMatch(l))];

    private static void Exec(StringBuilder report, Sandbox cargo, Sandbox ferry, string program)
    {
        var c = ProcessRunner.Run(cargo.Path(program), [], cargo.Work, cargo.Environment(), TimeSpan.FromMinutes(2));
        var f = ProcessRunner.Run(ferry.Path(program), [], ferry.Work, ferry.Environment(), TimeSpan.FromMinutes(2));
        Compare(report, program, "program exit code", [c.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture)], [f.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Compare(report, program, "program output", ProgramOutput(c.Stdout, cargo), ProgramOutput(f.Stdout, ferry));
    }

    private static List<string> ProgramOutput(string text, Sandbox sandbox)
    {
        text = BuildNormalizer.Text(text, sandbox);
        text = Timestamp().Replace(text, "[TIME]");
        text = TempPath().Replace(text, "[TMP]");

        // The large project's archive sizes vary from run to run of the same binary.
        text = CompressedSize().Replace(text, "$1: [SIZE]");
        return [.. text.Split('\n')];
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

    private static void Compare(StringBuilder report, string step, string what, IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        if (expected.SequenceEqual(actual))
        {
            return;
        }

        report.Append($"`{step}`: {what} differs\n");
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
            report.Append($"  (same lines, different order or count: cargo {expected.Count}, ferry {actual.Count})\n");
        }
    }

    [GeneratedRegex(@"^\s*(Compiling|Fresh|Dirty) ")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"(""(?:gz|zstd)_bytes""): \d+")]
    private static partial Regex CompressedSize();

    [GeneratedRegex(@"/tmp/\.tmp[A-Za-z0-9]+")]
    private static partial Regex TempPath();
}
