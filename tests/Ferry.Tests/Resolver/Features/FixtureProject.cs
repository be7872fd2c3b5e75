namespace Ferry.Tests.Resolver.Features;

/// <summary>
/// A fixture written to disk: <c>TEMP/work</c> holds the workspace (files may reach outside it,
/// into <c>TEMP</c>, for packages that must not be members), beside a HOME and a CARGO_HOME of
/// its own. Outputs are compared with <c>[ROOT]</c> and <c>[TEMP]</c> standing for the two paths.
/// </summary>
internal sealed class FixtureProject : IDisposable
{
    public FixtureProject(FeatureFixture fixture)
    {
        Temp = Path.Combine(Path.GetTempPath(), "ferry-features-" + Guid.NewGuid().ToString("N")[..12]);
        Work = Path.Combine(Temp, "work");
        Home = Path.Combine(Temp, "home");
        CargoHome = Path.Combine(Temp, "cargo-home");
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(CargoHome);
        foreach (var (path, contents) in fixture.Files)
        {
            var full = Path.GetFullPath(Path.Combine(Work, path));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, contents);
        }

        Cwd = fixture.Cwd is null ? Work : Path.Combine(Work, fixture.Cwd);
    }

    public string Temp { get; }

    public string Work { get; }

    public string Home { get; }

    public string CargoHome { get; }

    public string Cwd { get; }

    public string Redact(string text) =>
        text.Replace(Work, "[ROOT]", StringComparison.Ordinal).Replace(Temp, "[TEMP]", StringComparison.Ordinal);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Temp, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
