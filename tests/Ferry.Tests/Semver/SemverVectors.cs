using System.Text.Json;

namespace Ferry.Tests.Semver;

/// <summary>
/// Loads <c>shared/conformance/semver/semver-vectors.json</c> once per test run. The file lives beside the
/// repository (read-only, shared by every worktree), so it is found by walking up from the test binary.
/// </summary>
internal static class SemverVectors
{
    private static readonly Lazy<JsonDocument> Document = new(Load);

    public static JsonElement Root => Document.Value.RootElement;

    public static string FilePath { get; } = Locate();

    /// <summary>Every section name in the file except the <c>_about</c> header.</summary>
    public static IEnumerable<string> Sections()
    {
        foreach (var property in Root.EnumerateObject())
        {
            if (!property.Name.StartsWith('_'))
            {
                yield return property.Name;
            }
        }
    }

    public static JsonElement Entry(string section, int index) => Root.GetProperty(section)[index];

    /// <summary>(section, index) pairs for every entry of every section, for <c>[MemberData]</c>.</summary>
    public static TheoryData<string, int> AllEntries()
    {
        var data = new TheoryData<string, int>();
        foreach (var section in Sections())
        {
            var count = Root.GetProperty(section).GetArrayLength();
            for (var i = 0; i < count; i++)
            {
                data.Add(section, i);
            }
        }

        return data;
    }

    private static JsonDocument Load() => JsonDocument.Parse(File.ReadAllBytes(FilePath));

    private static string Locate()
    {
        const string relative = "shared/conformance/semver/semver-vectors.json";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"could not find {relative} above {AppContext.BaseDirectory}");
    }
}
