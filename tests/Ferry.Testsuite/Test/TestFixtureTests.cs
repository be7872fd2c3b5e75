using Ferry.Testsuite.Build;

namespace Ferry.Testsuite.Test;

/// <summary>
/// <c>ferry test</c> and <c>ferry bench</c> against cargo 1.95 (<c>Test/Fixtures/*.fixture</c>, the
/// format of <see cref="BuildFixture"/>): every step's exit code, status lines, errors and the
/// harnesses' own output must agree after normalization. Fixtures named <c>slow_*</c> run only with
/// <c>FERRY_SLOW_TESTS=1</c>, to keep the default run short.
/// </summary>
public sealed class TestFixtureTests
{
    private static string Directory => Path.Combine(AppContext.BaseDirectory, "Test", "Fixtures");

    private static bool Slow => System.Environment.GetEnvironmentVariable("FERRY_SLOW_TESTS") == "1";

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var path in System.IO.Directory.GetFiles(Directory, "*.fixture").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void MatchesCargo(string name)
    {
        if (name.StartsWith("slow_", StringComparison.Ordinal) && !Slow)
        {
            return;
        }

        var fixture = BuildFixture.Parse(name, File.ReadAllText(Path.Combine(Directory, name + ".fixture")));
        if (fixture.Registry && !BuildDifferential.RegistryAvailable)
        {
            return;
        }

        var differences = BuildDifferential.Run(fixture);
        Assert.True(differences.Length == 0, $"{name}:\n{differences}");
    }
}
