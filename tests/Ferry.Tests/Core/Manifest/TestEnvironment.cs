using Ferry.Core.Manifest;
using Ferry.Core.Urls;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Core.Manifest;

/// <summary>An <see cref="IManifestEnvironment"/> for in-process tests: fixed paths, registries from a dictionary, warnings collected.</summary>
internal sealed class TestEnvironment(string cwd, string cargoHome) : IManifestEnvironment, IShell
{
    public string Cwd { get; } = cwd;

    public string CargoHome { get; } = cargoHome;

    public bool NightlyFeaturesAllowed => false;

    public IShell Shell => this;

    public string? TargetDir { get; init; }

    public Dictionary<string, string> Registries { get; } = new(StringComparer.Ordinal);

    public List<string> Warnings { get; } = [];

    public Verbosity Verbosity => Verbosity.Normal;

    public Url RegistryIndex(string name) => Registries.TryGetValue(name, out var url)
        ? Url.Parse(url)
        : throw new FerryException($"registry index was not found in any configuration: `{name}`");

    public string? BuildDir(string workspaceManifest) => null;

    public string? PathBase(string name) => null;

    public List<ConfigPatch> Patches { get; } = [];

    public IReadOnlyList<ConfigPatch> ConfigPatches() => Patches;

    public void Status(string status, string message)
    {
    }

    public void StatusWarn(string status, string message)
    {
    }

    public void Warn(string message) => Warnings.Add(message);

    public void Note(string message)
    {
    }

    public void Out(string text)
    {
    }
}
