using System.Collections.Immutable;
using Ferry.Core.Configuration;
using Ferry.Core.Identity;
using Ferry.Core.Manifest;
using Ferry.Tests.Core.Configuration;

namespace Ferry.Tests.Build;

/// <summary>Real lowered manifests for build tests, read from a throw-away directory.</summary>
internal static class TestManifests
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = Path.Combine(Path.GetTempPath(), "ferry-build-tests-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    });

    public static Manifest Package(PackageId id, string extra = "")
    {
        var dir = Path.Combine(Root.Value, id.Name + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(Path.Combine(dir, "src"));
        File.WriteAllText(Path.Combine(dir, "src", "lib.rs"), string.Empty);
        File.WriteAllText(Path.Combine(dir, "Cargo.toml"), $"[package]\nname = \"{id.Name}\"\nversion = \"{id.Version}\"\nedition = \"2021\"\n{extra}");
        var env = new EnvironmentSnapshot(ImmutableDictionary<string, string>.Empty.Add("HOME", Root.Value));
        var shell = new RecordingShell();
        var loader = new ManifestLoader(new ManifestEnvironment(GlobalContext.Create(env, dir, CliOverrides.None, shell), shell));
        var manifest = loader.ReadPackage(Path.Combine(dir, "Cargo.toml"));
        return manifest with { Summary = manifest.Summary with { PackageId = id } };
    }
}
