using System.Collections.Immutable;
using Ferry.Resolver.Features;

namespace Ferry.Build.Units;

/// <summary>
/// The second pass over the unit graph (Cargo's <c>rebuild_unit_graph_shared</c>). Normal units
/// are planned with the explicit host kind so they cannot collide with build-dependency units; here
/// they go back to <see cref="CompileKind.Host"/>, with a hash of their dependencies in the unit so
/// that only truly identical units merge. Two profile adjustments need the whole graph: a unit with
/// no debuginfo whose dependencies have none either strips debuginfo (the standard library's), and
/// a host dependency whose debuginfo was never set explicitly loses it unless a target unit with the
/// same settings exists (then they share one build).
/// </summary>
internal sealed class UnitSharing
{
    private readonly UnitInterner _interner;
    private readonly Dictionary<Unit, List<UnitDep>> _old;
    private readonly CompileKind? _toHost;
    private readonly Dictionary<Unit, Unit> _memo = [];
    private readonly Dictionary<Unit, ImmutableArray<UnitDep>> _new = [];

    private UnitSharing(UnitInterner interner, Dictionary<Unit, List<UnitDep>> old, CompileKind? toHost)
    {
        _interner = interner;
        _old = old;
        _toHost = toHost;
    }

    public static UnitGraph Rebuild(UnitInterner interner, Dictionary<Unit, List<UnitDep>> graph, IReadOnlyList<Unit> roots, CompileKind? toHost)
    {
        var sharing = new UnitSharing(interner, graph, toHost);
        var newRoots = roots.Select(root => sharing.Traverse(root, isForHost: false)).ToImmutableArray();
        return new UnitGraph(newRoots, sharing._new.ToImmutableDictionary());
    }

    private Unit Traverse(Unit unit, bool isForHost)
    {
        if (_memo.TryGetValue(unit, out var done))
        {
            return done;
        }

        var newDeps = ImmutableArray.CreateBuilder<UnitDep>();
        ulong depHash = 14695981039346656037UL;
        foreach (var dep in _old[unit])
        {
            var newDep = Traverse(dep.Unit, dep.UnitFor.IsForHost);
            depHash = (depHash ^ (ulong)(newDep.Index + 1)) * 1099511628211UL;
            newDeps.Add(dep.WithUnit(newDep));
        }

        var kind = _toHost is { } host && host == unit.Kind ? CompileKind.Host : unit.Kind;
        var profile = unit.Profile;
        if (profile.StripDeferred && !profile.DebugInfoTurnedOn && newDeps.All(d => !d.Unit.Profile.DebugInfoTurnedOn))
        {
            profile = profile with { Strip = "debuginfo", StripDeferred = false };
        }

        if (isForHost && _toHost is { } toHost && profile.DebugInfoDeferred)
        {
            var canonical = profile with { DebugInfoDeferred = false };
            var probe = _interner.Intern(unit.Package, unit.Target, canonical, toHost, unit.Mode, unit.Features, unit.Rustflags, unit.Rustdocflags, unit.DepHash);
            profile = _old.ContainsKey(probe) ? canonical : canonical with { DebugInfo = Core.Manifest.Schema.TomlDebugInfo.None };
        }

        var newUnit = _interner.Intern(unit.Package, unit.Target, profile, kind, unit.Mode, unit.Features, unit.Rustflags, unit.Rustdocflags, depHash);
        _memo[unit] = newUnit;
        _new.TryAdd(newUnit, newDeps.ToImmutable());
        return newUnit;
    }
}
