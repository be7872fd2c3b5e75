using System.Xml.Linq;

namespace Ferry.Tests.Architecture;

/// <summary>
/// Enforces the dependency direction of DESIGN.md: a project may reference only projects on a
/// lower layer. A new project must be given a layer here before it can be added.
/// </summary>
public sealed class LayeringTests
{
    private static readonly Dictionary<string, int> Layers = new()
    {
        ["Ferry.Toml"] = 0,
        ["Ferry.Semver"] = 0,
        ["Ferry.Platform"] = 0,
        ["Ferry.Util"] = 0,
        ["Ferry.Core"] = 1,
        ["Ferry.Resolver"] = 2,
        ["Ferry.Sources"] = 3,
        ["Ferry.Build"] = 4,
        ["Ferry.Security"] = 4,
        ["Ferry.Ops"] = 5,
        ["Ferry.Cli"] = 6,
    };

    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void ProjectReferencesPointDownTheLayers(string project)
    {
        Assert.True(Layers.ContainsKey(project), $"{project} has no layer in LayeringTests; add it deliberately");
        foreach (var reference in References(project))
        {
            Assert.Null(Violation(project, reference));
        }
    }

    [Theory]
    [InlineData("Ferry.Core", "Ferry.Ops", "Ferry.Core (layer 1) must not reference Ferry.Ops (layer 5)")]
    [InlineData("Ferry.Build", "Ferry.Security", "Ferry.Build (layer 4) must not reference Ferry.Security (layer 4)")]
    [InlineData("Ferry.Toml", "Ferry.Util", "Ferry.Toml (layer 0) must not reference Ferry.Util (layer 0)")]
    [InlineData("Ferry.Ops", "Ferry.Nope", "Ferry.Ops references unknown project Ferry.Nope")]
    public void RuleDetectsForbiddenReferences(string project, string reference, string expected) =>
        Assert.Equal(expected, Violation(project, reference));

    [Fact]
    public void RuleAllowsDownwardReferences() => Assert.Null(Violation("Ferry.Ops", "Ferry.Core"));

    private static string? Violation(string project, string reference)
    {
        if (!Layers.TryGetValue(reference, out var referenced))
        {
            return $"{project} references unknown project {reference}";
        }

        var layer = Layers[project];
        return referenced < layer ? null : $"{project} (layer {layer}) must not reference {reference} (layer {referenced})";
    }

    [Fact]
    public void LeafLibrariesHaveNoPackageReferences()
    {
        foreach (var leaf in new[] { "Ferry.Toml", "Ferry.Semver", "Ferry.Platform", "Ferry.Util" })
        {
            var document = XDocument.Load(ProjectFile(leaf));
            Assert.Empty(document.Descendants("PackageReference"));
        }
    }

    private static string ProjectFile(string project) => Path.Combine(RepoPaths.Root, "src", project, project + ".csproj");

    private static List<string> References(string project)
    {
        var document = XDocument.Load(ProjectFile(project));
        var result = new List<string>();
        foreach (var element in document.Descendants("ProjectReference"))
        {
            var include = element.Attribute("Include")?.Value ?? string.Empty;
            result.Add(Path.GetFileNameWithoutExtension(include.Replace('\\', '/')));
        }

        return result;
    }
}
