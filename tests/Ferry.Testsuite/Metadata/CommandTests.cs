using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Metadata;

/// <summary>
/// <c>locate-project</c>, <c>pkgid</c>, <c>verify-project</c> and <c>read-manifest</c> on the fixtures in
/// <c>Metadata/Fixtures/commands</c>: every <c># run:</c> line is run by cargo and ferry, which must agree
/// on exit code, stdout and stderr (sandbox path redacted, and the program name where Cargo prints its own).
/// </summary>
public sealed class CommandTests
{
    public static TheoryData<string> Fixtures() => FixtureData.Names("commands");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void MatchesCargo(string name)
    {
        var fixture = FixtureData.Load("commands", name);
        Assert.NotEmpty(fixture.Runs);
        using var sandbox = FixtureData.Prepare(fixture);
        var directory = FixtureData.WorkingDirectory(sandbox, fixture);
        foreach (var run in fixture.Runs)
        {
            var cargo = sandbox.CargoIn(directory, [.. run]);
            var ferry = sandbox.FerryIn(directory, [.. run]);
            var label = string.Join(' ', run);
            Assert.True(cargo.ExitCode == ferry.ExitCode, $"{label}: cargo exit {cargo.ExitCode}, ferry exit {ferry.ExitCode}\n{ferry.Stderr}");
            Assert.Equal(Normalize(cargo.Stdout, sandbox), Normalize(ferry.Stdout, sandbox));
            Assert.Equal(Normalize(cargo.Stderr, sandbox), Normalize(ferry.Stderr, sandbox));
        }
    }

    /// <summary>Paths, and the program name in the places where Cargo names itself (<c>cargo help pkgid</c>, usage lines).</summary>
    private static string Normalize(string text, Sandbox sandbox) =>
        Redactions.Apply(text, sandbox)
            .Replace("`cargo help ", "`ferry help ", StringComparison.Ordinal)
            .Replace("Usage: cargo ", "Usage: ferry ", StringComparison.Ordinal);
}
