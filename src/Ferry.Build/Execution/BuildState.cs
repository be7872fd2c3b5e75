using System.Collections.Concurrent;
using System.Collections.Immutable;
using Ferry.Build.BuildScripts;
using Ferry.Build.Layout;
using Ferry.Build.Rustc;
using Ferry.Build.Units;
using Ferry.Core.Configuration;
using Ferry.Resolver.Features;
using Ferry.Util.Diagnostics;

namespace Ferry.Build.Execution;

/// <summary>
/// What every part of a running build shares (Cargo's <c>BuildRunner</c> state): the plan, the
/// file names, the options, the terminal, the environment children start from, and the build
/// script outputs as they arrive.
/// </summary>
internal sealed class BuildState
{
    private readonly HashSet<Unit> _roots;
    private readonly Dictionary<string, string?> _linkers = new(StringComparer.Ordinal);

    public BuildState(BuildContext bcx, UnitGraph graph, CompilationFiles files, BuildOptions options, IBuildShell shell, string workspaceRoot, IReadOnlyDictionary<string, string> baseEnvironment, GlobalContext gctx)
    {
        Bcx = bcx;
        Graph = graph;
        Files = files;
        Options = options;
        Shell = shell;
        WorkspaceRoot = workspaceRoot;
        BaseEnvironment = baseEnvironment;
        Gctx = gctx;
        _roots = [.. graph.Roots];
        Scripts = BuildScriptMap.Build(graph);
        var env = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in gctx.Env)
        {
            if (value.AppliesTo(gctx.Environment))
            {
                env[name] = value.Resolve(gctx.Cwd);
            }
        }

        EnvConfig = env.ToImmutable();
        DiagnosticWidth = shell.ErrWidth;
        foreach (var unit in graph.Units)
        {
            foreach (var dep in graph.Deps(unit))
            {
                if (OnlyRequiresRmeta(unit, dep.Unit))
                {
                    RmetaRequired.Add(dep.Unit);
                }
            }
        }
    }

    public BuildContext Bcx { get; }

    public UnitGraph Graph { get; }

    public CompilationFiles Files { get; }

    public BuildOptions Options { get; }

    public IBuildShell Shell { get; }

    public GlobalContext Gctx { get; }

    /// <summary>The workspace root: path packages' sources are passed relative to it.</summary>
    public string WorkspaceRoot { get; }

    public IReadOnlyDictionary<string, string> BaseEnvironment { get; }

    /// <summary><c>[env]</c> entries that apply (forced, or not already in the environment), resolved.</summary>
    public ImmutableSortedDictionary<string, string> EnvConfig { get; }

    public BuildScriptMap Scripts { get; }

    /// <summary>Outputs of build script runs (and of <c>links</c> overrides), by run unit.</summary>
    public ConcurrentDictionary<Unit, BuildOutput> ScriptOutputs { get; } = new();

    /// <summary>Library search paths inside the target directory that build scripts produced (for running binaries).</summary>
    public ConcurrentDictionary<string, bool> NativeDirsSet { get; } = new(StringComparer.Ordinal);

    public IEnumerable<string> NativeDirs => NativeDirsSet.Keys.Order(StringComparer.Ordinal);

    /// <summary>Units some dependent only needs the metadata of: they report their <c>.rmeta</c> early.</summary>
    public HashSet<Unit> RmetaRequired { get; } = [];

    public int? DiagnosticWidth { get; }

    public string JobserverMakeflags { get; set; } = string.Empty;

    public bool IsRoot(Unit unit) => _roots.Contains(unit);

    public bool IsPrimary(Unit unit) => Options.PrimaryPackages.Contains(unit.Package.Id);

    /// <summary>Cargo's <c>extra_args_for</c>: see <see cref="RootExtraArgs"/>.</summary>
    public ImmutableArray<string> ExtraArgsFor(Unit unit) => RootExtraArgs.For(unit, IsRoot(unit), Options.ExtraArgs, Options.DocumentPrivateItems);

    /// <summary>Cargo's <c>only_requires_rmeta</c>: an rlib built for an rlib needs only its dependency's metadata.</summary>
    public bool OnlyRequiresRmeta(Unit parent, Unit dep) =>
        !parent.RequiresUpstreamObjects && parent.Mode == CompileMode.Build && !dep.RequiresUpstreamObjects && dep.Mode == CompileMode.Build;

    /// <summary>The linker for a kind: <c>target.TRIPLE.linker</c>, else the one matching <c>target.'cfg(..)'.linker</c>.</summary>
    public string? Linker(CompileKind kind)
    {
        var name = Bcx.TargetData.ShortName(kind);
        if (_linkers.TryGetValue(name, out var cached))
        {
            return cached;
        }

        string? linker = null;
        if (Bcx.TargetData.TargetConfig(kind).Linker is { } fromTarget)
        {
            linker = fromTarget.Val.ResolveProgram(Gctx.Cwd);
        }
        else
        {
            var matching = Gctx.TargetCfgs.Where(c => c.Linker is not null && ExtraFlags.MatchesKey(c.Key, Bcx.TargetData.Cfgs(kind))).ToList();
            if (matching.Count > 1)
            {
                throw new FerryException(
                    $"several matching instances of `target.'cfg(..)'.linker` in configurations\nfirst match `{matching[0].Key}` located in {matching[0].Linker!.Definition}\nsecond match `{matching[1].Key}` located in {matching[1].Linker!.Definition}");
            }

            linker = matching.FirstOrDefault()?.Linker!.Val.ResolveProgram(Gctx.Cwd);
        }

        _linkers[name] = linker;
        return linker;
    }
}
