using Ferry.Sources.Cache;
using System.Globalization;
using Ferry.Build.Profiles;
using Ferry.Build.Rustc;
using Ferry.Core.Configuration;
using Ferry.Core.Identity;
using Ferry.Core.Manifest;
using Ferry.Core.Manifest.Targets;
using Ferry.Ops.Compile;
using Ferry.Ops.Resolution;
using Ferry.Util.Diagnostics;
using Ferry.Util.Text;

namespace Ferry.Ops;

/// <summary>
/// <c>ferry clean</c> (Cargo's <c>cargo_clean</c>): removes the target directory (or one profile's
/// directory, or <c>doc/</c>), or with <c>-p</c> only the named packages' outputs — fingerprints,
/// build script directories, artifacts with their hashed and uplifted names, dep-info and
/// incremental state — then prints <c>Removed N files, X.YMiB total</c>.
/// </summary>
public static class Clean
{
    private const string AbortNote = "cleaning has been aborted to prevent accidental deletion of unrelated files";

    public static async Task RunAsync(GlobalContext gctx, IManifestEnvironment environment, IBuildShell shell, CleanOptions options, CancellationToken cancellationToken)
    {
        var loader = new ManifestLoader(environment);
        var workspace = WorkspaceArgs.Workspace(options.ManifestPath, environment, loader);
        var targetDir = gctx.TargetDir() ?? workspace.TargetDir;
        if (File.Exists(targetDir))
        {
            throw new FerryException($"cannot clean `{targetDir}`: not a directory\n  |\n  = note: {AbortNote}");
        }

        if (options.ExplicitTargetDir && Directory.Exists(targetDir) && ValidateTag(targetDir) is { } tagError)
        {
            throw new FerryException($"cannot clean `{targetDir}`: {tagError}\n  |\n  = note: {AbortNote}");
        }

        var context = new Context(shell, options.DryRun);
        if (options.Doc)
        {
            if (!options.Packages.IsEmpty)
            {
                throw new FerryException("--doc cannot be used with -p");
            }

            var docs = options.Targets.IsEmpty
                ? [Path.Combine(targetDir, "doc")]
                : options.Targets.Select(t => Path.Combine(targetDir, ShortName(t), "doc")).ToList();
            foreach (var path in docs)
            {
                context.Remove(path);
            }
        }
        else
        {
            var profiles = ProfileSet.Create(workspace.Profiles, gctx, options.Profile, string.Empty);
            var specs = options.Packages.ToList();
            if (options.Workspace)
            {
                specs.AddRange(workspace.Members.Select(m => m.Name));
            }

            if (specs.Count == 0)
            {
                context.Remove(options.ProfileSpecified ? Path.Combine(targetDir, profiles.DirName) : targetDir);
            }
            else
            {
                await CleanSpecsAsync(gctx, shell, workspace, loader, context, targetDir, profiles.DirName, options.Targets, specs, cancellationToken).ConfigureAwait(false);
            }
        }

        context.Summary();
    }

    private static string ShortName(string triple) => triple.EndsWith(".json", StringComparison.Ordinal) ? Path.GetFileNameWithoutExtension(triple) : triple;

    private static string? ValidateTag(string targetDir)
    {
        var tag = Path.Combine(targetDir, "CACHEDIR.TAG");
        var info = new FileInfo(tag);
        if (info.LinkTarget is not null)
        {
            return "expect `CACHEDIR.TAG` to be a regular file, got a symlink";
        }

        if (!info.Exists)
        {
            return "missing or invalid `CACHEDIR.TAG` file";
        }

        const string Signature = "Signature: 8a477f597d28d172789f06886806bc55";
        var bytes = File.ReadAllBytes(tag);
        return bytes.Length >= Signature.Length && System.Text.Encoding.ASCII.GetString(bytes, 0, Signature.Length) == Signature
            ? null
            : "invalid signature in `CACHEDIR.TAG` file";
    }

    private static async Task CleanSpecsAsync(
        GlobalContext gctx,
        IShell shell,
        Core.Workspaces.Workspace workspace,
        ManifestLoader loader,
        Context context,
        string targetDir,
        string profileDir,
        IReadOnlyList<string> targets,
        IReadOnlyList<string> specs,
        CancellationToken cancellationToken)
    {
        using var registry = WorkspaceResolver.CreateRegistry(gctx, loader);
        var resolver = new WorkspaceResolver(workspace, loader, gctx, registry);
        var resolve = await resolver.ResolveWithPreviousAsync(resolver.LoadPrevious(), new WorkspaceResolveOptions(), cancellationToken).ConfigureAwait(false);
        var probe = new RustcProbe(gctx, gctx.Environment.Variables, CompileWorkspace.EnvConfig(gctx));
        var data = await probe.ProbeAsync(targetDir, targets, cancellationToken).ConfigureAwait(false);
        var hostDest = Path.Combine(targetDir, profileDir);
        var layouts = data.CrossCompiling
            ? data.RequestedKinds.Select(k => (Kind: k, Dest: Path.Combine(targetDir, ShortName(k.Triple!), profileDir))).ToList()
            : [(Kind: data.RequestedKinds[0], Dest: hostDest)];
        var layoutsWithHost = layouts.Select(l => l.Dest).Prepend(hostDest).Distinct().ToList();

        var ids = new List<PackageId>();
        foreach (var text in specs)
        {
            var spec = PackageIdSpec.Parse(text, gctx.Cwd);
            if (spec.Version is not null)
            {
                shell.Warn($"version qualifier in `-p {text}` is ignored, cleaning all versions of `{spec.Name}` found");
            }

            if (spec.Url is not null)
            {
                shell.Warn($"url qualifier in `-p {text}` ignored, cleaning all versions of `{spec.Name}` found");
            }

            var matches = resolve.Packages.Where(id => id.Name == spec.Name).OrderBy(id => id).ToList();
            if (matches.Count == 0)
            {
                var suggestion = EditDistance.Closest(spec.Name, resolve.Packages.Select(p => p.Name)) is { } similar
                    ? $"\n\nhelp: a package with a similar name exists: `{similar}`"
                    : string.Empty;
                throw new FerryException($"package ID specification `{spec}` did not match any packages{suggestion}");
            }

            ids.AddRange(matches);
        }

        var toRemove = new DirectoriesToClean();
        foreach (var id in ids)
        {
            var manifest = PackageManifest(gctx, workspace, loader, id);
            foreach (var dest in layoutsWithHost)
            {
                toRemove.Mark(Path.Combine(dest, ".fingerprint"), name => name.LastIndexOf('-') is var dash and > 0 && name[..dash] == id.Name);
            }

            foreach (var target in manifest?.Targets ?? [])
            {
                if (target.IsCustomBuild)
                {
                    foreach (var dest in layoutsWithHost)
                    {
                        toRemove.Mark(Path.Combine(dest, "build"), name => name.LastIndexOf('-') is var dash and > 0 && name[..dash] == id.Name);
                    }

                    continue;
                }

                var crateName = target.Name.Replace('-', '_');
                foreach (var (kind, dest) in layouts)
                {
                    var info = data.Info(kind);
                    var (dir, upliftDir) = target.Kind switch
                    {
                        TargetKind.ExampleBin or TargetKind.ExampleLib => (Path.Combine(dest, "examples"), Path.Combine(dest, "examples")),
                        TargetKind.Test or TargetKind.Bench => (Path.Combine(dest, "deps"), (string?)null),
                        _ => (Path.Combine(dest, "deps"), dest),
                    };
                    foreach (var (prefix, suffix, replaceHyphens) in FileTypes(info, target))
                    {
                        var hashedPrefix = $"{prefix}{crateName}-";
                        var unhashed = $"{prefix}{crateName}{suffix}";
                        toRemove.Mark(dir, name => (name.StartsWith(hashedPrefix, StringComparison.Ordinal) && name.EndsWith(suffix, StringComparison.Ordinal)) || name == unhashed);
                        if (upliftDir is not null)
                        {
                            var uplifted = Path.Combine(upliftDir, prefix + (target.BinaryFilename ?? (replaceHyphens ? crateName : target.Name)) + suffix);
                            context.Remove(uplifted);
                            context.Remove(Path.ChangeExtension(uplifted, ".d"));
                        }
                    }

                    toRemove.Mark(dir, name => name == $"{crateName}.d");
                    toRemove.Mark(dir, name => name.StartsWith($"{crateName}-", StringComparison.Ordinal)
                        ? name.EndsWith(".d", StringComparison.Ordinal)
                        : name.StartsWith($"{crateName}.", StringComparison.Ordinal) && (name.EndsWith(".o", StringComparison.Ordinal) || name.EndsWith(".dwo", StringComparison.Ordinal) || name.EndsWith(".dwp", StringComparison.Ordinal)));
                    toRemove.Mark(Path.Combine(dest, "incremental"), name => name.StartsWith($"{crateName}-", StringComparison.Ordinal));
                }
            }
        }

        foreach (var path in toRemove.ToRemove)
        {
            context.Remove(path);
        }
    }

    /// <summary>The file name parts of a target's outputs in build, test and check modes (Cargo's <c>rustc_outputs</c>).</summary>
    private static IEnumerable<(string Prefix, string Suffix, bool ReplaceHyphens)> FileTypes(TargetInfo info, Target target)
    {
        var seen = new HashSet<(string, string, bool)>();
        foreach (var crateType in target.CrateTypes.Append("bin"))
        {
            if (crateType == "bin" && !target.IsBin && !target.IsTest && !target.IsBench && target.Kind != TargetKind.ExampleBin && !target.Tested)
            {
                continue;
            }

            if (info.Files(crateType) is { } files)
            {
                var normalized = crateType == "lib" ? "rlib" : crateType;
                if (seen.Add((files.Prefix, files.Suffix, normalized != "bin")))
                {
                    yield return (files.Prefix, files.Suffix, normalized != "bin");
                }

                if (normalized is "bin" or "dylib" or "cdylib" or "proc-macro" && seen.Add((files.Prefix, files.Suffix + ".dwp", normalized != "bin")))
                {
                    yield return (files.Prefix, files.Suffix + ".dwp", normalized != "bin");
                }
            }
        }

        if (seen.Add(("lib", ".rmeta", true)))
        {
            yield return ("lib", ".rmeta", true);
        }
    }

    private static Manifest? PackageManifest(GlobalContext gctx, Core.Workspaces.Workspace workspace, ManifestLoader loader, PackageId id)
    {
        try
        {
            if (id.Source.Kind == SourceKind.Path)
            {
                var path = Path.Combine(id.Source.LocalPath, "Cargo.toml");
                return workspace.Loaded.TryGetValue(path, out var loaded) && loaded is Manifest manifest ? manifest : loader.ReadPackage(path);
            }

            var directory = new PackageCacheLayout(gctx.CargoHome).SourceDirectory(id.Source, id.Name, id.Version);
            return File.Exists(Path.Combine(directory, "Cargo.toml")) ? loader.ReadPackage(Path.Combine(directory, "Cargo.toml")) : null;
        }
        catch (FerryException)
        {
            return null;
        }
    }

    /// <summary>Cargo's <c>DirectoriesToClean</c>: directory listings read once, entries marked for removal.</summary>
    private sealed class DirectoriesToClean
    {
        private readonly Dictionary<string, List<string>> _contents = new(StringComparer.Ordinal);

        public List<string> ToRemove { get; } = [];

        public void Mark(string directory, Func<string, bool> shouldRemove)
        {
            if (!_contents.TryGetValue(directory, out var entries))
            {
                if (!Directory.Exists(directory))
                {
                    return;
                }

                entries = [.. Directory.EnumerateFileSystemEntries(directory).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal)];
                _contents[directory] = entries;
            }

            entries.RemoveAll(name =>
            {
                if (!shouldRemove(name))
                {
                    return false;
                }

                ToRemove.Add(Path.Combine(directory, name));
                return true;
            });
        }
    }

    /// <summary>Removes paths and counts what went (Cargo's <c>CleanContext</c>).</summary>
    private sealed class Context
    {
        private readonly IShell _shell;
        private readonly bool _dryRun;
        private long _files;
        private long _directories;
        private long _bytes;

        public Context(IShell shell, bool dryRun)
        {
            _shell = shell;
            _dryRun = dryRun;
        }

        public void Remove(string path)
        {
            FileSystemInfo info = Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null ? new DirectoryInfo(path) : new FileInfo(path);
            if (!info.Exists && info is FileInfo { LinkTarget: null })
            {
                return;
            }

            if (!_dryRun && _shell.Verbosity >= Verbosity.Verbose)
            {
                _shell.Status("Removing", path);
            }

            if (info is not DirectoryInfo directory)
            {
                RemoveFile((FileInfo)info);
                return;
            }

            foreach (var entry in Walk(directory))
            {
                if (_dryRun && _shell.Verbosity >= Verbosity.Verbose)
                {
                    _shell.Out(entry.FullName + "\n");
                }

                if (entry is DirectoryInfo dir)
                {
                    _directories++;
                    if (!_dryRun)
                    {
                        dir.Delete(recursive: true);
                    }
                }
                else
                {
                    RemoveFile((FileInfo)entry);
                }
            }
        }

        private void RemoveFile(FileInfo file)
        {
            _bytes += file.LinkTarget is null ? file.Length : 0;
            _files++;
            if (!_dryRun)
            {
                file.Delete();
            }
        }

        /// <summary>Contents first, then the directory itself (walkdir's <c>contents_first</c>).</summary>
        private static IEnumerable<FileSystemInfo> Walk(DirectoryInfo directory)
        {
            foreach (var entry in directory.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                if (entry is DirectoryInfo sub && sub.LinkTarget is null)
                {
                    foreach (var inner in Walk(sub))
                    {
                        yield return inner;
                    }
                }
                else
                {
                    yield return entry;
                }
            }

            yield return directory;
        }

        public void Summary()
        {
            var status = _dryRun ? "Summary" : "Removed";
            var bytes = _bytes == 0 ? string.Empty : $", {ByteSize.Human(_bytes)} total";
            var count = (_files, _directories) switch
            {
                (0, 0) => "0 files",
                (0, 1) => "1 directory",
                (0, _) => $"{_directories} directories",
                (1, _) => "1 file",
                _ => $"{_files} files",
            };
            _shell.Status(status, count + bytes);
            if (_dryRun)
            {
                _shell.Warn("no files deleted due to --dry-run");
            }
        }
    }
}
