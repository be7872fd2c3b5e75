using Ferry.Core.Dependencies;

namespace Ferry.Sources;

/// <summary>
/// One entry of a <c>[patch.SOURCE]</c> table, as given to <see cref="PackageRegistry.PatchAsync"/>
/// (Cargo's <c>PatchDependency</c>).
/// </summary>
/// <param name="Dependency">The patch as written (its source is where the replacement comes from).</param>
/// <param name="Location">Where it was written (a manifest path or a config definition), for messages.</param>
/// <param name="Locked">The same patch pinned to what the previous lockfile used, if the lockfile had it.</param>
public sealed record PatchDependency(Dependency Dependency, string Location, LockedPatchDependency? Locked = null);
