using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Metadata;

/// <summary>
/// Ferry's own manifests and workspaces (<c>Metadata/Fixtures/good/*.fixture</c>), one per manifest
/// feature, each run through cargo and ferry and compared: exit code, stderr and the JSON.
/// </summary>
public sealed class MetadataFixtureTests
{
    public static TheoryData<string> Fixtures() => FixtureData.Names("good");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void MatchesCargo(string name)
    {
        var fixture = FixtureData.Load("good", name);
        using var sandbox = FixtureData.Prepare(fixture);
        var (cargo, ferry) = Differential.Run(sandbox, FixtureData.WorkingDirectory(sandbox, fixture), fixture.Args);
        Assert.True(cargo.ExitCode == 0, $"the fixture should be valid for cargo:\n{cargo.Stderr}");
        Differential.AssertSameJson(sandbox, cargo, ferry);
    }
}
