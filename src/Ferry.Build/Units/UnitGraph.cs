using System.Collections.Immutable;

namespace Ferry.Build.Units;

/// <summary>The units of a build and their dependencies, with the roots the command asked for.</summary>
public sealed record UnitGraph(ImmutableArray<Unit> Roots, ImmutableDictionary<Unit, ImmutableArray<UnitDep>> Dependencies)
{
    public ImmutableArray<UnitDep> Deps(Unit unit) => Dependencies.TryGetValue(unit, out var deps) ? deps : [];

    public IEnumerable<Unit> Units => Dependencies.Keys;
}
