using System.Globalization;
using Ferry.Core.Configuration;
using Ferry.Core.Identity;
using Ferry.Core.Manifest;
using Ferry.Ops.Resolution;
using Ferry.Ops.Trees;
using Ferry.Resolver;
using Ferry.Resolver.Features;
using Ferry.Sources.Cache;
using Ferry.Util.Diagnostics;
using Ferry.Util.Text;

namespace Ferry.Ops;

/// <summary>
/// <c>ferry tree</c>: the dependency graph as Cargo 1.95's <c>cargo tree</c> prints it. The flags
/// are checked in the order Cargo's command checks them (so the first error is the same), then the
/// workspace is resolved with its lockfile and features for the requested platforms, the graph is
/// built, cut down and turned around as asked, and printed.
/// </summary>
public static class Tree
{
    /// <summary>Runs the command; returns what goes to stdout.</summary>
    public static async Task<string> RunAsync(GlobalContext gctx, IManifestEnvironment environment, TreeOptions options, CancellationToken cancellationToken)
    {
        var shell = gctx.Shell;
        var prefixText = options.Prefix;
        if (options.NoIndent)
        {
            shell.Warn("the --no-indent flag has been changed to --prefix=none");
            prefixText = "none";
        }
        else if (options.PrefixDepth)
        {
            shell.Warn("the --prefix-depth flag has been changed to --prefix=depth");
            prefixText = "depth";
        }

        var prefix = prefixText switch
        {
            "none" => TreePrefix.None,
            "depth" => TreePrefix.Depth,
            "indent" => TreePrefix.Indent,
            _ => throw new FerryException("invalid prefix"),
        };

        var noDedupe = options.NoDedupe || options.All;
        if (options.All)
        {
            shell.Warn("the `cargo tree` --all flag has been changed to --no-dedupe, and may be removed in a future version\n"
                + "  |\n  = help: if you are looking to display all workspace members, use the --workspace flag");
        }

        IReadOnlyList<string> targets;
        if (options.AllTargets)
        {
            shell.Warn("the --all-targets flag has been changed to --target=all");
            targets = ["all"];
        }
        else
        {
            if (options.TargetWithoutValue)
            {
                var list = gctx.Environment.Get("RUSTUP_HOME") is not null ? "rustup target list" : "rustc --print target-list";
                throw new FerryException($"\"--target\" takes a target architecture as an argument.\n\nRun `{list}` to see possible targets.");
            }

            targets = options.Targets;
        }

        var allTargets = targets is ["all"];
        var edges = TreeEdgeSelection.Parse(options.Edges, options.NoDevDependencies, gctx.Cli.Unstable.Contains("unstable-options"), shell);
        var (maxDepth, workspaceOnly) = ParseDepth(options.Depth);
        var selection = PackageSelection.FromFlags(options.Workspace || options.All, options.Exclude, options.Packages);
        var invert = options.Invert.ToList();
        if (options.InvertWithoutValue)
        {
            if (selection.Kind == PackageSelectionKind.Packages)
            {
                // The old `cargo tree -i -p foo` syntax.
                invert.AddRange(selection.Values);
            }
            else
            {
                throw new FerryException(
                    "The `-i` flag requires a package name.\n\n"
                    + "The `-i` flag is used to inspect the reverse dependencies of a specific\n"
                    + "package. It will invert the tree and display the packages that depend on the\n"
                    + "given package.\n\n"
                    + "Note that in a workspace, by default it will only display the package's\n"
                    + "reverse dependencies inside the tree of the workspace member in the current\n"
                    + "directory. The --workspace flag can be used to extend it so that it will show\n"
                    + "the package's reverse dependencies across the entire workspace. The -p flag\n"
                    + "can be used to display the package's reverse dependencies only with the\n"
                    + "subtree of the package given to -p.\n");
            }
        }

        // rustc is slow to start: ask it now, and look at the answer where Cargo would have asked.
        var rustc = new RustcTargetInfo(gctx, gctx.Cwd);
        var requested = allTargets || targets.Count == 0 ? [.. rustc.ConfiguredTargets()] : targets;
        var targetDataTask = rustc.TargetDataAsync(requested, allTargets, cancellationToken);
        _ = targetDataTask.ContinueWith(task => task.Exception, TaskScheduler.Default);

        var loader = new ManifestLoader(environment);
        var workspace = WorkspaceArgs.Workspace(options.ManifestPath, environment, loader);
        if (options.PackageWithoutValue && options.Packages.Count == 0)
        {
            throw new FerryException(PackageSelection.AvailablePackages(workspace));
        }

        var cliFeatures = CliFeatures.FromCommandLine(options.Features, options.AllFeatures, !options.NoDefaultFeatures);
        if (edges.Features && options.Duplicates)
        {
            throw new FerryException("the `-e features` flag does not support `--duplicates`");
        }

        // Cargo's `build_and_print` from here on.
        IReadOnlyList<SelectedSpec> specs;
        try
        {
            specs = selection.ToSpecs(workspace, shell);
        }
        catch (FerryException)
        {
            // Cargo asks rustc before it looks at the specs.
            await targetDataTask.ConfigureAwait(false);
            throw;
        }

        var hasDev = edges.Includes(Core.Dependencies.DependencyKind.Development) ? HasDevUnits.Yes : HasDevUnits.No;
        var forceAll = allTargets ? ForceAllTargets.Yes : ForceAllTargets.No;

        using var registry = WorkspaceResolver.CreateRegistry(gctx, loader);
        var packages = new PackageManifests(
            PathPackages.Collect(workspace, loader),
            new RegistryPackageDownloader(registry, loader, new PackageDownloadOptions { VerifyExtracted = false }) { TrustExtracted = true });
        var resolved = await WorkspaceResolution.ResolveAsync(
            gctx, workspace, loader, registry, packages, targetDataTask, cliFeatures, specs, hasDev, forceAll, cancellationToken).ConfigureAwait(false);
        var targeted = resolved.Targeted;
        var targetData = resolved.TargetData;
        var graph = TreeGraphBuilder.Build(targeted, resolved.Features, resolved.Members, targetData, packages, edges, allTargets);

        var ids = targeted.Packages.Order().ToList();
        var rootSpecs = invert.Count == 0
            ? specs
            : invert.Select(value => SelectedSpec.Of(PackageIdSpec.Parse(value))).ToList();
        var rootIds = rootSpecs.Select(spec => spec.Query(ids)).ToHashSet();
        var roots = graph.IndexesFromIds(rootIds);
        if (options.Duplicates)
        {
            // `-d -p foo` only shows duplicates within foo's subtree.
            graph = graph.FromReachable(roots);
            roots = graph.FindDuplicates();
        }

        if (invert.Count != 0 || options.Duplicates)
        {
            graph.Invert();
        }

        var prune = new List<Func<PackageId, bool>>();
        foreach (var value in options.Prune)
        {
            var spec = PackageIdSpec.Parse(value);

            // Naming a package that is not in the graph is an error, as in Cargo.
            spec.Query(ids);
            prune.Add(spec.Matches);
        }

        if (roots.Count == 0)
        {
            shell.Warn("nothing to print.\n\n"
                + "To find dependencies that require specific target platforms, try to use option `--target all` first, and then narrow your search scope accordingly.");
            return string.Empty;
        }

        TreeFormat format;
        try
        {
            format = TreeFormat.Parse(options.Format);
        }
        catch (FerryException error)
        {
            throw new FerryException($"tree format `{options.Format}` not valid", error);
        }

        var memberIds = workspace.Members.Select(m => m.PackageId).ToHashSet();
        var infos = new Dictionary<PackageId, TreePackageInfo>();
        TreePackageInfo Info(PackageId id)
        {
            if (!infos.TryGetValue(id, out var info))
            {
                var manifest = packages.Get(id);
                var lib = manifest?.Targets.FirstOrDefault(t => t.IsLib);
                info = new TreePackageInfo(
                    packages.HasAnyProcMacro(id),
                    manifest?.Metadata.License,
                    manifest?.Metadata.Repository,
                    lib?.Name.Replace('-', '_'));
                infos[id] = info;
            }

            return info;
        }

        var text = TreePrinter.Print(graph, roots, format, Info, prune, memberIds.Contains, new TreePrintOptions
        {
            Prefix = prefix,
            NoDedupe = noDedupe,
            MaxDepth = maxDepth,
            WorkspaceOnly = workspaceOnly,
            Unicode = options.Unicode,
            Color = options.Color,
        });
        return options.Color ? text : TerminalText.Strip(text);
    }

    /// <summary><c>--depth</c>: a <c>u32</c> as Rust parses it, or <c>workspace</c>.</summary>
    private static (long MaxDepth, bool WorkspaceOnly) ParseDepth(string? depth)
    {
        if (depth is null)
        {
            return (uint.MaxValue, false);
        }

        if (depth == "workspace")
        {
            return (uint.MaxValue, true);
        }

        var digits = depth.StartsWith('+') ? depth[1..] : depth;
        if (digits.Length > 0 && digits.All(char.IsAsciiDigit)
            && uint.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return (value, false);
        }

        throw new RawUsageException($"supported values for --depth are non-negative integers and `workspace`, but `{depth}` is unknown");
    }
}
