using System.Collections.Immutable;
using Ferry.Core.Configuration;
using Ferry.Core.Dependencies;
using Ferry.Platform;
using Ferry.Resolver.Features;

namespace Ferry.Build.Rustc;

/// <summary>
/// The compiler and every platform of a build (Cargo's <c>RustcTargetData</c>): the host's
/// <see cref="TargetInfo"/> and one per <c>--target</c>. When no target is requested, normal units use
/// the "explicit host" kind (<c>Target(host triple)</c>) until the sharing pass folds them back into
/// <see cref="CompileKind.Host"/>; this class answers for that kind with the host's information.
/// </summary>
public sealed class RustcTargetData
{
    private readonly ImmutableDictionary<string, TargetInfo> _targets;

    public RustcTargetData(RustcInfo rustc, TargetInfo host, ImmutableDictionary<string, TargetInfo> targets, ImmutableArray<CompileKind> requestedKinds, GlobalContext gctx)
    {
        Rustc = rustc;
        Host = host;
        _targets = targets;
        RequestedKinds = requestedKinds;
        Gctx = gctx;
    }

    public RustcInfo Rustc { get; }

    public TargetInfo Host { get; }

    /// <summary>Host, or the <c>--target</c> kinds (sorted, deduplicated).</summary>
    public ImmutableArray<CompileKind> RequestedKinds { get; }

    public GlobalContext Gctx { get; }

    public bool CrossCompiling => !(RequestedKinds.Length == 1 && RequestedKinds[0].IsHost);

    public TargetInfo Info(CompileKind kind)
    {
        if (kind.IsHost)
        {
            return Host;
        }

        if (_targets.TryGetValue(kind.Triple!, out var info))
        {
            return info;
        }

        if (kind.Triple == Rustc.Host)
        {
            return Host;
        }

        throw new InvalidOperationException($"no target information for `{kind.Triple}`");
    }

    public string ShortName(CompileKind kind) => kind.IsHost ? Rustc.Host : ExtraFlags.ShortName(kind.Triple!);

    public ImmutableArray<Cfg> Cfgs(CompileKind kind) => Info(kind).Cfgs;

    /// <summary>The <c>[target.TRIPLE]</c> table of a kind's platform.</summary>
    public TargetConfig TargetConfig(CompileKind kind) => Gctx.Target(ShortName(kind));

    public bool DepPlatformActivated(Dependency dep, CompileKind kind) =>
        dep.Platform is not { } platform || platform.Matches(ShortName(kind), Cfgs(kind));

    /// <summary>The feature resolver's view of the same platforms.</summary>
    public TargetData ForFeatures()
    {
        var host = new TargetCfgInfo(Rustc.Host, Host.Cfgs);
        return CrossCompiling
            ? TargetData.ForTargets(host, RequestedKinds.Select(k => new TargetCfgInfo(k.Triple!, Info(k).Cfgs)))
            : TargetData.ForHost(host);
    }
}
