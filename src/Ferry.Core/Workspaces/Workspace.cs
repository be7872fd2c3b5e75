using System.Collections.Immutable;
using Ferry.Core.Manifest;
using Ferry.Core.Manifest.Schema;
using Ferry.Toml;
using Ferry.Util.Diagnostics;
using PackageManifest = Ferry.Core.Manifest.Manifest;

namespace Ferry.Core.Workspaces;

/// <summary>
/// A loaded workspace (Cargo's <c>Workspace</c>): the manifest a command was pointed at, the root
/// manifest, every member in Cargo's order (<c>members</c> patterns first, then path dependencies
/// found from them, then the root package), the default members, the resolver version and the
/// target and build directories. Build it with <see cref="Load"/>.
/// </summary>
public sealed class Workspace
{
    internal Workspace(
        string currentManifest,
        string? rootManifest,
        ImmutableArray<string> memberPaths,
        ImmutableArray<string> defaultMemberPaths,
        ImmutableDictionary<string, LoadedManifest> loaded,
        ImmutableArray<string> loadOrder,
        ResolveBehavior resolveBehavior,
        string targetDir,
        string buildDir,
        TomlValue? customMetadata)
    {
        CurrentManifest = currentManifest;
        ExplicitRootManifest = rootManifest;
        MemberPaths = memberPaths;
        DefaultMemberPaths = defaultMemberPaths;
        Loaded = loaded;
        LoadOrder = loadOrder;
        ResolveBehavior = resolveBehavior;
        TargetDir = targetDir;
        BuildDir = buildDir;
        CustomMetadata = customMetadata;
    }

    /// <summary>The manifest the command was run against (<c>--manifest-path</c> or found from the working directory).</summary>
    public string CurrentManifest { get; }

    /// <summary>The workspace root manifest, or null when the package is on its own (no <c>[workspace]</c> anywhere).</summary>
    public string? ExplicitRootManifest { get; }

    /// <summary>The root manifest: the explicit root, else the current manifest.</summary>
    public string RootManifest => ExplicitRootManifest ?? CurrentManifest;

    /// <summary>The directory of <see cref="RootManifest"/>.</summary>
    public string Root => Path.GetDirectoryName(RootManifest)!;

    /// <summary>Manifest paths of all members, in Cargo's order (virtual roots included).</summary>
    public ImmutableArray<string> MemberPaths { get; }

    public ImmutableArray<string> DefaultMemberPaths { get; }

    /// <summary>Every manifest read while loading, by path.</summary>
    public ImmutableDictionary<string, LoadedManifest> Loaded { get; }

    /// <summary>The paths of <see cref="Loaded"/> in the order they were read.</summary>
    public ImmutableArray<string> LoadOrder { get; }

    public ResolveBehavior ResolveBehavior { get; }

    /// <summary>Where build output goes (<c>target_directory</c> in <c>cargo metadata</c>).</summary>
    public string TargetDir { get; }

    /// <summary>Where intermediate build artifacts go (<c>build_directory</c>).</summary>
    public string BuildDir { get; }

    /// <summary><c>[workspace.metadata]</c> of the root.</summary>
    public TomlValue? CustomMetadata { get; }

    public LoadedManifest RootMaybe => Loaded[RootManifest];

    public bool IsVirtual => Loaded[CurrentManifest] is VirtualManifest;

    /// <summary>The member packages, in order.</summary>
    public IEnumerable<PackageManifest> Members => Packages(MemberPaths);

    public IEnumerable<PackageManifest> DefaultMembers => Packages(DefaultMemberPaths);

    /// <summary>The package the command runs on, or Cargo's error for a virtual manifest.</summary>
    public PackageManifest Current() => Loaded[CurrentManifest] as PackageManifest
        ?? throw new FerryException(
            $"manifest path `{CurrentManifest}` is a virtual manifest, but this command requires running against an actual package in this workspace");

    public PackageManifest? CurrentOpt => Loaded[CurrentManifest] as PackageManifest;

    /// <summary>The root's <c>[profile]</c> tables (members' are ignored, with a warning at load).</summary>
    public TomlProfiles? Profiles => RootMaybe.Profiles;

    /// <summary>The root's <c>[workspace]</c>, when there is one.</summary>
    public WorkspaceRootConfig? RootConfig => ExplicitRootManifest is null ? null : RootMaybe.WorkspaceConfig.Root;

    public bool IsMember(PackageManifest manifest) => MemberPaths.Contains(manifest.ManifestPath);

    /// <summary>
    /// Cargo's <c>root_patch</c>: the root manifest's <c>[patch]</c> tables merged with those from
    /// configuration, where configuration wins for a package both name. Warnings about the
    /// configuration's entries go to the environment's shell as <c>[patch] in cargo config: ...</c>.
    /// </summary>
    public ImmutableArray<PatchEntry> RootPatch(IManifestEnvironment environment)
    {
        var fromManifest = RootMaybe.Patch;
        var configPatches = environment.ConfigPatches();
        if (configPatches.Count == 0)
        {
            return fromManifest;
        }

        var warnings = new List<string>();
        var rootSource = Identity.SourceId.ForPath(Root);
        var fromConfig = new List<PatchEntry>();
        foreach (var group in configPatches.GroupBy(p => p.Source))
        {
            var url = ManifestLowering.PatchSourceUrl(group.Key, environment, isConfig: true);
            var deps = ImmutableArray.CreateBuilder<Dependencies.Dependency>();
            foreach (var patch in group)
            {
                deps.Add(DependencyLowering.ToDependency(
                    patch.Dependency, patch.Name, Dependencies.DependencyKind.Normal, null, rootSource, patch.BaseDirectory, environment, warnings));
            }

            fromConfig.Add(new PatchEntry(url, deps.ToImmutable(), group.First().Definition));
        }

        foreach (var warning in warnings)
        {
            environment.Shell.Warn($"[patch] in cargo config: {warning}");
        }

        if (fromManifest.IsEmpty)
        {
            return [.. fromConfig];
        }

        var combined = new List<PatchEntry>(fromConfig);
        foreach (var manifestEntry in fromManifest)
        {
            var index = combined.FindIndex(e => e.Url.ToString() == manifestEntry.Url.ToString());
            if (index < 0)
            {
                combined.Add(manifestEntry);
                continue;
            }

            var configEntry = combined[index];
            var kept = manifestEntry.Dependencies.Where(d => configEntry.Dependencies.All(c => c.NameInToml != d.NameInToml));
            combined[index] = configEntry with { Dependencies = configEntry.Dependencies.AddRange(kept) };
        }

        return [.. combined];
    }

    /// <summary>
    /// Prints the manifests' warnings, as Cargo's build-like commands do before working (<c>metadata</c>
    /// does not): in a workspace each is prefixed with its manifest's path. A manifest's deferred
    /// error (a target problem Cargo tolerates while only reading) then fails the command.
    /// </summary>
    public void EmitWarnings(IShell shell)
    {
        foreach (var path in LoadOrder)
        {
            var manifest = Loaded[path];
            foreach (var warning in manifest.Warnings)
            {
                shell.Warn(ExplicitRootManifest is null ? warning : $"{path}: {warning}");
            }

            if (!manifest.Errors.IsEmpty)
            {
                throw new FerryException($"failed to parse manifest at `{path}`", new FerryException(manifest.Errors[0]));
            }
        }
    }

    /// <summary>Loads the workspace that <paramref name="manifestPath"/> (absolute) belongs to, with Cargo's checks and warnings.</summary>
    public static Workspace Load(string manifestPath, ManifestLoader loader)
    {
        if (!Path.IsPathRooted(manifestPath))
        {
            throw new FerryException($"manifest_path:\"{manifestPath}\" is not an absolute path. Please provide an absolute path.");
        }

        return new WorkspaceBuilder(manifestPath, loader).Build();
    }

    private IEnumerable<PackageManifest> Packages(ImmutableArray<string> paths)
    {
        foreach (var path in paths)
        {
            if (Loaded[path] is PackageManifest manifest)
            {
                yield return manifest;
            }
        }
    }
}
