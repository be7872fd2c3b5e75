using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace Ferry.Tests.Toml;

/// <summary>
/// The whole TOML 1.0 suite of toml-test through the decoder program (<c>tools/toml-test-decoder</c>, the
/// NativeAOT build of tools/TomlTestDecoder): one process per case, TOML on stdin, tagged JSON on stdout, exit 1
/// for invalid input. The script is run once to (re)publish the binary; the cases then run the binary directly.
/// </summary>
public sealed class DecoderConformanceTests
{
    private readonly ITestOutputHelper _output;

    public DecoderConformanceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void TomlTestSuiteThroughTheDecoderProgram()
    {
        string script = Path.Combine(TestData.RepoRoot, "tools", "toml-test-decoder");
        var build = Run(script, []);
        Assert.True(build.ExitCode == 0, $"the decoder script failed (exit {build.ExitCode}):\n{build.Stderr}");
        Assert.Equal("{}", build.Stdout.Trim());
        string decoder = Path.Combine(TestData.RepoRoot, "artifacts", "toml-test-decoder", "toml-test-decoder");

        var failures = new List<string>();
        var valid = TestData.Toml10Cases("valid");
        var invalid = TestData.Toml10Cases("invalid");
        var clock = Stopwatch.StartNew();
        foreach (string path in valid)
        {
            var result = Run(decoder, File.ReadAllBytes(Path.Combine(TestData.TomlTestRoot, path)));
            if (result.ExitCode != 0)
            {
                failures.Add($"{path}: exit {result.ExitCode}: {result.Stderr}");
                continue;
            }
            var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData.TomlTestRoot, Path.ChangeExtension(path, ".json")))).RootElement;
            if (TaggedJsonComparer.Compare(expected, JsonDocument.Parse(result.Stdout).RootElement) is { } diff)
            {
                failures.Add($"{path}: {diff}");
            }
        }
        int validFailures = failures.Count;
        foreach (string path in invalid)
        {
            var result = Run(decoder, File.ReadAllBytes(Path.Combine(TestData.TomlTestRoot, path)));
            if (result.ExitCode != 1 || result.Stdout.Length != 0 || result.Stderr.Length == 0)
            {
                failures.Add($"{path}: exit {result.ExitCode}, {result.Stdout.Length} bytes of output, stderr `{result.Stderr}`");
            }
        }
        _output.WriteLine($"toml-test 1.0 through the decoder: valid {valid.Count - validFailures}/{valid.Count}, " +
            $"invalid {invalid.Count - (failures.Count - validFailures)}/{invalid.Count} ({clock.Elapsed.TotalSeconds:F1} s for {valid.Count + invalid.Count} processes)");
        Assert.Empty(failures);
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(string program, byte[] input)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill();
            throw new TimeoutException($"{program} did not finish");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
