using System.Collections.Immutable;
using Ferry.Platform;

namespace Ferry.Resolver.Features;

/// <summary>
/// What dependency selection needs to know about one platform: its triple (or the path of a
/// custom <c>.json</c> target spec) and the cfg values <c>rustc --print=cfg</c> printed for it
/// (parse them with <see cref="RustcPrintCfg.Parse"/>).
/// </summary>
public sealed record TargetCfgInfo(string Triple, ImmutableArray<Cfg> Cfgs)
{
    /// <summary>
    /// The name <c>[target.NAME.dependencies]</c> is compared with: the triple, or the file stem of
    /// a <c>.json</c> target spec (Cargo's <c>CompileTarget::short_name</c>).
    /// </summary>
    public string ShortName =>
        Triple.EndsWith(".json", StringComparison.Ordinal) ? Path.GetFileNameWithoutExtension(Triple) : Triple;
}
