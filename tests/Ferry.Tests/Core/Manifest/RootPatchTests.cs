using Ferry.Core.Manifest;
using Ferry.Core.Manifest.Schema;
using Ferry.Core.Workspaces;
using Ferry.Tests.Core.Manifest.Targets;

namespace Ferry.Tests.Core.Manifest;

/// <summary>
/// <c>[patch]</c> from the root manifest merged with <c>[patch]</c> from configuration (Cargo's
/// <c>root_patch</c>): configuration wins for a package named in both, and its paths are relative to
/// the configuration file's directory.
/// </summary>
public sealed class RootPatchTests
{
    [Fact]
    public void ConfigurationPatchesWinAndKeepTheirOwnPaths()
    {
        using var package = new TempPackage();
        File.WriteAllText(package.Manifest, """
            [package]
            name = "root"
            version = "0.1.0"

            [patch.crates-io]
            foo = { path = "vendor/foo" }
            bar = { path = "vendor/bar" }

            [patch."https://github.com/example/baz"]
            baz = { path = "vendor/baz" }
            """);
        Directory.CreateDirectory(Path.Join(package.Root, "src"));
        File.WriteAllText(Path.Join(package.Root, "src", "lib.rs"), string.Empty);

        var environment = new TestEnvironment(package.Root, package.CargoHome);
        environment.Patches.Add(new ConfigPatch(
            "crates-io", "foo", TomlDependency.Of(new TomlDetailedDependency { Path = "patched/foo" }), "/elsewhere", "/elsewhere/.cargo/config.toml"));
        environment.Patches.Add(new ConfigPatch(
            "crates-io", "qux", TomlDependency.OfVersion("2"), "/elsewhere", "/elsewhere/.cargo/config.toml"));
        var workspace = Workspace.Load(package.Manifest, new ManifestLoader(environment));

        var patch = workspace.RootPatch(environment);
        Assert.Equal(2, patch.Length);
        Assert.Equal("https://github.com/rust-lang/crates.io-index", patch[0].Url.ToString());
        Assert.Equal(
            ["foo /elsewhere/patched/foo", "qux ", "bar " + Path.Join(package.Root, "vendor", "bar")],
            patch[0].Dependencies.Select(d => $"{d.NameInToml} {d.LocalPath}"));
        Assert.Equal("https://github.com/example/baz", patch[1].Url.ToString());
        Assert.Equal(["baz"], patch[1].Dependencies.Select(d => d.NameInToml));
    }

    [Fact]
    public void WithoutConfigurationTheManifestPatchIsUsed()
    {
        using var package = new TempPackage();
        File.WriteAllText(package.Manifest, "[package]\nname = \"root\"\nversion = \"0.1.0\"\n[patch.crates-io]\nfoo = { path = \"foo\" }\n");
        Directory.CreateDirectory(Path.Join(package.Root, "src"));
        File.WriteAllText(Path.Join(package.Root, "src", "lib.rs"), string.Empty);
        var environment = new TestEnvironment(package.Root, package.CargoHome);
        var workspace = Workspace.Load(package.Manifest, new ManifestLoader(environment));
        Assert.Same(workspace.RootMaybe.Patch.Single(), workspace.RootPatch(environment).Single());
    }
}
