using Ferry.Core.Configuration;
using Ferry.Core.Manifest;
using Ferry.Ops.Resolution;
using Ferry.Sources.Cache;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops;

/// <summary>
/// <c>ferry verify</c>: re-checks the package cache of <c>$CARGO_HOME</c> — every cached
/// <c>.crate</c> against the checksum the workspace's Cargo.lock (when run in one) or the cached
/// index records, every extracted tree against its digest and its archive — and reports tampered,
/// partial and leftover entries. Read-only unless <c>--repair</c>: a check that quietly rewrote the
/// cache would hide the evidence of tampering, so fixing is a separate, explicit step. Fails (exit
/// 101) while anything found is not repaired.
/// </summary>
public static class VerifyCache
{
    public static async Task RunAsync(GlobalContext gctx, IManifestEnvironment environment, string? manifestPath, bool repair, CancellationToken cancellationToken)
    {
        var layout = new PackageCacheLayout(gctx.CargoHome);
        var known = KnownChecksums(gctx, environment, manifestPath);
        var shell = gctx.Shell;
        var registryRoot = Path.Combine(gctx.CargoHome, "registry");
        var report = await PackageCacheVerifier.VerifyAsync(layout, known, new CacheVerifyOptions { Repair = repair }, shell, cancellationToken).ConfigureAwait(false);
        foreach (var problem in report.Problems)
        {
            shell.StatusWarn(Title(problem.Kind), $"{problem.Path}: {problem.Detail}");
            if (problem.Repair is { } done)
            {
                shell.Status("Repaired", $"{problem.Path}: {done}");
            }
        }

        foreach (var path in report.Unverifiable)
        {
            shell.Note($"no checksum is known for `{path}` (neither Cargo.lock nor the cached index lists it); it was not checked");
        }

        var summary = $"{report.Archives} {Plural(report.Archives, "archive")} and {report.Trees} source {Plural(report.Trees, "tree")} in `{registryRoot}`";
        var repaired = report.Damaged - report.Unrepaired;
        summary += report.Damaged == 0
            ? ": no problems"
            : $": {report.Damaged} {Plural(report.Damaged, "problem")}" + (repair ? $", {repaired} repaired" : string.Empty);
        if (report.Leftovers > 0)
        {
            var removed = report.Problems.Count(p => p.Kind == CacheProblemKind.Leftover && p.Repair is not null);
            summary += $" ({report.Leftovers} {Plural(report.Leftovers, "leftover")} of stopped processes" + (repair ? $", {removed} removed)" : ", harmless; `--repair` removes them)");
        }

        shell.Status("Verified", summary);
        if (report.Unrepaired > 0)
        {
            throw new FerryException(
                repair
                    ? $"{report.Unrepaired} {Plural(report.Unrepaired, "problem")} in the package cache could not be repaired"
                    : $"the package cache has {report.Unrepaired} {Plural(report.Unrepaired, "problem")}; run `ferry verify --repair` to fix {(report.Unrepaired == 1 ? "it" : "them")}");
        }
    }

    private static string Title(CacheProblemKind kind) => kind switch
    {
        CacheProblemKind.TamperedArchive => "Tampered",
        CacheProblemKind.ModifiedSources => "Modified",
        CacheProblemKind.ForeignSources => "Foreign",
        CacheProblemKind.PartialSources => "Partial",
        _ => "Leftover",
    };

    private static string Plural(int count, string word) => count == 1 ? word : word + "s";

    /// <summary>The checksums of the workspace's Cargo.lock, if the command runs in a workspace that has one.</summary>
    private static IReadOnlyDictionary<string, string> KnownChecksums(GlobalContext gctx, IManifestEnvironment environment, string? manifestPath)
    {
        string root;
        try
        {
            root = WorkspaceArgs.RootManifest(manifestPath, environment.Cwd);
        }
        catch (FerryException) when (manifestPath is null)
        {
            // Outside any project the cached indexes are the only reference.
            return new Dictionary<string, string>();
        }

        var loader = new ManifestLoader(environment);
        var workspace = Core.Workspaces.Workspace.Load(root, loader);
        using var registry = WorkspaceResolver.CreateRegistry(gctx, loader);
        var resolver = new WorkspaceResolver(workspace, loader, gctx, registry);
        return resolver.LoadPrevious() is { } lockfile ? PackageCacheVerifier.KnownChecksums(registry, lockfile) : new Dictionary<string, string>();
    }
}
