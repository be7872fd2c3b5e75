using System.Text;
using Ferry.Core.Configuration;
using Ferry.Core.Identity;
using Ferry.Core.Manifest;
using Ferry.Core.Workspaces;
using Ferry.Ops.Resolution;
using Ferry.Ops.Vendoring;
using Ferry.Sources.Cache;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops;

/// <summary>
/// <c>ferry vendor [DIR]</c> (Cargo's <c>ops::vendor</c>): resolve each workspace with its lockfile,
/// download every package of the resolve, and write every package that is not a path package into
/// <c>DIR/NAME</c> (or <c>DIR/NAME-VERSION</c> for older versions and with <c>--versioned-dirs</c>)
/// with a <c>.cargo-checksum.json</c>, so that a <c>directory</c> source replacing the original
/// sources builds offline. Prints the configuration that does the replacement, as Cargo does.
/// </summary>
/// <remarks>
/// Registry packages are extracted from their verified <c>.crate</c> (never copied from the cache
/// tree); <c>.cargo-checksum.json</c> records the archive's checksum and every file's, byte for byte
/// what Cargo 1.95 writes. Without <c>--respect-source-config</c> the <c>[source]</c> table is
/// ignored, so packages come from their original registries, as with Cargo.
/// </remarks>
public static class Vendor
{
    private const string MergedSourceName = "vendored-sources";

    public static async Task RunAsync(GlobalContext gctx, IManifestEnvironment environment, VendorOptions options, CancellationToken cancellationToken)
    {
        var shell = gctx.Shell;
        var loader = new ManifestLoader(environment);
        var workspaces = new List<Workspace>();
        foreach (var extra in options.Sync)
        {
            workspaces.Add(Workspace.Load(Path.GetFullPath(extra, environment.Cwd), loader));
        }

        workspaces.Add(WorkspaceArgs.Workspace(options.ManifestPath, environment, loader));

        var config = await SyncAsync(gctx, loader, workspaces, options, environment.Cwd, cancellationToken).ConfigureAwait(false);
        if (shell.Verbosity == Verbosity.Quiet)
        {
            return;
        }

        if (config.Count == 0)
        {
            shell.Raw("There is no dependency to vendor in this project.\n");
        }
        else
        {
            shell.Raw("To use vendored sources, add this to your .cargo/config.toml for this project:\n\n");
            shell.Out(ConfigText(config));
        }
    }

    private static async Task<SortedDictionary<string, VendorSource>> SyncAsync(
        GlobalContext gctx,
        ManifestLoader loader,
        List<Workspace> workspaces,
        VendorOptions options,
        string cwd,
        CancellationToken cancellationToken)
    {
        var given = Path.GetFullPath(options.Destination, cwd);
        var existed = Directory.Exists(given);

        // Cargo canonicalizes the directory when it exists and otherwise uses it as given; that
        // shows in the `Vendoring ... to DIR` lines.
        var vendorDir = existed ? Canonical(given) : options.Destination;
        var vendorFull = existed ? vendorDir : given;
        Directory.CreateDirectory(vendorFull);

        var toRemove = new HashSet<string>(StringComparer.Ordinal);
        if (!options.NoDelete)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(vendorFull))
            {
                if (!Path.GetFileName(entry).StartsWith('.'))
                {
                    toRemove.Add(Path.GetFullPath(entry));
                }
            }
        }

        var packages = new SortedDictionary<PackageId, (PackageSource Source, string? Checksum)>();
        foreach (var workspace in workspaces)
        {
            using var registry = WorkspaceResolver.CreateRegistry(gctx, loader, options.RespectSourceConfig);
            LockedResolveResult locked;
            try
            {
                locked = await LockedResolve.ResolveAsync(gctx, workspace, loader, registry, cancellationToken).ConfigureAwait(false);
            }
            catch (FerryException error)
            {
                throw Failed(new FerryException($"failed to load lockfile for {workspace.Root}", error));
            }

            var resolve = locked.Resolve;
            PackageSet set;
            try
            {
                set = await PackageSet.DownloadAsync(registry, resolve, resolve.Packages, PackageDownloadOptions.Default, cancellationToken).ConfigureAwait(false);
            }
            catch (FerryException error)
            {
                throw Failed(new FerryException($"failed to download packages for {workspace.Root}", error));
            }

            foreach (var id in resolve.Packages)
            {
                if (id.Source.IsPath)
                {
                    // Path packages are already in the repository; and never delete real source code.
                    toRemove.Remove(Canonical(id.Source.LocalPath));
                    continue;
                }

                packages[id] = (set[id], resolve.Checksums.GetValueOrDefault(id));
            }
        }

        var versions = new Dictionary<string, SortedDictionary<Version, SourceId>>(StringComparer.Ordinal);
        foreach (var id in packages.Keys)
        {
            if (!versions.TryGetValue(id.Name, out var map))
            {
                map = [];
                versions[id.Name] = map;
            }

            if (map.TryGetValue(id.Version, out var previous))
            {
                throw Failed(new FerryException(
                    $"found duplicate version of package `{id.Name} v{id.Version}` vendored from two sources:\n\n\tsource 1: {previous}\n\tsource 2: {id.Source}"));
            }

            map[id.Version] = id.Source;
        }

        var sources = new SortedSet<SourceId>();
        try
        {
            await CopyAllAsync(gctx, packages, versions, sources, toRemove, options, vendorDir, vendorFull, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw Failed(new FerryException(error.Message, error));
        }

        foreach (var path in toRemove)
        {
            if (Directory.Exists(path) && (new DirectoryInfo(path).Attributes & FileAttributes.ReparsePoint) == 0)
            {
                Directory.Delete(path, recursive: true);
            }
            else if (File.Exists(path) || Directory.Exists(path))
            {
                File.Delete(path);
            }
        }

        var config = new SortedDictionary<string, VendorSource>(Comparer<string>.Create(JsonText.Utf8Compare));
        foreach (var source in sources)
        {
            var name = source.IsCratesIo ? SourceId.CratesIoRegistryName : source.WithPrecise(null).ToUrlString();
            config[name] = source switch
            {
                { IsCratesIo: true } => new VendorSource(null, null, null, null, null, null),
                { Kind: SourceKind.Registry or SourceKind.SparseRegistry } => new VendorSource(null, source.Url.ToString(), null, null, null, null),
                { Kind: SourceKind.Git } => new VendorSource(
                    null,
                    null,
                    source.Url.ToString(),
                    source.Git?.Kind == GitReferenceKind.Branch ? source.Git.Value : null,
                    source.Git?.Kind == GitReferenceKind.Tag ? source.Git.Value : null,
                    source.Git?.Kind == GitReferenceKind.Rev ? source.Git.Value : null),
                _ => throw Failed(new FerryException($"cannot vendor packages of {source}: only registry and git packages can be replaced by a directory")),
            };
        }

        if (config.Count > 0)
        {
            config[MergedSourceName] = new VendorSource(options.Destination.Replace('\\', '/'), null, null, null, null, null);
        }
        else if (!existed)
        {
            Directory.Delete(vendorFull);
        }

        return config;
    }

    private static async Task CopyAllAsync(
        GlobalContext gctx,
        SortedDictionary<PackageId, (PackageSource Source, string? Checksum)> packages,
        Dictionary<string, SortedDictionary<Version, SourceId>> versions,
        SortedSet<SourceId> sources,
        HashSet<string> toRemove,
        VendorOptions options,
        string vendorDir,
        string vendorFull,
        CancellationToken cancellationToken)
    {
        // The archives are read from the cache: hold its lock so nothing replaces one meanwhile.
        using var cacheLock = await PackageCacheLock.AcquireAsync(new PackageCacheLayout(gctx.CargoHome), gctx.Shell, cancellationToken).ConfigureAwait(false);
        foreach (var (id, (package, checksum)) in packages)
        {
            var maxVersion = versions[id.Name].Keys.Last();
            var versioned = options.VersionedDirs || id.Version != maxVersion;
            var name = versioned ? $"{id.Name}-{id.Version}" : id.Name;
            sources.Add(id.Source);
            var destination = Path.Combine(vendorFull, name);
            toRemove.Remove(Path.GetFullPath(destination));
            var checksumFile = Path.Combine(destination, ".cargo-checksum.json");

            // Registry versions never change: an existing versioned directory is kept.
            if (versioned && id.Source.IsRegistry && File.Exists(checksumFile))
            {
                continue;
            }

            gctx.Shell.Status("Vendoring", $"{id} ({package.Root}) to {Path.Combine(vendorDir, name)}");
            if (Directory.Exists(destination))
            {
                Directory.Delete(destination, recursive: true);
            }

            IReadOnlyDictionary<string, string> files;
            if (package.Kind == PackageSourceKind.Registry && package.CrateFile is { } crateFile)
            {
                var bytes = await File.ReadAllBytesAsync(crateFile, cancellationToken).ConfigureAwait(false);
                var actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
                if (actual != checksum)
                {
                    throw new FerryException($"the archive of `{id}` changed since it was verified (`{crateFile}`: expected {checksum}, found {actual})");
                }

                files = await VendorCopy.ExtractAsync(bytes, $"{id.Name}-{id.Version}", destination, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                files = VendorCopy.Copy(package.Root, destination, skipNestedPackages: package.Kind == PackageSourceKind.Git);
            }

            Util.IO.AtomicFile.WriteAllText(checksumFile, VendorCopy.ChecksumJson(files, checksum));
        }
    }

    /// <summary>The <c>[source]</c> tables, as <c>toml::to_string_pretty</c> writes Cargo's <c>VendorConfig</c>.</summary>
    private static string ConfigText(SortedDictionary<string, VendorSource> config)
    {
        var text = new StringBuilder();
        foreach (var (name, source) in config)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append("[source.").Append(Core.Configuration.TomlText.Key(name)).Append("]\n");
            if (source.Directory is { } directory)
            {
                Value(text, "directory", directory);
                continue;
            }

            if (source.Registry is { } registry)
            {
                Value(text, "registry", registry);
            }

            if (source.Git is { } git)
            {
                Value(text, "git", git);
                if (source.Branch is { } branch)
                {
                    Value(text, "branch", branch);
                }

                if (source.Tag is { } tag)
                {
                    Value(text, "tag", tag);
                }

                if (source.Rev is { } rev)
                {
                    Value(text, "rev", rev);
                }
            }

            Value(text, "replace-with", MergedSourceName);
        }

        return text.ToString();
    }

    private static void Value(StringBuilder text, string key, string value) =>
        text.Append(key).Append(" = ").Append(Core.Configuration.TomlText.String(value)).Append('\n');

    private static FerryException Failed(FerryException error) => new("failed to sync", error);

    private static string Canonical(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            var info = new DirectoryInfo(full);
            return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full;
        }
    }

    private sealed record VendorSource(string? Directory, string? Registry, string? Git, string? Branch, string? Tag, string? Rev);
}
