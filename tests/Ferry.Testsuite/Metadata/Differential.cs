using System.Text.Json;
using System.Text.Json.Nodes;
using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Metadata;

/// <summary>Runs the same command with cargo and ferry in one sandbox and compares what they print.</summary>
internal static class Differential
{
    public static (CommandResult Cargo, CommandResult Ferry) Run(Sandbox sandbox, string directory, IReadOnlyList<string> args)
    {
        var cargo = sandbox.CargoIn(directory, [.. args]);
        var ferry = sandbox.FerryIn(directory, [.. args]);
        return (cargo, ferry);
    }

    /// <summary>Asserts equal exit codes, equal stderr (sandbox paths redacted) and stdout equal as JSON values.</summary>
    public static void AssertSameJson(Sandbox sandbox, CommandResult cargo, CommandResult ferry)
    {
        Assert.True(
            cargo.ExitCode == ferry.ExitCode,
            $"exit codes differ: cargo {cargo.ExitCode}, ferry {ferry.ExitCode}\n--- cargo stderr\n{cargo.Stderr}\n--- ferry stderr\n{ferry.Stderr}");
        Assert.Equal(Redactions.Apply(cargo.Stderr, sandbox), Redactions.Apply(ferry.Stderr, sandbox));
        if (cargo.ExitCode == 0 || cargo.Stdout.Length > 0)
        {
            AssertJsonEqual(cargo.Stdout, ferry.Stdout);
        }
    }

    public static void AssertJsonEqual(string expected, string actual)
    {
        var a = JsonNode.Parse(expected);
        var b = JsonNode.Parse(actual);
        if (!JsonNode.DeepEquals(a, b))
        {
            var options = new JsonSerializerOptions { WriteIndented = true };
            Assert.Equal(a?.ToJsonString(options), b?.ToJsonString(options));
        }
    }
}
