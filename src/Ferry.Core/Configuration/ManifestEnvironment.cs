using Ferry.Core.Manifest;
using Ferry.Core.Urls;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Configuration;

/// <summary>
/// <see cref="IManifestEnvironment"/> over the process environment: Cargo home, registries and the
/// target/build directories from their <c>CARGO_*</c> variables. Until the configuration files are
/// wired in (the <c>GlobalContext</c> work), settings that only exist in <c>.cargo/config.toml</c> are
/// treated as unset.
/// </summary>
public sealed class ManifestEnvironment : IManifestEnvironment
{
    private readonly EnvironmentSnapshot _environment;

    public ManifestEnvironment(string cwd, EnvironmentSnapshot environment, IShell shell)
    {
        Cwd = cwd;
        _environment = environment;
        Shell = shell;
        var home = environment.Get("HOME") ?? "/";
        var cargoHome = environment.Get("CARGO_HOME");
        CargoHome = string.IsNullOrEmpty(cargoHome) ? Path.Combine(home, ".cargo") : Path.GetFullPath(cargoHome, cwd);
        var targetDir = Nonempty(environment.Get("CARGO_TARGET_DIR")) ?? Nonempty(environment.Get("CARGO_BUILD_TARGET_DIR"));
        TargetDir = targetDir is null ? null : Path.GetFullPath(targetDir, cwd);
    }

    public string Cwd { get; }

    public string CargoHome { get; }

    public bool NightlyFeaturesAllowed => false;

    public IShell Shell { get; }

    public string? TargetDir { get; }

    public Url RegistryIndex(string name)
    {
        var key = "CARGO_REGISTRIES_" + name.ToUpperInvariant().Replace('-', '_') + "_INDEX";
        if (Nonempty(_environment.Get(key)) is { } index)
        {
            if (!Url.TryParse(index, out var url, out var error))
            {
                throw new FerryException($"invalid url `{index}`: {error}");
            }

            return url;
        }

        throw new FerryException($"registry index was not found in any configuration: `{name}`");
    }

    public string? BuildDir(string workspaceManifest)
    {
        var buildDir = Nonempty(_environment.Get("CARGO_BUILD_BUILD_DIR"));
        if (buildDir is null)
        {
            return null;
        }

        var root = Path.GetDirectoryName(workspaceManifest)!;
        return Path.GetFullPath(buildDir.Replace("{workspace-root}", root, StringComparison.Ordinal), Cwd);
    }

    public string? PathBase(string name) => null;

    private static string? Nonempty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
