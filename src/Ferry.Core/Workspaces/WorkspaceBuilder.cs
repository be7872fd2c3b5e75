using System.Collections.Immutable;
using Ferry.Core.Manifest;
using Ferry.Core.Manifest.Targets;
using Ferry.Toml;
using Ferry.Util.Diagnostics;
using PackageManifest = Ferry.Core.Manifest.Manifest;

namespace Ferry.Core.Workspaces;

/// <summary>
/// The mutable work of <see cref="Workspace.Load"/>, following Cargo's <c>Workspace::new</c> step by
/// step: find the root, read the workspace config, collect members (patterns, then path dependencies
/// depth-first, then the root), pick the resolver, then validate, with Cargo's errors and warnings.
/// </summary>
internal sealed class WorkspaceBuilder
{
    private readonly string _current;
    private readonly ManifestLoader _loader;
    private readonly Dictionary<string, LoadedManifest> _packages = new(StringComparer.Ordinal);
    private readonly List<string> _loadOrder = [];
    private readonly List<string> _members = [];
    private readonly HashSet<string> _memberSet = new(StringComparer.Ordinal);
    private readonly List<string> _defaultMembers = [];
    private string? _rootManifest;

    public WorkspaceBuilder(string currentManifest, ManifestLoader loader)
    {
        _current = currentManifest;
        _loader = loader;
    }

    private IManifestEnvironment Environment => _loader.Environment;

    private string RootManifest => _rootManifest ?? _current;

    private string Root => Path.GetDirectoryName(RootManifest)!;

    public Workspace Build()
    {
        _rootManifest = FindRoot(_current);
        var targetDir = Environment.TargetDir ?? TargetPaths.Resolve(Root, "target");
        var buildDir = Environment.BuildDir(RootManifest) ?? targetDir;
        var config = LoadWorkspaceConfig();
        FindMembers(config);
        var resolveBehavior = ResolveBehaviorOf();
        Validate(resolveBehavior);
        return new Workspace(
            _current,
            _rootManifest,
            [.. _members],
            [.. _defaultMembers],
            _packages.ToImmutableDictionary(StringComparer.Ordinal),
            [.. _loadOrder],
            resolveBehavior,
            targetDir,
            buildDir,
            config?.CustomMetadata);
    }

    private LoadedManifest Load(string manifestPath)
    {
        if (!_packages.TryGetValue(manifestPath, out var manifest))
        {
            manifest = _loader.Read(manifestPath);
            _packages[manifestPath] = manifest;
            _loadOrder.Add(manifestPath);
        }

        return manifest;
    }

    private string? FindRoot(string manifestPath)
    {
        var current = Load(manifestPath);
        if (current.WorkspaceConfig.GetWorkspaceRoot(manifestPath, manifestPath) is { } root)
        {
            return root;
        }

        return _loader.FindWorkspaceRootWithLoader(
            manifestPath,
            candidate => Load(candidate).WorkspaceConfig.GetWorkspaceRoot(candidate, manifestPath));
    }

    private WorkspaceRootConfig? LoadWorkspaceConfig()
    {
        if (_rootManifest is not { } root)
        {
            return null;
        }

        return Load(root).WorkspaceConfig.Root ?? throw new FerryException($"root of a workspace inferred but wasn't a root: {root}");
    }

    private void FindMembers(WorkspaceRootConfig? config)
    {
        if (config is null)
        {
            _members.Add(_current);
            _memberSet.Add(_current);
            _defaultMembers.Add(_current);
            return;
        }

        var root = _rootManifest!;
        var membersPaths = config.MembersPaths(config.Members ?? []);
        IReadOnlyList<(string Path, string? Glob)>? defaultPaths = root == _current && config.DefaultMembers is { } defaults
            ? config.MembersPaths(defaults)
            : null;

        foreach (var (path, glob) in membersPaths)
        {
            try
            {
                FindPathDeps(TargetPaths.Resolve(path, "Cargo.toml"), root, isPathDep: false);
            }
            catch (FerryException e)
            {
                var via = glob is null ? string.Empty : $" via `{glob}`";
                throw new FerryException($"failed to load manifest for workspace member `{path}`\nreferenced{via} by workspace at `{root}`", e);
            }
        }

        FindPathDeps(root, root, isPathDep: false);

        if (defaultPaths is not null)
        {
            foreach (var (path, glob) in defaultPaths)
            {
                var normalized = TargetPaths.Normalize(path);
                var manifest = TargetPaths.Resolve(normalized, "Cargo.toml");
                if (!_memberSet.Contains(manifest))
                {
                    var excluded = membersPaths.Any(m => m.Path == normalized) && config.IsExcluded(normalized);
                    if (excluded)
                    {
                        continue;
                    }

                    var via = glob is null ? string.Empty : $" via `{glob}`";
                    throw new FerryException($"package `{path}` is listed in default-members{via} but is not a member\nfor workspace at `{root}`.");
                }

                _defaultMembers.Add(manifest);
            }
        }
        else if (Load(_current) is VirtualManifest)
        {
            _defaultMembers.AddRange(_members);
        }
        else
        {
            _defaultMembers.Add(_current);
        }
    }

    private void FindPathDeps(string manifestPath, string rootManifest, bool isPathDep)
    {
        manifestPath = TargetPaths.Normalize(manifestPath);
        if (_memberSet.Contains(manifestPath))
        {
            return;
        }

        if (isPathDep
            && !WorkspaceRootConfig.StartsWith(Path.GetDirectoryName(manifestPath)!, Root)
            && FindRoot(manifestPath) != _rootManifest)
        {
            return;
        }

        if (Load(rootManifest).WorkspaceConfig.Root is { } rootConfig && rootConfig.IsExcluded(manifestPath))
        {
            return;
        }

        _members.Add(manifestPath);
        _memberSet.Add(manifestPath);
        if (Load(manifestPath) is not PackageManifest package)
        {
            return;
        }

        foreach (var dep in package.Dependencies)
        {
            if (!dep.Source.IsPath)
            {
                continue;
            }

            var depManifest = TargetPaths.Resolve(dep.Source.LocalPath, "Cargo.toml");
            try
            {
                FindPathDeps(depManifest, rootManifest, isPathDep: true);
            }
            catch (FerryException e)
            {
                throw new FerryException($"failed to load manifest for dependency `{dep.PackageName}`", e);
            }
        }
    }

    private ResolveBehavior ResolveBehaviorOf() => Load(RootManifest) switch
    {
        PackageManifest p => p.ResolveBehavior ?? EditionInfo.DefaultResolveBehavior(p.Edition),
        var v => v.ResolveBehavior ?? ResolveBehavior.V1,
    };

    private void Validate(ResolveBehavior resolveBehavior)
    {
        if (_rootManifest is not { } root)
        {
            return;
        }

        ValidateUniqueNames();
        ValidateWorkspaceRoots();
        ValidateMembers();
        ErrorIfManifestNotInMembers();
        ValidateManifest(root, resolveBehavior);
    }

    private void ValidateUniqueNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in _members)
        {
            if (_packages[member] is not PackageManifest package)
            {
                continue;
            }

            if (names.TryGetValue(package.Name, out var previous))
            {
                throw new FerryException($"two packages named `{package.Name}` in this workspace:\n- {previous}\n- {member}");
            }

            names[package.Name] = member;
        }
    }

    private void ValidateWorkspaceRoots()
    {
        var roots = new List<string>();
        foreach (var member in _members)
        {
            if (_packages[member].WorkspaceConfig.IsRoot)
            {
                roots.Add(Path.GetDirectoryName(member)!);
            }
        }

        switch (roots.Count)
        {
            case 1:
                return;
            case 0:
                throw new FerryException(
                    $"`package.workspace` configuration points to a crate which is not configured with [workspace]: \nconfiguration at: {_current}\npoints to: {_rootManifest}");
            default:
                throw new FerryException("multiple workspace roots found in the same workspace:\n" + string.Join('\n', roots.Select(r => "  " + r)));
        }
    }

    private void ValidateMembers()
    {
        foreach (var member in _members.ToArray())
        {
            var root = FindRoot(member);
            if (root == _rootManifest)
            {
                continue;
            }

            if (root is not null)
            {
                throw new FerryException($"package `{member}` is a member of the wrong workspace\nexpected: {_rootManifest}\nactual:   {root}");
            }

            throw new FerryException($"workspace member `{member}` is not hierarchically below the workspace root `{_rootManifest}`");
        }
    }

    private void ErrorIfManifestNotInMembers()
    {
        if (_memberSet.Contains(_current))
        {
            return;
        }

        var root = _rootManifest!;
        var rootDir = TargetPaths.Normalize(Path.GetDirectoryName(root)!);
        var currentDir = TargetPaths.Normalize(Path.GetDirectoryName(_current)!);
        var relative = PathDiff.Diff(currentDir, rootDir);
        var membersMessage = relative is not null
            ? $"this may be fixable by adding `{relative}` to the `workspace.members` array of the manifest located at: {root}"
            : $"this may be fixable by adding a member to the `workspace.members` array of the manifest located at: {root}";
        var extra = _packages[root] is PackageManifest rootPackage && !(rootPackage.WorkspaceConfig.Root?.HasMembersList ?? false)
            ? $"this may be fixable by ensuring that this crate is depended on by the workspace root: {root}"
            : membersMessage;
        throw new FerryException(
            $"current package believes it's in a workspace when it's not:\ncurrent:   {_current}\nworkspace: {root}\n\n{extra}\n"
            + "Alternatively, to keep it out of the workspace, add the package to the `workspace.exclude` array, or add an empty `[workspace]` table to the package's manifest.");
    }

    private void ValidateManifest(string root, ResolveBehavior resolveBehavior)
    {
        var shell = Environment.Shell;
        foreach (var member in _members)
        {
            if (member == root || _packages[member] is not PackageManifest package)
            {
                continue;
            }

            void Warn(string what) => shell.Warn(
                $"{what} for the non root package will be ignored, specify {what} at the workspace root:\npackage:   {member}\nworkspace: {root}");

            if (package.Profiles is not null)
            {
                Warn("profiles");
            }

            if (!package.Replace.IsEmpty)
            {
                Warn("replace");
            }

            if (!package.Patch.IsEmpty)
            {
                Warn("patch");
            }

            if (package.ResolveBehavior is { } behavior && behavior != resolveBehavior)
            {
                Warn("resolver");
            }
        }

        if (_packages[root] is VirtualManifest { ResolveBehavior: null })
        {
            Edition? newest = null;
            foreach (var member in _members)
            {
                if (member != root && _packages[member] is PackageManifest package && package.Edition >= Edition.E2021
                    && (newest is null || package.Edition > newest))
                {
                    newest = package.Edition;
                }
            }

            if (newest is { } edition)
            {
                var display = EditionInfo.Display(edition);
                var resolver = ResolveBehaviorInfo.ToManifest(EditionInfo.DefaultResolveBehavior(edition));
                shell.WarnReport(
                    $"virtual workspace defaulting to `resolver = \"1\"` despite one or more workspace members being on edition {display} which implies `resolver = \"{resolver}\"`",
                    [
                        "to keep the current resolver, specify `workspace.resolver = \"1\"` in the workspace root's manifest",
                        $"to use the edition {display} resolver, specify `workspace.resolver = \"{resolver}\"` in the workspace root's manifest",
                        "for more details see https://doc.rust-lang.org/cargo/reference/resolver.html#resolver-versions",
                    ]);
            }
        }
    }
}
