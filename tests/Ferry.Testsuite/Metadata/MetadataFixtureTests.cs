using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Metadata;

/// <summary>
/// Ferry's own manifests and workspaces (<c>Metadata/Fixtures/good/*.fixture</c>), one per manifest
/// feature, each run through cargo and ferry and compared: exit code, stderr and the JSON.
/// </summary>
public sealed class MetadataFixtureTests
{
    public static TheoryData<string> Fixtures() => FixtureData.Names("good");

    /// <summary>Members reached through symbolic links keep the path as written (Cargo does not canonicalize).</summary>
    [Fact]
    public void SymlinkedMembers()
    {
        using var sandbox = new Sandbox();
        sandbox.File("Cargo.toml", "[workspace]\nmembers = [\"link\", \"links/*\"]\nresolver = \"2\"\n");
        sandbox.File("real/Cargo.toml", "[package]\nname = \"real\"\nversion = \"0.1.0\"\n");
        sandbox.File("real/src/lib.rs", string.Empty);
        sandbox.File("other/Cargo.toml", "[package]\nname = \"other\"\nversion = \"0.1.0\"\n");
        sandbox.File("other/src/lib.rs", string.Empty);
        File.CreateSymbolicLink(sandbox.Path("link"), sandbox.Path("real"));
        Directory.CreateDirectory(sandbox.Path("links"));
        File.CreateSymbolicLink(sandbox.Path("links", "o"), "../other");
        var (cargo, ferry) = Differential.Run(sandbox, sandbox.Work, Fixture.DefaultArgs);
        Assert.Equal(0, cargo.ExitCode);
        Differential.AssertSameJson(sandbox, cargo, ferry);
    }

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
