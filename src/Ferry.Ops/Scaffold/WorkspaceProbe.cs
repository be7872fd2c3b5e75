using System.Text;
using Ferry.Core.Manifest.Targets;
using Ferry.Toml;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops.Scaffold;

/// <summary>
/// What Cargo's <c>Workspace::new</c> tells about the new package once it is written: Cargo loads
/// the workspace and reports a failure as "compiling this new package may not work due to invalid
/// workspace configuration" followed by the error, and a virtual workspace without a resolver as
/// the edition/resolver warning.
/// </summary>
/// <remarks>
/// This is a focused re-implementation of the workspace loader's steps (root search, member globs
/// and path dependencies, the validations and the warnings at the end), reading only what those
/// steps need from each manifest: TOML syntax, <c>[package]</c> name/edition/workspace, targets
/// (through <see cref="TargetDiscovery"/>), <c>[workspace]</c> members/exclude/resolver and path
/// dependencies. Errors deeper in a manifest (bad dependency specs, features...) go unnoticed here;
/// once the full manifest and workspace loader is available this class should call it instead.
/// </remarks>
internal sealed class WorkspaceProbe
{
    private readonly string _cwd;
    private readonly string _cargoHome;
    private readonly IShell _shell;
    private readonly Dictionary<string, ProbedManifest> _loaded = new(StringComparer.Ordinal);
    private readonly List<string> _members = [];

    private WorkspaceProbe(string cwd, string cargoHome, IShell shell)
    {
        _cwd = cwd;
        _cargoHome = cargoHome;
        _shell = shell;
    }

    public static void Check(string manifestPath, string cwd, string cargoHome, IShell shell)
    {
        var probe = new WorkspaceProbe(cwd, cargoHome, shell);
        try
        {
            probe.Run(manifestPath);
        }
        catch (FerryException error)
        {
            shell.Warn("compiling this new package may not work due to invalid workspace configuration");
            shell.Raw("\n" + Chain(error));
        }
    }

    /// <summary>The error and its causes as Cargo prints them under a warning (no <c>error:</c> label).</summary>
    private static string Chain(Exception error)
    {
        var text = new StringBuilder();
        var first = true;
        for (Exception? current = error; current is not null and not AlreadyPrintedException; current = current.InnerException)
        {
            if (first)
            {
                text.Append(current.Message).Append('\n');
                first = false;
                continue;
            }

            text.Append("\nCaused by:\n");
            foreach (var line in current.Message.Split('\n'))
            {
                text.Append(line.Length == 0 ? "\n" : "  " + line + "\n");
            }
        }

        return text.ToString();
    }

    private void Run(string manifestPath)
    {
        if (FindRoot(manifestPath) is not { } rootPath)
        {
            return;
        }

        var root = Load(rootPath);
        if (root.Workspace is null)
        {
            throw new FerryException($"`package.workspace` configuration points to a crate which is not configured with [workspace]: \nconfiguration at: {manifestPath}\npoints to: {rootPath}");
        }

        FindMembers(root);
        ValidateUniqueNames();
        ValidateWorkspaceRoots();
        if (!_members.Contains(manifestPath))
        {
            throw NotAMember(manifestPath, root);
        }

        WarnAboutMembers(root);
    }

    private string? FindRoot(string manifestPath)
    {
        var current = Load(manifestPath);
        if (current.Workspace is not null)
        {
            return manifestPath;
        }

        if (current.RootPointer is { } pointer)
        {
            return RustPath.Normalize(RustPath.Join(RustPath.Join(current.Directory, pointer), "Cargo.toml"));
        }

        // Cargo's find_root_iter: ancestors above the package's own directory, never past
        // `target/package` or out of CARGO_HOME.
        string? last = null;
        for (var directory = RustPath.Parent(RustPath.Parent(manifestPath)!); directory is not null; directory = RustPath.Parent(directory))
        {
            if (directory.EndsWith("target/package", StringComparison.Ordinal) && EndsWithComponents(directory, "target", "package"))
            {
                break;
            }

            if (last is not null && RustPath.Same(last, _cargoHome))
            {
                break;
            }

            last = directory;
            var candidate = RustPath.Join(directory, "Cargo.toml");
            if (!CargoPaths.Exists(candidate))
            {
                continue;
            }

            var ancestor = Load(candidate);
            if (ancestor.Workspace is not null)
            {
                if (!IsExcluded(ancestor, manifestPath))
                {
                    return candidate;
                }
            }
            else if (ancestor.RootPointer is { } ancestorPointer)
            {
                return RustPath.Normalize(RustPath.Join(RustPath.Join(ancestor.Directory, ancestorPointer), "Cargo.toml"));
            }
        }

        return null;
    }

    private static bool EndsWithComponents(string path, params string[] tail)
    {
        var components = RustPath.Components(path);
        return components.Count >= tail.Length && components.Skip(components.Count - tail.Length).SequenceEqual(tail);
    }

    /// <summary>Cargo's <c>is_excluded</c>: under an <c>exclude</c> path and not under a literal <c>members</c> path.</summary>
    private static bool IsExcluded(ProbedManifest root, string manifestPath)
    {
        var excluded = Strings(root.Workspace!, "exclude").Any(e => StartsWith(manifestPath, RustPath.Join(root.Directory, e)));
        var explicitMember = Strings(root.Workspace!, "members").Any(m => StartsWith(manifestPath, RustPath.Join(root.Directory, m)));
        return excluded && !explicitMember;
    }

    private static bool StartsWith(string path, string prefix)
    {
        var a = RustPath.Components(path);
        var b = RustPath.Components(prefix);
        return a.Count >= b.Count && a.Take(b.Count).SequenceEqual(b, StringComparer.Ordinal);
    }

    private static IEnumerable<string> Strings(TomlTable table, string key) =>
        table.Get(key) is TomlArray array ? array.OfType<TomlString>().Select(s => s.Value) : [];

    private void FindMembers(ProbedManifest root)
    {
        foreach (var glob in Strings(root.Workspace!, "members"))
        {
            var pattern = RustPath.Join(root.Directory, glob);
            List<string> expanded;
            try
            {
                expanded = FileGlob.Expand(pattern);
            }
            catch (FerryException e)
            {
                throw new FerryException($"could not parse pattern `{pattern}`", e);
            }

            var paths = new List<(string Path, string? Glob)>();
            if (expanded.Count == 0)
            {
                paths.Add((pattern, null));
            }
            else
            {
                var viaGlob = expanded.Count > 1 || expanded[0] != pattern ? glob : null;
                paths.AddRange(expanded.Where(Directory.Exists).Select(p => (p, viaGlob)));
            }

            foreach (var (path, via) in paths)
            {
                try
                {
                    FindPathDeps(RustPath.Join(path, "Cargo.toml"), root, isPathDependency: false);
                }
                catch (FerryException e)
                {
                    var referenced = via is null ? string.Empty : $" via `{via}`";
                    throw new FerryException($"failed to load manifest for workspace member `{path}`\nreferenced{referenced} by workspace at `{root.Path}`", e);
                }
            }
        }

        FindPathDeps(root.Path, root, isPathDependency: false);
    }

    private void FindPathDeps(string manifestPath, ProbedManifest root, bool isPathDependency)
    {
        var path = RustPath.Normalize(manifestPath);
        if (_members.Contains(path))
        {
            return;
        }

        if (isPathDependency && !StartsWith(RustPath.Parent(path)!, root.Directory))
        {
            return;
        }

        if (IsExcluded(root, path))
        {
            return;
        }

        _members.Add(path);
        var manifest = Load(path);
        if (manifest.IsVirtual)
        {
            return;
        }

        foreach (var dependency in manifest.PathDependencies)
        {
            var directory = dependency.Directory ?? WorkspaceDependencyPath(root, dependency.Name);
            if (directory is null)
            {
                continue;
            }

            try
            {
                FindPathDeps(RustPath.Join(directory, "Cargo.toml"), root, isPathDependency: true);
            }
            catch (FerryException e)
            {
                throw new FerryException($"failed to load manifest for dependency `{dependency.Name}`", e);
            }
        }
    }

    private static string? WorkspaceDependencyPath(ProbedManifest root, string name) =>
        root.Workspace!.Get("dependencies") is TomlTable dependencies
            && dependencies.Get(name) is TomlTable dependency
            && dependency.Get("path") is TomlString path
            ? RustPath.Join(root.Directory, path.Value)
            : null;

    private void ValidateUniqueNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in _members)
        {
            if (Load(member).PackageName is not { } name)
            {
                continue;
            }

            if (names.TryGetValue(name, out var previous))
            {
                throw new FerryException($"two packages named `{name}` in this workspace:\n- {previous}\n- {member}");
            }

            names[name] = member;
        }
    }

    private void ValidateWorkspaceRoots()
    {
        var roots = _members.Where(m => Load(m).Workspace is not null).Select(m => RustPath.Parent(m)!).ToList();
        if (roots.Count > 1)
        {
            throw new FerryException("multiple workspace roots found in the same workspace:\n" + string.Join('\n', roots.Select(r => "  " + r)));
        }
    }

    private FerryException NotAMember(string manifestPath, ProbedManifest root)
    {
        var relative = RustPath.Diff(RustPath.Normalize(RustPath.Parent(manifestPath)!), RustPath.Normalize(root.Directory));
        var membersMessage = relative is null
            ? $"this may be fixable by adding a member to the `workspace.members` array of the manifest located at: {root.Path}"
            : $"this may be fixable by adding `{relative}` to the `workspace.members` array of the manifest located at: {root.Path}";
        var extra = !root.IsVirtual && root.Workspace!.Get("members") is null
            ? $"this may be fixable by ensuring that this crate is depended on by the workspace root: {root.Path}"
            : membersMessage;
        return new FerryException(
            $"current package believes it's in a workspace when it's not:\ncurrent:   {manifestPath}\nworkspace: {root.Path}\n\n{extra}\n"
            + "Alternatively, to keep it out of the workspace, add the package to the `workspace.exclude` array, or add an empty `[workspace]` table to the package's manifest.");
    }

    /// <summary>Cargo's <c>validate_manifest</c>: tables a member may not have, then the virtual workspace's resolver.</summary>
    private void WarnAboutMembers(ProbedManifest root)
    {
        var packages = _members.Where(m => m != root.Path).Select(Load).Where(m => !m.IsVirtual).ToList();
        foreach (var member in packages)
        {
            foreach (var what in member.IgnoredInMember)
            {
                _shell.Warn($"{what} for the non root package will be ignored, specify {what} at the workspace root:\npackage:   {member.Path}\nworkspace: {root.Path}");
            }
        }

        if (!root.IsVirtual || root.Workspace!.ContainsKey("resolver"))
        {
            return;
        }

        var inherited = root.Workspace.Get("package") is TomlTable package && package.Get("edition") is TomlString edition ? edition.Value : null;
        var newest = packages
            .Select(m => m.EditionFromWorkspace ? inherited : m.Edition)
            .Select(e => e is { Length: 4 } && int.TryParse(e, out var year) ? year : 2015)
            .DefaultIfEmpty(2015)
            .Max();
        if (newest >= 2021)
        {
            var resolver = newest >= 2024 ? "3" : "2";
            _shell.WarnReport(
                $"virtual workspace defaulting to `resolver = \"1\"` despite one or more workspace members being on edition {newest} which implies `resolver = \"{resolver}\"`",
                [
                    "to keep the current resolver, specify `workspace.resolver = \"1\"` in the workspace root's manifest",
                    $"to use the edition {newest} resolver, specify `workspace.resolver = \"{resolver}\"` in the workspace root's manifest",
                    "for more details see https://doc.rust-lang.org/cargo/reference/resolver.html#resolver-versions",
                ]);
        }
    }

    private ProbedManifest Load(string path)
    {
        if (_loaded.TryGetValue(path, out var cached))
        {
            return cached;
        }

        var text = CargoPaths.ReadText(path);
        TomlDocument document;
        try
        {
            document = TomlDocument.Parse(text, TomlParseOptions.Toml11);
        }
        catch (TomlParseException e)
        {
            // Cargo prints a manifest's syntax error on the spot, with the path relative to the working directory.
            var shown = RustPath.Diff(path, _cwd) ?? path;
            _shell.Error(e.Line > 0
                ? new LocatedException(e.Reason, new SourceLocation(shown, e.Line, e.Column, e.SourceLine, e.CaretLength))
                : new FerryException(e.Reason));
            throw new AlreadyPrintedException();
        }

        var manifest = Read(path, document.Root);
        _loaded[path] = manifest;
        return manifest;
    }

    private ProbedManifest Read(string path, TomlTable root)
    {
        var directory = RustPath.Parent(path)!;
        var workspace = root.Get("workspace") as TomlTable;
        var package = root.Get("package") as TomlTable ?? root.Get("project") as TomlTable;
        if (package is null)
        {
            return new ProbedManifest(path, null, workspace, null, null, false, [], []);
        }

        var name = package.Get("name") is TomlString n ? n.Value : string.Empty;
        if (name.Contains("::", StringComparison.Ordinal))
        {
            throw new FerryException($"failed to parse manifest at `{path}`", new FerryException(
                "feature `open-namespaces` is required\n\n"
                + $"The package requires the Cargo feature called `open-namespaces`, but that feature is not stabilized in this version of Cargo ({UnstableFeatureGate.Stable.CargoVersion}).\n"
                + "Consider trying a newer version of Cargo (this may require the nightly release).\n"
                + "See https://doc.rust-lang.org/nightly/cargo/reference/unstable.html#open-namespaces for more information about the status of this feature."));
        }

        string? edition = null;
        var editionFromWorkspace = false;
        switch (package.Get("edition"))
        {
            case TomlString s:
                edition = s.Value;
                break;
            case TomlTable t when t.Get("workspace") is TomlBoolean { Value: true }:
                editionFromWorkspace = true;
                break;
        }

        CheckTargets(path, directory, name, edition, package, root);

        var dependencies = new List<ProbedDependency>();
        CollectPathDependencies(root, directory, dependencies);
        if (root.Get("target") is TomlTable targets)
        {
            foreach (var (_, value) in targets)
            {
                if (value is TomlTable platform)
                {
                    CollectPathDependencies(platform, directory, dependencies);
                }
            }
        }

        var ignored = new List<string>();
        if (root.ContainsKey("profile"))
        {
            ignored.Add("profiles");
        }

        if (root.Get("replace") is TomlTable { Count: > 0 })
        {
            ignored.Add("replace");
        }

        if (root.Get("patch") is TomlTable patch && patch.Any(p => p.Value is TomlTable { Count: > 0 }))
        {
            ignored.Add("patch");
        }

        var pointer = package.Get("workspace") is TomlString w ? w.Value : null;
        return new ProbedManifest(path, name, workspace, pointer, edition, editionFromWorkspace, dependencies, ignored);
    }

    private static void CollectPathDependencies(TomlTable table, string directory, List<ProbedDependency> into)
    {
        foreach (var key in new[] { "dependencies", "dev-dependencies", "dev_dependencies", "build-dependencies", "build_dependencies" })
        {
            if (table.Get(key) is not TomlTable dependencies)
            {
                continue;
            }

            foreach (var (name, value) in dependencies)
            {
                if (value is not TomlTable spec)
                {
                    continue;
                }

                var packageName = spec.Get("package") is TomlString renamed ? renamed.Value : name;
                if (spec.Get("path") is TomlString path)
                {
                    into.Add(new ProbedDependency(packageName, RustPath.Join(directory, path.Value)));
                }
                else if (spec.Get("workspace") is TomlBoolean { Value: true })
                {
                    into.Add(new ProbedDependency(name, null));
                }
            }
        }
    }

    /// <summary>A package must have a target; discovery also reports missing or clashing target files.</summary>
    private static void CheckTargets(string path, string directory, string name, string? edition, TomlTable package, TomlTable root)
    {
        var input = new TargetDiscoveryInput
        {
            PackageRoot = directory,
            PackageName = name,
            Edition = edition,
            AutoLib = Boolean(package, "autolib"),
            AutoBins = Boolean(package, "autobins"),
            AutoExamples = Boolean(package, "autoexamples"),
            AutoTests = Boolean(package, "autotests"),
            AutoBenches = Boolean(package, "autobenches"),
            Build = package.Get("build") switch
            {
                TomlString script => PackageBuild.Script(script.Value),
                TomlBoolean enabled => PackageBuild.Auto(enabled.Value),
                _ => null,
            },
            Lib = root.Get("lib") is TomlTable lib ? Target(lib) : null,
            Bins = Targets(root, "bin"),
            Examples = Targets(root, "example"),
            Tests = Targets(root, "test"),
            Benches = Targets(root, "bench"),
        };
        try
        {
            TargetDiscovery.Discover(input);
        }
        catch (FerryException e)
        {
            throw new FerryException($"failed to parse manifest at `{path}`", e);
        }
    }

    private static bool? Boolean(TomlTable table, string key) => table.Get(key) is TomlBoolean b ? b.Value : null;

    private static TomlTarget Target(TomlTable table) => new()
    {
        Name = table.Get("name") is TomlString n ? n.Value : null,
        Path = table.Get("path") is TomlString p ? p.Value : null,
    };

    private static System.Collections.Immutable.ImmutableArray<TomlTarget>? Targets(TomlTable root, string key) =>
        root.Get(key) is TomlArrayOfTables tables ? [.. tables.Select(Target)] : null;
}
