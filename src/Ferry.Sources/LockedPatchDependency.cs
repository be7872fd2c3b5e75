using Ferry.Core.Dependencies;
using Ferry.Core.Identity;

namespace Ferry.Sources;

/// <summary>A patch pinned by the previous lockfile (Cargo's <c>LockedPatchDependency</c>).</summary>
/// <param name="Dependency">The patch dependency locked to <paramref name="PackageId"/>'s version and source.</param>
/// <param name="PackageId">The package the lockfile used for it.</param>
/// <param name="AltPackageId">The v2-lockfile spelling of a git default branch as <c>branch=master</c>, if it applies.</param>
public sealed record LockedPatchDependency(Dependency Dependency, PackageId PackageId, PackageId? AltPackageId = null);
