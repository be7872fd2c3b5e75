using Ferry.Toml;

namespace Ferry.Tests.Toml;

/// <summary>
/// cargo's own <c>cargo add</c> fixtures (manifest before and after), replayed as the document edits cargo makes
/// through toml_edit. The whole output must equal cargo's: new tables placed and spaced like toml_edit's,
/// values written like cargo writes them, untouched text kept.
/// </summary>
public sealed class CargoAddFixtureTests
{
    private static string Fixtures => Path.Combine(TestData.ConformanceRoot, "cargo-testsuite-fixtures", "testsuite", "cargo_add");

    private static (TomlDocument Document, string Expected) Load(string name, string? input = null)
    {
        string inPath = Path.Combine(Fixtures, input ?? Path.Combine(name, "in"), "Cargo.toml");
        return (TomlDocument.Parse(File.ReadAllText(inPath)), File.ReadAllText(Path.Combine(Fixtures, name, "out", "Cargo.toml")));
    }

    [Fact]
    public void AddBasic()
    {
        var (document, expected) = Load("add_basic", "add-basic.in");
        document.Root.AddTable("dependencies").Set("my-package", "99999.0.0");
        Assert.Equal(expected, document.ToString());
    }

    [Fact]
    public void AddMultiple()
    {
        var (document, expected) = Load("add_multiple", "add-basic.in");
        var dependencies = document.Root.AddTable("dependencies");
        dependencies.Set("my-package1", "99999.0.0");
        dependencies.Set("my-package2", "99999.0.0");
        Assert.Equal(expected, document.ToString());
    }

    [Fact]
    public void Build()
    {
        var (document, expected) = Load("build", "add-basic.in");
        var dependencies = document.Root.AddTable("build-dependencies");
        dependencies.Set("my-build-package1", "99999.0.0");
        dependencies.Set("my-build-package2", "99999.0.0");
        Assert.Equal(expected, document.ToString());
    }

    [Fact]
    public void InlineTableIntoAFileWithoutFinalNewline()
    {
        var (document, expected) = Load("add_no_vendored_package_with_alter_registry");
        document.Root.AddTable("dependencies").Set("linked-hash-map", new TomlTable
        {
            { "version", new TomlString("0.5.4") },
            { "registry", new TomlString("alternative") },
        });
        Assert.Equal(expected, document.ToString());
    }

    [Fact]
    public void ChangeRenameTarget()
    {
        var (document, expected) = Load("change_rename_target");
        var dependency = (TomlTable)((TomlTable)document.Root["dependencies"])["some-package"];
        dependency.Set("package", "my-package2");
        dependency.Set("version", "99999.0.0");
        document.Root.AddTable("features").Set("some-package", new TomlArray { new TomlString("dep:some-package") });
        Assert.Equal(expected, document.ToString());
    }
}
