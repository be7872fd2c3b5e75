using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Resolver;
using Ferry.Resolver.Features;
using Ferry.Semver;
using Ferry.Toml;

namespace Ferry.Tests.Resolver.Features;

/// <summary>
/// A minimal stand-in for the manifest loader, enough for the feature fixtures: path dependencies
/// only, <c>[features]</c>, <c>[lib] proc-macro</c>, <c>[target.'...'.*]</c>, <c>package = "..."</c>
/// renames, <c>[workspace] members/default-members/exclude/resolver</c> and the edition's default
/// resolver. Membership follows Cargo's <c>find_members</c>: the listed members, then the root,
/// each followed by its path dependencies inside the workspace directory. The workspace lives
/// under a made-up absolute root; nothing is read from disk.
/// </summary>
internal sealed class FixtureWorkspace
{
    private static readonly string[] Tables = ["dependencies", "dev-dependencies", "build-dependencies"];

    private readonly Dictionary<string, TomlTable> _manifests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Summary> _packages = new(StringComparer.Ordinal);

    private FixtureWorkspace(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public ImmutableArray<Summary> Members { get; private set; } = [];

    public ImmutableArray<Summary> DefaultMembers { get; private set; } = [];

    public Summary? Current { get; private set; }

    public bool IsVirtual { get; private set; }

    public ResolveBehavior Behavior { get; private set; }

    public ImmutableHashSet<PackageId> ProcMacros { get; private set; } = [];

    public IEnumerable<Summary> Packages => _packages.Values;

    public WorkspaceMembers WorkspaceMembers => new(Members, Current?.PackageId, IsVirtual);

    public static FixtureWorkspace Load(FeatureFixture fixture, string root)
    {
        root = Normalize(root);
        var ws = new FixtureWorkspace(root);
        var procMacros = ImmutableHashSet.CreateBuilder<PackageId>();
        foreach (var (path, contents) in fixture.Files)
        {
            if (Path.GetFileName(path) == "Cargo.toml")
            {
                var dir = Normalize(Path.Combine(root, Path.GetDirectoryName(path) ?? string.Empty));
                ws._manifests[dir] = TomlDocument.Parse(contents).Root;
            }
        }

        foreach (var (dir, manifest) in ws._manifests)
        {
            if (manifest.TryGetTable("package", out var package))
            {
                var summary = LowerPackage(dir, manifest, package);
                ws._packages[dir] = summary;
                if (manifest.TryGetTable("lib", out var lib) && lib.TryGetBoolean("proc-macro", out var pm) && pm)
                {
                    procMacros.Add(summary.PackageId);
                }
            }
        }

        ws.ProcMacros = procMacros.ToImmutable();
        ws.FindMembers(fixture.Cwd is null ? root : Normalize(Path.Combine(root, fixture.Cwd)));
        return ws;
    }

    public Summary PackageAt(string dir) => _packages[Normalize(dir)];

    private void FindMembers(string cwd)
    {
        var rootManifest = _manifests[Root];
        _manifests.TryGetValue(cwd, out var cwdManifest);
        var cwdIsVirtual = cwdManifest is null || !cwdManifest.ContainsKey("package");

        // Cargo's `Workspace::is_virtual` asks about the manifest the command runs from.
        IsVirtual = cwdIsVirtual;
        Current = cwdIsVirtual ? null : _packages[cwd];
        Behavior = ResolverSetting(rootManifest);
        var members = new List<string>();
        if (!rootManifest.TryGetTable("workspace", out var workspace))
        {
            members.Add(Root);
            Members = [_packages[Root]];
            DefaultMembers = Members;
            return;
        }

        var excluded = Strings(workspace, "exclude").Select(e => Normalize(Path.Combine(Root, e))).ToHashSet(StringComparer.Ordinal);
        foreach (var member in Strings(workspace, "members"))
        {
            FindPathDeps(Normalize(Path.Combine(Root, member)), members, excluded, isPathDep: false);
        }

        FindPathDeps(Root, members, excluded, isPathDep: false);
        Members = [.. members.Where(_packages.ContainsKey).Select(m => _packages[m])];
        if (cwd == Root && workspace.ContainsKey("default-members"))
        {
            DefaultMembers = [.. Strings(workspace, "default-members").Select(m => _packages[Normalize(Path.Combine(Root, m))])];
        }
        else
        {
            DefaultMembers = cwdIsVirtual ? Members : [_packages[cwd]];
        }
    }

    private void FindPathDeps(string dir, List<string> members, HashSet<string> excluded, bool isPathDep)
    {
        if (members.Contains(dir))
        {
            return;
        }

        if (isPathDep && !(dir + "/").StartsWith(Root + "/", StringComparison.Ordinal))
        {
            return;
        }

        if (excluded.Contains(dir))
        {
            return;
        }

        members.Add(dir);
        if (!_packages.TryGetValue(dir, out var summary))
        {
            return;
        }

        foreach (var dep in summary.Dependencies)
        {
            if (dep.LocalPath is { } path)
            {
                FindPathDeps(path, members, excluded, isPathDep: true);
            }
        }
    }

    private ResolveBehavior ResolverSetting(TomlTable rootManifest)
    {
        if (rootManifest.TryGetTable("workspace", out var ws) && ws.TryGetString("resolver", out var wsResolver))
        {
            return ResolveBehaviors.FromManifest(wsResolver);
        }

        if (!rootManifest.TryGetTable("package", out var package))
        {
            return ResolveBehavior.V1;
        }

        if (package.TryGetString("resolver", out var resolver))
        {
            return ResolveBehaviors.FromManifest(resolver);
        }

        package.TryGetString("edition", out var edition);
        return edition switch
        {
            "2024" => ResolveBehavior.V3,
            "2021" => ResolveBehavior.V2,
            _ => ResolveBehavior.V1,
        };
    }

    private static Summary LowerPackage(string dir, TomlTable manifest, TomlTable package)
    {
        package.TryGetString("name", out var name);
        var version = package.TryGetString("version", out var v) ? v : "0.0.0";
        var deps = new List<Dependency>();

        // Cargo keeps dependency tables in maps sorted by name, tables in this order, then each platform.
        foreach (var (table, kind) in Tables.Zip([DependencyKind.Normal, DependencyKind.Development, DependencyKind.Build]))
        {
            AddDeps(deps, dir, manifest, table, kind, null);
        }

        if (manifest.TryGetTable("target", out var targets))
        {
            foreach (var key in targets.Keys.Order(StringComparer.Ordinal))
            {
                var platform = TargetPlatformOf(key);
                foreach (var (table, kind) in Tables.Zip([DependencyKind.Normal, DependencyKind.Development, DependencyKind.Build]))
                {
                    AddDeps(deps, dir, (TomlTable)targets[key], table, kind, platform);
                }
            }
        }

        var features = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        if (manifest.TryGetTable("features", out var table2))
        {
            foreach (var key in table2.Keys)
            {
                features.Add(new(key, [.. ((TomlArray)table2[key]).Select(Str)]));
            }
        }

        var depList = deps.ToImmutableArray();
        return new Summary
        {
            PackageId = new PackageId(name!, Ferry.Semver.Version.Parse(version), SourceId.ForPath(dir)),
            Dependencies = depList,
            Features = FeatureMapBuilder.Build(features, depList),
        };
    }

    private static Ferry.Platform.Platform TargetPlatformOf(string key) => Ferry.Platform.Platform.Parse(key);

    private static void AddDeps(List<Dependency> deps, string dir, TomlTable owner, string table, DependencyKind kind, Ferry.Platform.Platform? platform)
    {
        if (!owner.TryGetTable(table, out var entries))
        {
            return;
        }

        foreach (var key in entries.Keys.Order(StringComparer.Ordinal))
        {
            var spec = entries[key] as TomlTable ?? throw new InvalidOperationException($"dependency `{key}` must be a table with a path");
            spec.TryGetString("path", out var path);
            var packageName = spec.TryGetString("package", out var p) ? p : key;
            var target = Normalize(Path.Combine(dir, path ?? throw new InvalidOperationException($"dependency `{key}` has no path")));
            deps.Add(new Dependency
            {
                PackageName = packageName,
                Source = SourceId.ForPath(target),
                Req = VersionReq.Star,
                Kind = kind,
                ExplicitNameInToml = packageName == key ? null : key,
                Optional = spec.TryGetBoolean("optional", out var optional) && optional,
                DefaultFeatures = !spec.TryGetBoolean("default-features", out var defaults) || defaults,
                Features = spec.TryGetArray("features", out var f) ? [.. f.Select(Str)] : [],
                Platform = platform,
                LocalPath = target,
            });
        }
    }

    private static IEnumerable<string> Strings(TomlTable table, string key) =>
        table.TryGetArray(key, out var array) ? array.Select(Str) : [];

    private static string Str(TomlValue value) => value.TryGetString(out var s) ? s : throw new InvalidOperationException($"expected a string, got {value}");

    private static string Normalize(string path) => Path.GetFullPath(path).TrimEnd('/');
}
