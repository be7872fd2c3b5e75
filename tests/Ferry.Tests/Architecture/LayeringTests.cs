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
        Assert.True(Layers.TryGetValue(project, out var layer), $"{project} has no layer in LayeringTests; add it deliberately");
        foreach (var reference in References(project))
        {
            Assert.True(Layers.TryGetValue(reference, out var referenced), $"{project} references unknown project {reference}");
            Assert.True(referenced < layer, $"{project} (layer {layer}) must not reference {reference} (layer {referenced})");
        }
    }

    [Fact]
    public void RuleDetectsAnUpwardReference()
    {
        // The check above must be able to fail: Sources referencing Ops is exactly what it forbids.
        Assert.False(Layers["Ferry.Ops"] < Layers["Ferry.Sources"]);
        Assert.Contains("Ferry.Sources", References("Ferry.Ops"));
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
