using Ferry.Ops.Scaffold;

namespace Ferry.Tests.Ops.Scaffold;

/// <summary>The generated <c>Cargo.toml</c>, laid out like toml_edit lays out Cargo's document.</summary>
public sealed class NewManifestTests
{
    [Fact]
    public void Plain()
    {
        var manifest = new NewManifest("foo", "2024", null, [SourceFile.Planned(bin: true)], [], false);
        Assert.Equal("[package]\nname = \"foo\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n[dependencies]\n", manifest.ToString());
    }

    [Fact]
    public void SourcesOutsideTheirDefaultPlacesGetTables()
    {
        var manifest = new NewManifest("p", "2021", null, [new SourceFile("p.rs", true), new SourceFile("lib.rs", false)], [], false);
        Assert.Equal(
            "[package]\nname = \"p\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n\n[[bin]]\nname = \"p\"\npath = \"p.rs\"\n\n[lib]\npath = \"lib.rs\"\n",
            manifest.ToString());
    }

    [Fact]
    public void LibraryBeforeBinaryKeepsThatOrder()
    {
        var manifest = new NewManifest("p", "2021", null, [new SourceFile("lib.rs", false), new SourceFile("main.rs", true)], [], false);
        Assert.EndsWith("\n[lib]\npath = \"lib.rs\"\n\n[[bin]]\nname = \"p\"\npath = \"main.rs\"\n", manifest.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void InheritedKeysMoveToTheEnd()
    {
        var manifest = new NewManifest("foo", "2024", "reg", [SourceFile.Planned(bin: false)], ["version", "authors", "rust-version", "my key"], true);
        Assert.Equal(
            "[package]\nname = \"foo\"\nedition = \"2024\"\npublish = [\"reg\"]\nversion.workspace = true\nauthors.workspace = true\nrust-version.workspace = true\n\"my key\".workspace = true\n\n[dependencies]\n\n[lints]\nworkspace = true\n",
            manifest.ToString());
    }
}
