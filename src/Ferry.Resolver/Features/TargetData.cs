using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Platform;

namespace Ferry.Resolver.Features;

/// <summary>
/// The platforms a command works for, with their cfg values: Cargo's <c>RustcTargetData</c>
/// without the rustc calls (the Ops layer runs <c>rustc -vV</c> and <c>rustc --print=cfg</c> and
/// hands the results in, so the resolver stays free of I/O). The requested kinds are
/// <see cref="CompileKind.Host"/> when no <c>--target</c> was given, else the given triples
/// (deduplicated and sorted, as Cargo does).
/// </summary>
public sealed class TargetData
{
    private readonly ImmutableDictionary<string, TargetCfgInfo> _targets;

    private TargetData(TargetCfgInfo host, ImmutableDictionary<string, TargetCfgInfo> targets, ImmutableArray<CompileKind> requestedKinds, bool allTargets)
    {
        Host = host;
        _targets = targets;
        RequestedKinds = requestedKinds;
        AllTargets = allTargets;
    }

    /// <summary>The platform rustc runs on (<c>host:</c> of <c>rustc -vV</c>) and its cfg values.</summary>
    public TargetCfgInfo Host { get; }

    /// <summary>The kinds normal dependencies are built for: the host, or each <c>--target</c>.</summary>
    public ImmutableArray<CompileKind> RequestedKinds { get; }

    /// <summary>
    /// <c>cargo tree --target all</c>: every platform-specific dependency counts, whatever its
    /// platform. Only for displaying; the feature resolver must then run with
    /// <see cref="ForceAllTargets.Yes"/> too.
    /// </summary>
    public bool AllTargets { get; }

    /// <summary>Building for the host only (no <c>--target</c>).</summary>
    public static TargetData ForHost(TargetCfgInfo host) =>
        new(host, ImmutableDictionary<string, TargetCfgInfo>.Empty, [CompileKind.Host], false);

    /// <summary>
    /// Building for the given targets; with none, for the host. Each target needs its cfg values,
    /// even when it is the host triple (Cargo queries rustc for it separately).
    /// </summary>
    public static TargetData ForTargets(TargetCfgInfo host, IEnumerable<TargetCfgInfo> targets)
    {
        ArgumentNullException.ThrowIfNull(host);
        var map = ImmutableDictionary.CreateBuilder<string, TargetCfgInfo>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            map[target.Triple] = target;
        }

        if (map.Count == 0)
        {
            return ForHost(host);
        }

        var kinds = map.Keys.Order(StringComparer.Ordinal).Select(CompileKind.Target).ToImmutableArray();
        return new TargetData(host, map.ToImmutable(), kinds, false);
    }

    /// <summary><c>--target all</c>: requested kind host, every platform-specific dependency active.</summary>
    public static TargetData ForAllTargets(TargetCfgInfo host) =>
        new(host, ImmutableDictionary<string, TargetCfgInfo>.Empty, [CompileKind.Host], true);

    /// <summary>The cfg values of a kind; throws for a target that was not requested.</summary>
    public ImmutableArray<Cfg> Cfgs(CompileKind kind) => Info(kind).Cfgs;

    /// <summary>The name a <c>[target.NAME]</c> key is compared with for this kind.</summary>
    public string ShortName(CompileKind kind) => Info(kind).ShortName;

    public TargetCfgInfo Info(CompileKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (kind.IsHost)
        {
            return Host;
        }

        return _targets.TryGetValue(kind.Triple!, out var info)
            ? info
            : throw new InvalidOperationException($"no target information for `{kind.Triple}`; it was not requested");
    }

    /// <summary>
    /// Whether a dependency declared under <c>[target.'...'.*]</c> applies when building for
    /// <paramref name="kind"/> (Cargo's <c>dep_platform_activated</c>); dependencies without a
    /// platform always apply. <see cref="AllTargets"/> does not change this answer: callers that
    /// display all targets check it themselves, as Cargo's do.
    /// </summary>
    public bool DepPlatformActivated(Dependency dep, CompileKind kind)
    {
        ArgumentNullException.ThrowIfNull(dep);
        if (dep.Platform is not { } platform)
        {
            return true;
        }

        var info = Info(kind);
        return platform.Matches(info.ShortName, info.Cfgs);
    }
}
