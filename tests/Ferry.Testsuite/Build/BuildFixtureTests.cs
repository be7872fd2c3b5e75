namespace Ferry.Testsuite.Build;

/// <summary>
/// Ferry's build fixtures (<c>Build/Fixtures/*.fixture</c>): each scenario runs with cargo 1.95 and
/// with ferry, and everything they print and build must agree after normalization.
/// </summary>
public sealed class BuildFixtureTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var name in BuildFixture.Names())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void MatchesCargo(string name)
    {
        var fixture = BuildFixture.Load(name);
        if (fixture.Registry && !BuildDifferential.RegistryAvailable)
        {
            return;
        }

        var differences = BuildDifferential.Run(fixture);
        Assert.True(differences.Length == 0, $"{name}:\n{differences}");
    }
}
