using Ferry.Core.Identity;

namespace Ferry.Sources;

/// <summary>A locked patch that no longer matches what its location holds: the caller must not lock <see cref="PackageId"/>.</summary>
public sealed record PatchUnlock(PatchDependency Patch, PackageId PackageId);
