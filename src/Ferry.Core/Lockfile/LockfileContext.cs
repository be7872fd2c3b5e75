using System.Collections.Immutable;
using Ferry.Core.Identity;

namespace Ferry.Core.Lockfile;

/// <summary>
/// The usual <see cref="ILockfileContext"/>: the path packages the workspace can reach, collected the
/// way cargo's <c>build_path_deps</c> does (workspace members, then their path dependencies
/// transitively, then path entries of <c>[patch]</c> and <c>[replace]</c> — the manifest loader walks
/// the workspace, this type only answers the lookups), plus the names of configured registries.
/// </summary>
/// <remarks>
/// The lookup is cargo's <c>get_source_id</c>: a name with one path package matches whatever version
/// the lockfile says (the manifest may have been bumped since), a name with several is matched by
/// exact version, and an unparsable version matches nothing.
/// </remarks>
public sealed class LockfileContext : ILockfileContext
{
    private readonly Dictionary<string, Dictionary<Version, SourceId>> _paths;
    private readonly ImmutableDictionary<string, string> _registryNames;

    /// <param name="pathPackages">Path packages in discovery order; a later one with the same name and version wins, as in Cargo.</param>
    /// <param name="registryNames">Registry names keyed by the registry's canonical URL text.</param>
    public LockfileContext(IEnumerable<PackageId> pathPackages, IReadOnlyDictionary<string, string>? registryNames = null)
    {
        _paths = new Dictionary<string, Dictionary<Version, SourceId>>(StringComparer.Ordinal);
        foreach (var id in pathPackages)
        {
            if (!_paths.TryGetValue(id.Name, out var versions))
            {
                versions = [];
                _paths.Add(id.Name, versions);
            }

            versions[id.Version] = id.Source;
        }

        _registryNames = registryNames?.ToImmutableDictionary(StringComparer.Ordinal) ?? ImmutableDictionary<string, string>.Empty;
    }

    /// <summary>A context without a workspace: every sourceless entry is dropped.</summary>
    public static LockfileContext Empty { get; } = new([]);

    /// <summary>
    /// A context for reading a lockfile on its own (tools, round-trip checks): every sourceless
    /// entry is taken to be a path package, at a made-up directory <c>/__lockfile__/N</c>.
    /// </summary>
    public static LockfileContext Standalone(EncodableLockfile lockfile)
    {
        var paths = new List<PackageId>();
        var all = lockfile.Root is { } root ? lockfile.Packages.Prepend(root) : lockfile.Packages;
        foreach (var package in all.Concat(lockfile.UnusedPatches))
        {
            // Numbered directories: package names in a damaged file may hold anything.
            if (package.Source is null && Version.TryParse(package.Version, out var version))
            {
                paths.Add(new PackageId(package.Name, version, SourceId.ForPath($"/__lockfile__/{paths.Count}")));
            }
        }

        return new LockfileContext(paths);
    }

    public SourceId? PathSource(string name, string version)
    {
        if (!_paths.TryGetValue(name, out var versions) || versions.Count == 0)
        {
            return null;
        }

        if (versions.Count == 1)
        {
            return versions.Values.First();
        }

        // Several path packages share the name (cargo#13405): only an exact version tells them apart.
        return Version.TryParse(version, out var parsed) && versions.TryGetValue(parsed, out var source) ? source : null;
    }

    public SourceId Intern(SourceId source)
    {
        if (source.IsRegistry && source.RegistryName is null && _registryNames.TryGetValue(source.CanonicalUrl.Text, out var name))
        {
            return source.WithRegistryName(name);
        }

        return source;
    }
}
