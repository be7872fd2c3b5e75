using System.Collections.Immutable;
using Ferry.Core.Configuration;
using Ferry.Platform;
using Ferry.Resolver.Features;
using Ferry.Util.Diagnostics;
using Ferry.Util.Processes;

namespace Ferry.Ops.Resolution;

/// <summary>
/// What a command learns from rustc about the platforms it works for (Cargo's <c>Rustc</c> and
/// <c>TargetInfo</c>, reduced to what resolution needs): the host triple from <c>rustc -vV</c>, and
/// each platform's cfg values. One instance per run caches every answer, since commands ask for the
/// host again and again.
/// </summary>
/// <remarks>
/// The cfg query is the very command line Cargo 1.95 runs (file names of every crate type, sysroot,
/// split-debuginfo, the <c>___</c> crate name as a delimiter, then the cfg lines), so a bad
/// <c>--target</c> fails with the same <c>process didn't exit successfully: `rustc - --crate-name
/// ___ ...`</c> text as Cargo's.
/// </remarks>
internal sealed class RustcTargetInfo
{
    private static readonly string[] CrateTypes = ["bin", "rlib", "dylib", "cdylib", "staticlib", "proc-macro"];

    private readonly GlobalContext _gctx;
    private readonly string _cwd;
    private readonly Dictionary<string, Task<TargetCfgInfo>> _cfgs = new(StringComparer.Ordinal);
    private Task<string>? _verboseVersion;

    public RustcTargetInfo(GlobalContext gctx, string cwd)
    {
        _gctx = gctx;
        _cwd = cwd;
    }

    /// <summary>The rustc program: <c>RUSTC</c>, then <c>build.rustc</c>, else <c>rustc</c> from the PATH.</summary>
    public string Program => _gctx.Tool("rustc", _gctx.Build.Rustc, required: true) ?? "rustc";

    /// <summary>The output of <c>rustc -vV</c>.</summary>
    public Task<string> VerboseVersionAsync(CancellationToken cancellationToken) => _verboseVersion ??= RunVerboseVersionAsync(cancellationToken);

    private async Task<string> RunVerboseVersionAsync(CancellationToken cancellationToken)
    {
        ProcessResult result;
        try
        {
            result = await ProcessRunner.RunAsync(Program, ["-vV"], _cwd, null, cancellationToken).ConfigureAwait(false);
        }
        catch (FerryException error)
        {
            throw new FerryException("could not execute process `" + Program + " -vV` (never executed)", error.InnerException ?? error);
        }

        return result.EnsureSuccess().Stdout;
    }

    /// <summary>The <c>host:</c> line of <c>rustc -vV</c>.</summary>
    public async Task<string> HostTripleAsync(CancellationToken cancellationToken)
    {
        var output = await VerboseVersionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith("host: ", StringComparison.Ordinal))
            {
                return line["host: ".Length..].Trim();
            }
        }

        throw new FerryException("rustc -v didn't have a line for `host:`");
    }

    /// <summary>The host's cfg values (no <c>--target</c>).</summary>
    public async Task<TargetCfgInfo> HostAsync(CancellationToken cancellationToken)
    {
        var cfg = CfgAsync(null, null, cancellationToken);
        var triple = await HostTripleAsync(cancellationToken).ConfigureAwait(false);
        return (await cfg.ConfigureAwait(false)) with { Triple = triple };
    }

    /// <summary>A <c>--target</c>'s cfg values.</summary>
    public Task<TargetCfgInfo> TargetAsync(string triple, CancellationToken cancellationToken) => CfgAsync(triple, triple, cancellationToken);

    /// <summary>
    /// The platforms of a command (Cargo's <c>RustcTargetData::new</c>): the host always, each
    /// requested triple too. <paramref name="allTargets"/> is <c>--target all</c>.
    /// </summary>
    public async Task<TargetData> TargetDataAsync(IReadOnlyList<string> requested, bool allTargets, CancellationToken cancellationToken)
    {
        // Every query at once (rustc takes tens of milliseconds to start), awaited in Cargo's order
        // so the first failure reported is the one Cargo reports.
        var version = VerboseVersionAsync(cancellationToken);
        var hostCfg = CfgAsync(null, null, cancellationToken);
        var targetTasks = requested.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(triple => TargetAsync(triple, cancellationToken))
            .ToList();
        await version.ConfigureAwait(false);
        var host = (await hostCfg.ConfigureAwait(false)) with { Triple = await HostTripleAsync(cancellationToken).ConfigureAwait(false) };
        var targets = new List<TargetCfgInfo>();
        foreach (var task in targetTasks)
        {
            targets.Add(await task.ConfigureAwait(false));
        }

        if (allTargets && targets.Count == 0)
        {
            return TargetData.ForAllTargets(host);
        }

        return TargetData.ForTargets(host, targets);
    }

    /// <summary>
    /// The triples a command builds for when <c>--target</c> is not given: <c>build.target</c>
    /// from the configuration, else none (the host).
    /// </summary>
    public ImmutableArray<string> ConfiguredTargets() => _gctx.Build.Target?.Values(_gctx.Cwd) ?? [];

    private Task<TargetCfgInfo> CfgAsync(string? target, string? triple, CancellationToken cancellationToken)
    {
        var key = target ?? string.Empty;
        if (!_cfgs.TryGetValue(key, out var task))
        {
            task = RunCfgAsync(target, triple ?? string.Empty, cancellationToken);
            _cfgs[key] = task;
        }

        return task;
    }

    private async Task<TargetCfgInfo> RunCfgAsync(string? target, string triple, CancellationToken cancellationToken)
    {
        var args = new List<string> { "-", "--crate-name", "___", "--print=file-names" };
        if (target is not null)
        {
            args.Add("--target");
            args.Add(target);
        }

        foreach (var crateType in CrateTypes)
        {
            args.Add("--crate-type");
            args.Add(crateType);
        }

        args.AddRange(["--print=sysroot", "--print=split-debuginfo", "--print=crate-name", "--print=cfg", "-Wwarnings"]);
        ProcessResult result;
        try
        {
            result = await ProcessRunner.RunAsync(Program, args, _cwd, null, cancellationToken, standardInput: string.Empty).ConfigureAwait(false);
            result.EnsureSuccess();
        }
        catch (FerryException error)
        {
            throw new FerryException("failed to run `rustc` to learn about target-specific information", error);
        }

        // `--print=crate-name` prints `___` right before the cfg lines; a bin's file name is `___`
        // too, so the delimiter is the last such line.
        var lines = result.Stdout.Split('\n');
        var start = Array.LastIndexOf(lines, "___") + 1;
        var cfgText = string.Join('\n', lines[start..]);
        ImmutableArray<Cfg> cfgs;
        try
        {
            cfgs = RustcPrintCfg.Parse(cfgText);
        }
        catch (CfgParseException error)
        {
            throw new FerryException(error.Message, error.InnerException);
        }

        return new TargetCfgInfo(triple, cfgs);
    }
}
