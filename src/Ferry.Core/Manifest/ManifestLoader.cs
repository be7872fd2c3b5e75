using System.Text;
using Ferry.Core.Identity;
using Ferry.Core.Manifest.Schema;
using Ferry.Core.Manifest.Targets;
using Ferry.Toml;
using Ferry.Util.Diagnostics;
using Ferry.Util.IO;

namespace Ferry.Core.Manifest;

/// <summary>
/// Reads manifests (Cargo's <c>read_manifest</c>) and remembers them, together with the workspace
/// roots seen so far (Cargo's <c>ws_roots</c>), so that a member's inheritance, workspace discovery
/// and member loading parse each Cargo.toml once per run.
/// </summary>
/// <remarks>
/// Failures keep Cargo's shapes: a file that cannot be read is <c>failed to read `path`</c>; TOML and
/// schema errors are located diagnostics pointing into the file (path relative to the working
/// directory); everything found while lowering is wrapped in <c>failed to parse manifest at `path`</c>.
/// </remarks>
public sealed class ManifestLoader
{
    private readonly Dictionary<string, LoadedManifest> _manifests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WorkspaceRootConfig> _roots = new(StringComparer.Ordinal);

    public ManifestLoader(IManifestEnvironment environment)
    {
        Environment = environment;
    }

    public IManifestEnvironment Environment { get; }

    /// <summary>Reads (once) the manifest at the absolute path <paramref name="manifestPath"/>.</summary>
    public LoadedManifest Read(string manifestPath)
    {
        if (_manifests.TryGetValue(manifestPath, out var cached))
        {
            return cached;
        }

        var manifest = ReadUncached(manifestPath);
        _manifests[manifestPath] = manifest;
        return manifest;
    }

    /// <summary>Reads a manifest that must describe a package (Cargo's <c>read_package</c>).</summary>
    public Manifest ReadPackage(string manifestPath) => Read(manifestPath) switch
    {
        Manifest manifest => manifest,
        _ => throw new FerryException($"found a virtual manifest at `{manifestPath}` instead of a package manifest"),
    };

    private LoadedManifest ReadUncached(string manifestPath)
    {
        string text;
        try
        {
            text = ReadText(manifestPath);
        }
        catch (DecoderFallbackException)
        {
            throw new FerryException($"path at `{manifestPath}` was not valid utf-8");
        }
        catch (Exception e) when (Configuration.IoErrors.IsIoError(e))
        {
            throw new FerryException($"failed to read `{manifestPath}`", Configuration.IoErrors.Describe(e, manifestPath));
        }

        TomlDocument document;
        try
        {
            document = TomlDocument.Parse(text, TomlParseOptions.Toml11);
        }
        catch (TomlParseException e)
        {
            throw Diagnostics.FromToml(e, text, manifestPath, Environment.Cwd);
        }

        TomlManifest original;
        try
        {
            original = ManifestDecoder.Decode(document);
        }
        catch (ManifestDecodeException e)
        {
            throw Diagnostics.FromSchema(e, document, manifestPath, Environment.Cwd);
        }

        try
        {
            return ManifestLowering.Lower(document, original, manifestPath, SourceId.ForPath(Path.GetDirectoryName(manifestPath)!), this);
        }
        catch (FerryException e)
        {
            throw new FerryException($"failed to parse manifest at `{manifestPath}`", e);
        }
    }

    /// <summary>UTF-8 text, strictly decoded (Cargo reads manifests with <c>String::from_utf8</c>).</summary>
    private static string ReadText(string path)
    {
        var bytes = UnlockedFile.ReadAllBytes(path);
        return Utf8.GetString(bytes, 0, bytes.Length);
    }

    private static readonly UTF8Encoding Utf8 = new(false, throwOnInvalidBytes: true);

    internal void RegisterRoot(WorkspaceRootConfig root) => _roots[root.RootDir] = root;

    /// <summary>The <c>[workspace]</c> seen so far for the directory <paramref name="rootDir"/>.</summary>
    public WorkspaceRootConfig? CachedRoot(string rootDir) => _roots.GetValueOrDefault(rootDir);

    /// <summary>Cargo's <c>find_workspace_root</c>: the root manifest above <paramref name="manifestPath"/>, reading candidates.</summary>
    public string? FindWorkspaceRoot(string manifestPath) =>
        FindWorkspaceRootWithLoader(manifestPath, candidate => Read(candidate).WorkspaceConfig.GetWorkspaceRoot(candidate, manifestPath));

    /// <summary>
    /// Walks up from <paramref name="manifestPath"/>: first the roots already known, then every ancestor
    /// <c>Cargo.toml</c> (not above Cargo home, not out of a <c>target/package</c> directory), asking
    /// <paramref name="loader"/> whether it is the root.
    /// </summary>
    public string? FindWorkspaceRootWithLoader(string manifestPath, Func<string, string?> loader)
    {
        for (var current = Path.GetDirectoryName(manifestPath); current is not null; current = Path.GetDirectoryName(current))
        {
            if (_roots.TryGetValue(current, out var root) && !root.IsExcluded(manifestPath))
            {
                return TargetPaths.Resolve(current, "Cargo.toml");
            }
        }

        // Cargo 1.95 reports a broken ancestor manifest without saying it was looking for a workspace.
        foreach (var candidate in RootCandidates(manifestPath))
        {
            if (loader(candidate) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private IEnumerable<string> RootCandidates(string manifestPath)
    {
        var packageDir = Path.GetDirectoryName(manifestPath);
        string? last = null;
        for (var current = packageDir is null ? null : Path.GetDirectoryName(packageDir); current is not null; current = Path.GetDirectoryName(current))
        {
            if (current.EndsWith("/target/package", StringComparison.Ordinal) || current == "target/package")
            {
                yield break;
            }

            if (last is not null && last == Environment.CargoHome)
            {
                yield break;
            }

            last = current;
            var candidate = TargetPaths.Resolve(current, "Cargo.toml");
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                yield return candidate;
            }
        }
    }

    /// <summary>Cargo's <c>inheritable_from_path</c>.</summary>
    internal InheritableFields InheritableFromPath(string workspacePath)
    {
        var rootDir = Path.GetDirectoryName(workspacePath)!;
        if (_roots.TryGetValue(rootDir, out var root))
        {
            return root.Inheritable;
        }

        var manifest = Read(workspacePath);
        if (manifest.WorkspaceConfig.Root is { } config)
        {
            _roots[rootDir] = config;
            return config.Inheritable;
        }

        throw new FerryException($"root of a workspace inferred but wasn't a root: {workspacePath}");
    }
}
