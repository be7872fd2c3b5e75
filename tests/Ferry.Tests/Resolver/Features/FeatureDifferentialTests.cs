using System.Runtime.CompilerServices;
using System.Text;

namespace Ferry.Tests.Resolver.Features;

/// <summary>
/// The feature resolver against Cargo 1.95, fixture by fixture (<c>Fixtures/*.fixture</c>): each
/// fixture is a workspace of path packages and some <c>cargo tree</c> commands; Cargo's output
/// is recorded beside it (<c>.expected</c>) and the mini tree printer must print the same from
/// Ferry's <see cref="Ferry.Resolver.Features.ResolvedFeatures"/>. A second test re-runs Cargo
/// live to check that the recordings are current; with <c>FERRY_RECORD_FEATURES=1</c> it
/// rewrites them instead.
/// </summary>
public sealed class FeatureDifferentialTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(FixtureDirectory(), "*.fixture").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task FerryPrintsWhatCargoPrinted(string name)
    {
        var fixture = Load(name);
        var expectedPath = Path.Combine(FixtureDirectory(), name + ".expected");
        Assert.True(File.Exists(expectedPath), $"no recording for {name}; run the live test with FERRY_RECORD_FEATURES=1");
        using var project = new FixtureProject(fixture);
        var outputs = new List<string>();
        foreach (var run in fixture.Runs)
        {
            outputs.Add(project.Redact(await FerryTree.RunAsync(project, TreeArgs.Parse(run))));
        }

        Assert.Equal(File.ReadAllText(expectedPath), Join(fixture, outputs));
    }

    [CargoTheory]
    [MemberData(nameof(Fixtures))]
    public void RecordingsMatchLiveCargo(string name)
    {
        var fixture = Load(name);
        var expectedPath = Path.Combine(FixtureDirectory(), name + ".expected");
        var live = Join(fixture, CargoTree.RunAll(fixture));
        if (Environment.GetEnvironmentVariable("FERRY_RECORD_FEATURES") == "1")
        {
            File.WriteAllText(expectedPath, live);
            return;
        }

        Assert.Equal(File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : string.Empty, live);
    }

    [Ferry.Tests.Core.Archive.CargoFact]
    public void HostCfgDataMatchesTheToolchain()
    {
        var rustc = Path.Combine(Path.GetDirectoryName(Ferry.Tests.Core.Archive.CargoFactAttribute.Cargo)!, "rustc");
        var start = new System.Diagnostics.ProcessStartInfo(rustc, "--print cfg") { RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(File.ReadAllText(Path.Combine(SourceDirectory(), "Data", "x86_64-unknown-linux-gnu.cfg")), output);
    }

    internal static string SourceDirectory([CallerFilePath] string here = "") => Path.GetDirectoryName(here)!;

    private static string FixtureDirectory() => Path.Combine(SourceDirectory(), "Fixtures");

    internal static FeatureFixture Load(string name) =>
        FeatureFixture.Parse(name, File.ReadAllText(Path.Combine(FixtureDirectory(), name + ".fixture")));

    private static string Join(FeatureFixture fixture, IReadOnlyList<string> outputs)
    {
        var text = new StringBuilder();
        for (var i = 0; i < fixture.Runs.Count; i++)
        {
            text.Append(FeatureFixture.RunTitle(fixture.Runs[i])).Append('\n').Append(outputs[i]);
            if (outputs[i].Length != 0 && !outputs[i].EndsWith('\n'))
            {
                text.Append('\n');
            }
        }

        return text.ToString();
    }
}
