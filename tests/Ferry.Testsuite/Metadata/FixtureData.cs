using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Metadata;

/// <summary>Finds and prepares the fixture files copied next to the test assembly.</summary>
internal static class FixtureData
{
    public static string Directory(string kind) => Path.Combine(AppContext.BaseDirectory, "Metadata", "Fixtures", kind);

    public static TheoryData<string> Names(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.GetFiles(Directory(kind), "*.fixture").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    public static Fixture Load(string kind, string name) =>
        Fixture.Parse(name, File.ReadAllText(Path.Combine(Directory(kind), name + ".fixture")));

    public static Sandbox Prepare(Fixture fixture)
    {
        var sandbox = new Sandbox();
        fixture.WriteTo(sandbox.Work);
        foreach (var (key, value) in fixture.Env)
        {
            sandbox.ExtraEnvironment[key] = value.Replace("[ROOT]", sandbox.Work, StringComparison.Ordinal);
        }

        return sandbox;
    }

    public static string WorkingDirectory(Sandbox sandbox, Fixture fixture)
    {
        var dir = fixture.Cwd is null ? sandbox.Work : sandbox.Path(fixture.Cwd);
        System.IO.Directory.CreateDirectory(dir);
        return dir;
    }
}
