using Ferry.Core.Manifest;
using Ferry.Core.Manifest.Schema;
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

    private readonly IShell? _shell;

    /// <param name="shell">Where warnings go; the context's shell when null.</param>
    public ManifestEnvironment(GlobalContext gctx, IShell? shell = null)
    {
        _gctx = gctx;
        _shell = shell;
        _targetDir = new Lazy<string?>(gctx.TargetDir);
    }

    public string Cwd => _gctx.Cwd;

    public string CargoHome => _gctx.CargoHome;

    public bool NightlyFeaturesAllowed => false;

    public IShell Shell => _shell ?? _gctx.Shell;

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

    /// <summary>
    /// <c>[patch]</c> from configuration as dependency tables, each relative to the file that defined it.
    /// The shapes are checked with Cargo's configuration wording.
    /// </summary>
    public IReadOnlyList<ConfigPatch> ConfigPatches()
    {
        if (_gctx.Patch is not { } patch)
        {
            return [];
        }

        var result = new List<ConfigPatch>();
        foreach (var (source, table) in patch.Entries)
        {
            if (table is not ConfigTable deps)
            {
                throw Invalid($"patch.{source}", "a map", table);
            }

            foreach (var (name, value) in deps.Entries)
            {
                var key = $"patch.{source}.{name}";
                var dependency = value switch
                {
                    ConfigString s => TomlDependency.OfVersion(s.Value),
                    ConfigTable t => TomlDependency.Of(Detailed(key, t)),
                    _ => throw Invalid(key, "a version string or a detailed dependency", value),
                };
                result.Add(new ConfigPatch(source, name, dependency, value.Definition.Root(_gctx.Cwd), value.Definition.ToString()));
            }
        }

        return result;
    }

    private static TomlDetailedDependency Detailed(string key, ConfigTable table)
    {
        string? Str(string field) => table.Get(field) switch
        {
            null => null,
            ConfigString s => s.Value,
            var other => throw Invalid($"{key}.{field}", "a string", other),
        };
        bool? Bool(string field) => table.Get(field) switch
        {
            null => null,
            ConfigBoolean b => b.Value,
            var other => throw Invalid($"{key}.{field}", "a boolean", other),
        };
        System.Collections.Immutable.ImmutableArray<string>? List(string field) => table.Get(field) switch
        {
            null => null,
            ConfigList l => [.. l.Items.Select(item => item is ConfigString s ? s.Value : throw Invalid($"{key}.{field}", "a string", item))],
            var other => throw Invalid($"{key}.{field}", "a sequence", other),
        };

        var known = new HashSet<string>(StringComparer.Ordinal)
        {
            "version", "registry", "registry-index", "path", "base", "git", "branch", "tag", "rev", "features", "optional",
            "default-features", "default_features", "package", "public",
        };
        return new TomlDetailedDependency
        {
            Version = Str("version"),
            Registry = Str("registry"),
            RegistryIndex = Str("registry-index"),
            Path = Str("path"),
            Base = Str("base"),
            Git = Str("git"),
            Branch = Str("branch"),
            Tag = Str("tag"),
            Rev = Str("rev"),
            Features = List("features"),
            Optional = Bool("optional"),
            DefaultFeatures = Bool("default-features"),
            DefaultFeatures2 = Bool("default_features"),
            Package = Str("package"),
            Public = Bool("public"),
            UnusedKeys = [.. table.Entries.Keys.Where(k => !known.Contains(k))],
        };
    }

    private static FerryException Invalid(string key, string expected, ConfigValue found) =>
        new($"invalid configuration for key `{key}`\nexpected {expected}, but found a {found.Description} in {found.Definition}");

    public string? PathBase(string name) =>
        _gctx.Reader.RelativePath(ConfigKey.Parse("path-bases").Push(name))?.ResolvePath(_gctx.Cwd);
}
