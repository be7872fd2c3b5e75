using System.Text;
using System.Text.Json;
using Ferry.Testsuite.Support;
using Xunit.Abstractions;

namespace Ferry.Testsuite.New;

/// <summary>
/// Replays cargo's own <c>cargo_new</c>/<c>cargo_init</c> testsuite cases (the fixture copies in
/// <c>../shared/conformance</c>): the project from <c>in</c> is set up under <c>[ROOT]/case</c>,
/// ferry runs with the case's arguments, and its exit code, output (from the <c>*.term.svg</c>
/// snapshots) and the files listed in <c>out</c> must match.
/// </summary>
/// <remarks>
/// <c>cases.json</c> gives the arguments as extracted from each case's <c>mod.rs</c>; where that
/// extraction is incomplete, or the case builds its project in code rather than from an
/// <c>in</c> folder, the set-up is written out below from the case's name and expected output.
/// </remarks>
public sealed class CargoFixtureReplayTests
{
    private static readonly string Fixtures = Path.Combine(RepoPaths.Conformance, "cargo-testsuite-fixtures");

    private static readonly Dictionary<string, Dictionary<string, string>> ProjectFiles = new(StringComparer.Ordinal)
    {
        ["cargo_init/bin_already_exists_explicit"] = new() { ["src/main.rs"] = "fn main() {}\n" },
        ["cargo_init/bin_already_exists_explicit_nosrc"] = new() { ["main.rs"] = "fn main() {}\n" },
        ["cargo_init/bin_already_exists_implicit"] = new() { ["src/main.rs"] = "fn main() {}\n" },
        ["cargo_init/bin_already_exists_implicit_namenosrc"] = new() { ["case.rs"] = "fn main() {}\n" },
        ["cargo_init/bin_already_exists_implicit_namesrc"] = new() { ["src/case.rs"] = "fn main() {}\n" },
        ["cargo_init/bin_already_exists_implicit_nosrc"] = new() { ["main.rs"] = "fn main() {}\n" },
        ["cargo_init/cant_create_library_when_both_binlib_present"] = new() { ["case.rs"] = "fn main() {}\n", ["lib.rs"] = "pub fn f() {}\n" },
        ["cargo_init/confused_by_multiple_lib_files"] = new() { ["src/lib.rs"] = "pub fn f() {}\n", ["lib.rs"] = "pub fn g() {}\n" },
        ["cargo_init/creates_binary_when_both_binlib_present"] = new() { ["case.rs"] = "fn main() {}\n", ["lib.rs"] = "pub fn f() {}\n" },
        ["cargo_init/creates_binary_when_instructed_and_has_lib_file"] = new() { ["case.rs"] = "pub fn f() {}\n" },
        ["cargo_init/creates_library_when_instructed_and_has_bin_file"] = new() { ["case.rs"] = "fn main() {}\n" },
        ["cargo_init/git_autodetect"] = new() { [".git/"] = string.Empty },
        ["cargo_init/inferred_bin_with_git"] = new() { ["main.rs"] = "fn main() {}\n" },
        ["cargo_init/inferred_lib_with_git"] = new() { ["lib.rs"] = "pub fn f() {}\n" },
        ["cargo_init/lib_already_exists_nosrc"] = new() { ["lib.rs"] = "pub fn f() {}\n" },
        ["cargo_init/lib_already_exists_src"] = new() { ["src/lib.rs"] = "pub fn f() {}\n" },
        ["cargo_init/multibin_project_name_clash"] = new() { ["main.rs"] = "fn main() {}\n", ["case.rs"] = "fn main() {}\n" },
    };

    private readonly ITestOutputHelper _output;

    public CargoFixtureReplayTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void CargoTestsuiteCasesMatch()
    {
        using var cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures, "cases.json")));
        using var symlinks = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures, "symlinks.json")));
        var ran = 0;
        var failures = new List<string>();
        var skipped = new List<string>();
        foreach (var group in new[] { "cargo_new", "cargo_init" })
        {
            foreach (var directory in Directory.GetDirectories(Path.Combine(Fixtures, "testsuite", group)).Order(StringComparer.Ordinal))
            {
                var name = $"{group}/{Path.GetFileName(directory)}";
                if (!cases.RootElement.GetProperty("cases").TryGetProperty(name, out var meta))
                {
                    continue;
                }

                if (name == "cargo_init/simple_hg" && !OnPath("hg"))
                {
                    // cargo's own test requires hg; without it both programs fail to run `hg init`.
                    skipped.Add(name + " (needs hg)");
                    continue;
                }

                ran++;
                var difference = Replay(name, directory, meta, symlinks.RootElement);
                if (difference is not null)
                {
                    failures.Add($"{name}:\n{difference}");
                }
            }
        }

        _output.WriteLine($"ran {ran} cargo testsuite cases, {ran - failures.Count} match; skipped: {string.Join(", ", skipped)}");
        Assert.True(ran >= 55, $"only {ran} cases ran");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static string? Replay(string name, string directory, JsonElement meta, JsonElement symlinks)
    {
        using var sandbox = new Sandbox();
        var project = sandbox.Path("case");
        Directory.CreateDirectory(project);
        var input = Path.Combine(directory, "in");
        if (symlinks.TryGetProperty(name + "/in", out var link))
        {
            input = Path.GetFullPath(Path.Combine(directory, link.GetString()!));
        }

        if (name == "cargo_init/git_autodetect")
        {
            // This case works in `[ROOT]/foo` (the expected manifest names the package `foo`).
            project = sandbox.Path("foo");
            Directory.CreateDirectory(project);
        }

        if (Directory.Exists(input))
        {
            Copy(input, project);
            AddMissingSources(project);
        }

        foreach (var (path, contents) in ProjectFiles.GetValueOrDefault(name) ?? [])
        {
            var full = Path.Combine(project, path);
            if (path.EndsWith('/'))
            {
                Directory.CreateDirectory(full);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, contents);
        }

        var args = meta.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToList();
        var cwd = project;
        switch (name)
        {
            case "cargo_new/add_members_to_workspace_with_absolute_package_path":
                args.Add(Path.Combine(project, "crates", "foo"));
                break;
            case "cargo_init/invalid_dir_name":
                cwd = sandbox.Path("foo.bar");
                break;
            case "cargo_init/reserved_name":
                cwd = sandbox.Path("test");
                break;
            case "cargo_init/in_home_directory":
                cwd = sandbox.Home;
                break;
            case "cargo_init/no_filename" or "cargo_init/unknown_flags":
                cwd = sandbox.Work;
                break;
            case "cargo_init/path_contains_separator":
                cwd = Path.Combine(project, "test:ing");
                project = cwd;
                break;
            case "cargo_init/workspace_add_member":
                cwd = Path.Combine(project, "crates", "foo");
                break;
            case "cargo_new/ignore_current_dir_workspace":
                cwd = Path.Combine(project, "workspace");
                break;
        }

        Directory.CreateDirectory(cwd);
        if (meta.GetProperty("env") is { ValueKind: JsonValueKind.Array } env)
        {
            foreach (var pair in env.EnumerateArray())
            {
                sandbox.ExtraEnvironment[pair[0].GetString()!] = pair[1].GetString();
            }
        }

        var result = sandbox.FerryIn(cwd, [.. args]);
        var problems = new StringBuilder();
        var exit = meta.GetProperty("expected_exit");
        var exitOk = exit.ValueKind == JsonValueKind.Number ? result.ExitCode == exit.GetInt32() : result.ExitCode != 0;
        if (!exitOk)
        {
            problems.Append($"exit code {result.ExitCode}, expected {exit}\n");
        }

        CompareStream(problems, "stdout", meta.GetProperty("stdout").GetString(), Path.Combine(directory, "stdout.term.svg"), result.Stdout, sandbox);
        CompareStream(problems, "stderr", meta.GetProperty("stderr").GetString(), Path.Combine(directory, "stderr.term.svg"), result.Stderr, sandbox);

        var output = Path.Combine(directory, "out");
        if (Directory.Exists(output))
        {
            foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(output, file);
                if (Path.GetFileName(file) == ".keep")
                {
                    continue;
                }

                var actual = Path.Combine(project, relative);
                if (!File.Exists(actual))
                {
                    problems.Append($"missing {relative}\n");
                }
                else if (File.ReadAllText(actual) != File.ReadAllText(file))
                {
                    problems.Append($"--- {relative} expected\n{File.ReadAllText(file)}--- actual\n{File.ReadAllText(actual)}");
                }
            }
        }

        return problems.Length == 0 ? null : problems.ToString();
    }

    private static void CompareStream(StringBuilder problems, string stream, string? kind, string svg, string actual, Sandbox sandbox)
    {
        var expected = kind == "file" && File.Exists(svg) ? Expected(File.ReadAllText(svg)) : string.Empty;
        actual = actual.Replace(sandbox.Work, "[ROOT]", StringComparison.Ordinal).Replace(sandbox.Home, "[ROOT]/home", StringComparison.Ordinal);
        if (expected != actual)
        {
            problems.Append($"--- {stream} expected\n{expected}--- actual\n{actual}");
        }
    }

    /// <summary>The snapshot with cargo's name for itself turned into ferry's where it is a command to type.</summary>
    private static string Expected(string svg) => TermSvg.Text(svg)
        .Replace("cargo[EXE] ", "ferry ", StringComparison.Ordinal)
        .Replace("`cargo ", "`ferry ", StringComparison.Ordinal)
        .Replace("Usage: cargo ", "Usage: ferry ", StringComparison.Ordinal);

    private static void Copy(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file) == ".keep")
            {
                continue;
            }

            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    /// <summary>
    /// The fixture copies carry no Rust sources, but cargo's originals give every package in an
    /// <c>in</c> folder a target (cargo loads those manifests and would otherwise complain that
    /// there are no targets): an empty <c>src/lib.rs</c> stands in for it.
    /// </summary>
    private static void AddMissingSources(string project)
    {
        foreach (var manifest in Directory.EnumerateFiles(project, "Cargo.toml", SearchOption.AllDirectories))
        {
            var directory = Path.GetDirectoryName(manifest)!;
            if (File.ReadAllText(manifest).Contains("[package]", StringComparison.Ordinal)
                && !Directory.EnumerateFiles(directory, "*.rs", SearchOption.AllDirectories).Any())
            {
                Directory.CreateDirectory(Path.Combine(directory, "src"));
                File.WriteAllText(Path.Combine(directory, "src", "lib.rs"), string.Empty);
            }
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => File.Exists(Path.Combine(d, program)));
}
