using Ferry.Toml;

namespace Ferry.Tests.Toml;

/// <summary>
/// cargo's own <c>cargo remove</c> fixtures (cargo/tests/testsuite/cargo_remove/*: manifest before and after),
/// replayed as the document edits cargo makes through toml_edit: remove the key, drop a table left empty,
/// prune feature entries. The whole output must equal cargo's.
/// </summary>
public sealed class CargoRemoveFixtureTests
{
    private static string Fixtures => Path.Combine(TestData.ConformanceRoot, "cargo-testsuite-fixtures", "testsuite", "cargo_remove");

    [Theory]
    [InlineData("remove_basic", "remove-basic.in")]
    [InlineData("avoid_empty_tables", "remove-basic.in")]
    [InlineData("multiple_deps", "remove-basic.in")]
    [InlineData("dev", "remove-basic.in")]
    [InlineData("build", "remove-basic.in")]
    [InlineData("multiple_dev", "remove-basic.in")]
    [InlineData("target", "remove-target.in")]
    [InlineData("target_build", "remove-target.in")]
    [InlineData("target_dev", "remove-target.in")]
    public void MatchesCargo(string name, string input)
    {
        var document = TomlDocument.Parse(File.ReadAllText(Path.Combine(Fixtures, input, "Cargo.toml")));
        var root = document.Root;
        switch (name)
        {
            case "remove_basic":
                RemoveDependency(root, "dependencies", "docopt");
                break;
            case "avoid_empty_tables":
                RemoveDependency(root, "dependencies", "clippy");
                break;
            case "multiple_deps":
                RemoveDependency(root, "dependencies", "docopt");
                RemoveDependency(root, "dependencies", "semver");
                break;
            case "dev":
                RemoveDependency(root, "dev-dependencies", "regex");
                break;
            case "build":
                RemoveDependency(root, "build-dependencies", "semver");
                break;
            case "multiple_dev":
                RemoveDependency(root, "dev-dependencies", "regex");
                RemoveDependency(root, "dev-dependencies", "serde");
                // serde is no longer a dependency at all: its feature activation goes too.
                ((TomlArray)((TomlTable)root["features"])["std"]).RemoveAt(0);
                break;
            case "target":
                RemoveDependency(Target(root, "wasm32-unknown-unknown"), "dependencies", "dbus");
                break;
            case "target_build":
                RemoveDependency(Target(root, "wasm32-unknown-unknown"), "build-dependencies", "semver");
                break;
            case "target_dev":
                RemoveDependency(Target(root, "wasm32-unknown-unknown"), "dev-dependencies", "ncurses");
                break;
        }
        Assert.Equal(File.ReadAllText(Path.Combine(Fixtures, name, "out", "Cargo.toml")), document.ToString());
    }

    private static TomlTable Target(TomlTable root, string platform) => (TomlTable)((TomlTable)root["target"])[platform];

    /// <summary>What cargo does: remove the dependency, and the table when that leaves it empty.</summary>
    private static void RemoveDependency(TomlTable parent, string table, string dependency)
    {
        var dependencies = (TomlTable)parent[table];
        Assert.True(dependencies.Remove(dependency));
        if (dependencies.Count == 0)
        {
            parent.Remove(table);
        }
    }
}
