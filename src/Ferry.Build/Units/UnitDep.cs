using Ferry.Build.Profiles;

namespace Ferry.Build.Units;

/// <summary>
/// An edge of the unit graph (Cargo's <c>UnitDep</c>): the dependency unit, why it is built
/// (<see cref="UnitFor"/>), and the names it goes by: the crate name passed to <c>--extern</c>
/// (the rename in the manifest, with <c>-</c> as <c>_</c>) and the dependency's name in the
/// manifest when it was renamed.
/// </summary>
public sealed record UnitDep(Unit Unit, UnitFor UnitFor, string ExternCrateName, string? DepName, bool Public, bool NoPrelude)
{
    public UnitDep WithUnit(Unit unit) => this with { Unit = unit };
}
