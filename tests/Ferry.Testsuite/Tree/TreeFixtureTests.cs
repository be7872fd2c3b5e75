using Ferry.Testsuite.Support;
using Xunit.Abstractions;

namespace Ferry.Testsuite.Tree;

/// <summary>
/// <c>ferry tree</c> against <c>cargo tree</c> on hand-made workspaces of path packages: this
/// folder's fixtures (every kind of dependency, proc-macros, platforms, members and selection
/// flags, features, duplicates, cycles, bad input) and the feature resolver's 57 fixtures, each
/// command as written there and again with <c>--format '{p} {f}'</c> and <c>--charset ascii</c>.
/// Exit code, stdout and stderr must be the same, and so must the Cargo.lock each leaves behind.
/// </summary>
public sealed class TreeFixtureTests
{
    private readonly ITestOutputHelper _output;

    public TreeFixtureTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private static string TreeFixtures => Path.Combine(RepoPaths.Root, "tests", "Ferry.Testsuite", "Tree", "Fixtures");

    private static string FeatureFixtures => Path.Combine(RepoPaths.Root, "tests", "Ferry.Tests", "Resolver", "Features", "Fixtures");

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TreeFixtures, "*.fixture").Order(StringComparer.Ordinal))
        {
            data.Add("tree/" + Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    public static TheoryData<string> FeatureFixtureNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(FeatureFixtures, "*.fixture").Order(StringComparer.Ordinal))
        {
            data.Add("features/" + Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void TreeFixtureMatchesCargo(string name) => Compare(name, variants: false);

    [Theory]
    [MemberData(nameof(FeatureFixtureNames))]
    public void FeatureFixtureMatchesCargo(string name) => Compare(name, variants: true);

    private void Compare(string name, bool variants)
    {
        var (folder, file) = name.StartsWith("tree/", StringComparison.Ordinal) ? (TreeFixtures, name[5..]) : (FeatureFixtures, name[9..]);
        var fixture = TreeFixture.Load(Path.Combine(folder, file + ".fixture"), name);
        Assert.NotEmpty(fixture.Runs);
        using var sandbox = new Sandbox();
        var comparison = new TreeComparison(sandbox);
        fixture.WriteTo(comparison.CargoWork);
        fixture.WriteTo(comparison.FerryWork);
        foreach (var run in fixture.Runs)
        {
            comparison.Run(run, fixture.Cwd);
            if (variants)
            {
                comparison.Run([.. run, "--format", "{p} {f}", "--charset", "ascii"], fixture.Cwd);
            }
        }

        _output.WriteLine($"{name}: {comparison.Runs - comparison.Failed}/{comparison.Runs} commands agree");
        Assert.True(comparison.Failed == 0, comparison.Failures);
    }
}
