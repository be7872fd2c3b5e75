using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Sources;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Sources.Support;

/// <summary>
/// Stands in for the manifest loader: packages are registered by directory, and a
/// <c>Cargo.toml</c> is written there so sources that look for one find it. Reading a directory
/// nobody registered fails like the loader does for a missing file.
/// </summary>
internal sealed class FakeManifests : IPackageManifestReader
{
    private readonly Dictionary<string, (string Name, string Version, Dependency[] Deps)> _packages = new(StringComparer.Ordinal);

    public List<string> Reads { get; } = [];

    public FakeManifests Add(string directory, string name, string version, params Dependency[] deps)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Cargo.toml"), $"[package]\nname = \"{name}\"\nversion = \"{version}\"\n");
        _packages[Path.Combine(directory, "Cargo.toml")] = (name, version, deps);
        return this;
    }

    public Summary ReadSummary(string manifestPath, SourceId sourceId)
    {
        Reads.Add(manifestPath);
        if (!_packages.TryGetValue(manifestPath, out var package))
        {
            throw new FerryException($"failed to read `{manifestPath}`", new FerryException("No such file or directory (os error 2)"));
        }

        return new Summary
        {
            PackageId = new PackageId(package.Name, Ferry.Semver.Version.Parse(package.Version), sourceId),
            Dependencies = [.. package.Deps],
            Features = FeatureMapBuilder.Build([], package.Deps),
        };
    }
}
