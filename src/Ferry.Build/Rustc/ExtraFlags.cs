using System.Collections.Immutable;
using Ferry.Core.Configuration;
using Ferry.Platform;
using Ferry.Resolver.Features;

namespace Ferry.Build.Rustc;

/// <summary>
/// Where a compile kind's <c>RUSTFLAGS</c> (or <c>RUSTDOCFLAGS</c>) come from (Cargo's <c>extra_args</c>),
/// first match wins: <c>CARGO_ENCODED_RUSTFLAGS</c> (split on 0x1f), <c>RUSTFLAGS</c> (split on spaces),
/// <c>target.TRIPLE.rustflags</c> plus every matching <c>target.'cfg(..)'.rustflags</c>, <c>build.rustflags</c>.
/// With <c>--target</c>, host units (build scripts, proc-macros) get none of them, as in Cargo.
/// </summary>
public static class ExtraFlags
{
    internal static ImmutableArray<string> For(GlobalContext gctx, IReadOnlyList<CompileKind> requestedKinds, string host, IReadOnlyList<Cfg>? targetCfgs, CompileKind kind, bool rustdoc)
    {
        if (kind.IsHost && !(requestedKinds.Count == 1 && requestedKinds[0].IsHost))
        {
            return [];
        }

        var env = rustdoc ? "RUSTDOCFLAGS" : "RUSTFLAGS";
        if (gctx.Environment.Get("CARGO_ENCODED_" + env) is { } encoded)
        {
            return encoded.Length == 0 ? [] : [.. encoded.Split('\u001f')];
        }

        if (gctx.Environment.Get(env) is { } plain)
        {
            return [.. plain.Split(' ').Select(s => s.Trim()).Where(s => s.Length > 0)];
        }

        var flags = new List<string>();
        var triple = kind.Triple is { } t ? ShortName(t) : host;
        var target = gctx.Target(triple);
        if ((rustdoc ? target.Rustdocflags : target.Rustflags) is { } fromTarget)
        {
            flags.AddRange(fromTarget.Val);
        }

        if (targetCfgs is not null)
        {
            foreach (var cfg in gctx.TargetCfgs)
            {
                if ((rustdoc ? cfg.Rustdocflags : cfg.Rustflags) is { } fromCfg && MatchesKey(cfg.Key, targetCfgs))
                {
                    flags.AddRange(fromCfg.Val);
                }
            }
        }

        if (flags.Count > 0)
        {
            return [.. flags];
        }

        return (rustdoc ? gctx.Build.Rustdocflags : gctx.Build.Rustflags) ?? [];
    }

    /// <summary>Cargo's <c>CfgExpr::matches_key</c>: a <c>[target.'cfg(..)']</c> key against a target's cfg values.</summary>
    public static bool MatchesKey(string key, IReadOnlyList<Cfg> cfgs)
    {
        if (!key.StartsWith("cfg(", StringComparison.Ordinal) || !key.EndsWith(')'))
        {
            return false;
        }

        try
        {
            return CfgExpr.Parse(key[4..^1]).Matches(cfgs);
        }
        catch (CfgParseException)
        {
            return false;
        }
    }

    public static string ShortName(string triple) =>
        triple.EndsWith(".json", StringComparison.Ordinal) ? Path.GetFileNameWithoutExtension(triple) : triple;
}
