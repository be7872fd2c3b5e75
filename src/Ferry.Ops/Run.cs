using System.Diagnostics;
using System.Text;
using Ferry.Build.Execution;
using Ferry.Build.Rustc;
using Ferry.Build.Selection;
using Ferry.Core.Configuration;
using Ferry.Core.Identity;
using Ferry.Core.Manifest;
using Ferry.Core.Manifest.Targets;
using Ferry.Ops.Compile;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops;

/// <summary>
/// <c>ferry run</c> (Cargo's <c>ops::run</c>): exactly one binary or example of the selected package
/// (<c>default-run</c> when there are several), built like <c>build</c>, then started from the working
/// directory with the arguments after <c>--</c>, through <c>target.*.runner</c> if one is configured,
/// with the environment Cargo gives programs it runs. Returns the command; the caller replaces the
/// process with it.
/// </summary>
public static class Run
{
    public static async Task<ProcessCommand> PrepareAsync(
        GlobalContext gctx,
        IManifestEnvironment environment,
        IBuildShell shell,
        CompileOptions options,
        IReadOnlyList<string> programArgs,
        bool targetFlagGiven,
        Stopwatch started,
        CancellationToken cancellationToken)
    {
        if (options.Packages.FirstOrDefault(p => p.IndexOfAny(['*', '?', '[', ']']) >= 0) is { } pattern)
        {
            throw new FerryException($"`ferry run` does not support glob pattern `{pattern}` on package selection");
        }

        var workspace = WorkspaceArgs.Workspace(options.ManifestPath, environment);
        var packages = SelectedMembers(workspace, options, gctx.Cwd);
        if (!options.BareFlags.IsEmpty)
        {
            // `--example` / `--bin` without a name list what there is (Cargo's check_optional_opts).
            AvailableTargets.Check(workspace, options.BareFlags, packages);
        }

        if (!targetFlagGiven)
        {
            var defaultRuns = packages.Select(p => p.DefaultRun).OfType<string>().ToList();
            options = options with
            {
                Filter = defaultRuns.Count == 1
                    ? CompileFilter.SingleBin(defaultRuns[0])
                    : CompileFilter.Default with { RequiredFeaturesFilterable = false },
            };
        }

        var filter = options.Filter;
        if (filter.ContainsGlobPatterns)
        {
            throw new FerryException("`ferry run` does not support glob patterns on target selection");
        }

        var bins = packages
            .SelectMany(p => p.Targets.Where(t => !t.IsLib && !t.IsCustomBuild && (filter.IsSpecific ? TargetRun(filter, t) : t.IsBin)).Select(t => (Package: p, Target: t)))
            .ToList();
        if (bins.Count == 0 && !filter.IsSpecific)
        {
            throw new FerryException("a bin target must be available for `ferry run`");
        }

        if (bins.Count == 1 && bins[0].Target.Kind == TargetKind.ExampleLib)
        {
            throw new FerryException($"example target `{bins[0].Target.Name}` is a library and cannot be executed");
        }

        if (bins.Count > 1)
        {
            if (!filter.IsSpecific)
            {
                var names = bins.Select(b => b.Target.Name).Order(StringComparer.Ordinal);
                throw new FerryException(
                    "`ferry run` could not determine which binary to run. Use the `--bin` option to specify a binary, or the `default-run` manifest key.\n" +
                    $"available binaries: {string.Join(", ", names)}");
            }

            var message = new StringBuilder("`ferry run` can run at most one executable, but multiple were specified\nhelp: available targets:");
            foreach (var (package, target) in bins)
            {
                message.Append($"\n    {target.KindDescription} `{target.Name}` in package `{package.Name}`");
            }

            throw new FerryException(message.ToString());
        }

        if (options.Targets.Length > 1)
        {
            throw new FerryException("only one `--target` argument is supported");
        }

        var outcome = await CompileWorkspace.RunAsync(gctx, environment, shell, options, started, cancellationToken).ConfigureAwait(false);
        var (unit, path) = outcome.Compilation.Binaries.Single();
        var exe = path;
        var cwd = gctx.Cwd;
        if (path.StartsWith(cwd + "/", StringComparison.Ordinal))
        {
            var relative = path[(cwd.Length + 1)..];
            exe = relative.Contains('/') ? relative : "./" + relative;
        }

        var runner = Runner(gctx, outcome.Context.TargetData, unit.Kind);
        var command = runner is { } r
            ? new ProcessCommand { Program = r.Program, Args = [.. r.Args, exe] }
            : new ProcessCommand { Program = exe };
        command = FillTargetEnv(command, outcome, unit, gctx);
        command = command.WithArgs(programArgs) with { Cwd = cwd, DisplayEnv = shell.Verbosity == Verbosity.VeryVerbose };
        shell.Status("Running", $"`{command}`");
        return command;
    }

    private static bool TargetRun(CompileFilter filter, Target target) => target.Kind switch
    {
        TargetKind.Bin => filter.Bins.Matches(target.Name),
        TargetKind.Test => filter.Tests.Matches(target.Name),
        TargetKind.Bench => filter.Benches.Matches(target.Name),
        TargetKind.ExampleBin or TargetKind.ExampleLib => filter.Examples.Matches(target.Name),
        TargetKind.Lib => filter.Lib != LibRule.False,
        _ => false,
    };

    /// <summary>Cargo's <c>Packages::get_packages</c> for run: members only.</summary>
    private static List<Manifest> SelectedMembers(Core.Workspaces.Workspace workspace, CompileOptions options, string cwd)
    {
        if (options.Packages.Length == 0)
        {
            return [.. workspace.DefaultMembers];
        }

        var specs = options.Packages.Select(p => (Text: p, Spec: PackageIdSpec.Parse(p, cwd))).ToList();
        var result = workspace.Members.Where(m => specs.Any(s => s.Spec.Matches(m.PackageId))).ToList();
        var missing = specs.Where(s => !workspace.Members.Any(m => s.Spec.Matches(m.PackageId))).Select(s => s.Text).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new FerryException($"package(s) `{string.Join(", ", missing)}` not found in workspace `{workspace.Root}`");
        }

        return result;
    }

    /// <summary>Cargo's <c>target_runner</c>: <c>target.TRIPLE.runner</c>, else the one matching <c>target.'cfg(..)'.runner</c>.</summary>
    internal static (string Program, IReadOnlyList<string> Args)? Runner(GlobalContext gctx, RustcTargetData targetData, Resolver.Features.CompileKind kind)
    {
        if (targetData.TargetConfig(kind).Runner is { } runner)
        {
            return (runner.Val.Path.ResolveProgram(gctx.Cwd), runner.Val.Args);
        }

        var matching = gctx.TargetCfgs.Where(c => c.Runner is not null && ExtraFlags.MatchesKey(c.Key, targetData.Cfgs(kind))).ToList();
        if (matching.Count > 1)
        {
            throw new FerryException(
                $"several matching instances of `target.'cfg(..)'.runner` in configurations\nfirst match `{matching[0].Key}` located in {matching[0].Runner!.Definition}\nsecond match `{matching[1].Key}` located in {matching[1].Runner!.Definition}");
        }

        return matching.Count == 1 ? (matching[0].Runner!.Val.Path.ResolveProgram(gctx.Cwd), matching[0].Runner!.Val.Args) : null;
    }

    /// <summary>Cargo's <c>fill_env</c> for a program it runs: the library path (build scripts' native dirs, outputs, sysroot), <c>CARGO</c>, <c>CARGO_PKG_*</c>, script env, <c>[env]</c>.</summary>
    internal static ProcessCommand FillTargetEnv(ProcessCommand command, CompileOutcome outcome, global::Ferry.Build.Units.Unit unit, GlobalContext gctx)
    {
        var compilation = outcome.Compilation;
        var layoutDest = Path.GetDirectoryName(compilation.DepsDirs[0])!;
        var search = new List<string>();
        search.AddRange(compilation.NativeDirs.Where(d => d.StartsWith(layoutDest, StringComparison.Ordinal)));
        search.Add(layoutDest);
        search.Add(compilation.DepsDirs[0]);
        search.Add(compilation.SysrootLibdir);
        if (gctx.Environment.Get("LD_LIBRARY_PATH") is { Length: > 0 } existing)
        {
            search.AddRange(existing.Split(':', StringSplitOptions.RemoveEmptyEntries));
        }

        command = command.WithEnv("LD_LIBRARY_PATH", string.Join(':', search));
        if (compilation.RunEnv.TryGetValue(unit, out var runEnv) && runEnv.FirstOrDefault(e => e.Name == "OUT_DIR") is { Name: not null } outDir)
        {
            command = command.WithEnv(outDir.Name, outDir.Value);
        }

        if (compilation.ScriptEnv.TryGetValue(unit, out var scriptEnv))
        {
            foreach (var (name, value) in scriptEnv)
            {
                command = command.WithEnv(name, value);
            }
        }

        return PackageProcessEnv(command, unit.Package, gctx);
    }

    /// <summary>
    /// The part of Cargo's <c>fill_env</c> every process it runs for a package gets (programs,
    /// tests, doctests): <c>CARGO</c>, the package variables, and <c>[env]</c> entries the
    /// command does not already set.
    /// </summary>
    internal static ProcessCommand PackageProcessEnv(ProcessCommand command, global::Ferry.Build.Units.BuildPackage package, GlobalContext gctx)
    {
        command = PackageEnv.Apply(command.WithEnv("CARGO", gctx.Environment.Get("CARGO") ?? Environment.ProcessPath ?? "ferry"), package);
        foreach (var (key, value) in CompileWorkspace.EnvConfig(gctx))
        {
            if (!command.HasEnv(key))
            {
                command = command.WithEnv(key, value);
            }
        }

        return command;
    }
}
