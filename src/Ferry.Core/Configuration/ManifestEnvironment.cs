using Ferry.Core.Manifest;
using Ferry.Core.Urls;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Configuration;

/// <summary>
/// <see cref="IManifestEnvironment"/> over <see cref="GlobalContext"/>: registries, target and build
/// directories come from the merged configuration (files, <c>CARGO_*</c> variables, <c>--config</c>)
/// with Cargo's precedence and messages.
/// </summary>
public sealed class ManifestEnvironment : IManifestEnvironment
{
    private readonly GlobalContext _gctx;
    private readonly Lazy<string?> _targetDir;

    public ManifestEnvironment(GlobalContext gctx)
    {
        _gctx = gctx;
        _targetDir = new Lazy<string?>(gctx.TargetDir);
    }

    public string Cwd => _gctx.Cwd;

    public string CargoHome => _gctx.CargoHome;

    public bool NightlyFeaturesAllowed => false;

    public IShell Shell => _gctx.Shell;

    public string? TargetDir => _targetDir.Value;

    /// <summary>Cargo's <c>get_registry_index</c>.</summary>
    public Url RegistryIndex(string name)
    {
        if (NameValidation.RegistryNameError(name) is { } invalid)
        {
            throw new FerryException(invalid);
        }

        var key = ConfigKey.Parse("registries").Push(name).Push("index");
        if (_gctx.Reader.StringValue(key) is not { } index)
        {
            throw new FerryException($"registry index was not found in any configuration: `{name}`");
        }

        try
        {
            if (!Url.TryParse(index.Val, out var url, out var error))
            {
                throw new FerryException($"invalid url `{index.Val}`: {error}");
            }

            if (url.UserInfo is { } user && user.Contains(':', StringComparison.Ordinal))
            {
                throw new FerryException("registry URLs may not contain passwords");
            }

            return url;
        }
        catch (FerryException e)
        {
            throw new FerryException($"invalid index URL for registry `{name}` defined in {index.Definition}", e);
        }
    }

    /// <summary>
    /// Cargo's <c>build_dir</c>: <c>build.build-dir</c> with its templates (<c>{workspace-root}</c>,
    /// <c>{cargo-cache-home}</c>), relative to where it was defined; null when unset.
    /// </summary>
    public string? BuildDir(string workspaceManifest)
    {
        if (_gctx.Build.BuildDir is not { } configured)
        {
            return null;
        }

        var root = Path.GetDirectoryName(workspaceManifest)!;
        var raw = configured.Raw
            .Replace("{workspace-root}", root, StringComparison.Ordinal)
            .Replace("{cargo-cache-home}", _gctx.CargoHome, StringComparison.Ordinal);
        if (raw.Contains('{', StringComparison.Ordinal) || raw.Contains('}', StringComparison.Ordinal))
        {
            return null;
        }

        return new ConfigRelativePath(configured.Value with { Val = raw }).ResolvePath(_gctx.Cwd);
    }

    public string? PathBase(string name) =>
        _gctx.Reader.RelativePath(ConfigKey.Parse("path-bases").Push(name))?.ResolvePath(_gctx.Cwd);
}
