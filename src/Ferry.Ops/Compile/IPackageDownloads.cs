using Ferry.Core.Identity;

namespace Ferry.Ops.Compile;

/// <summary>
/// Gives the build the extracted, verified source directory of a registry package. A stand-in
/// for the download engine the <c>fetch</c> work provides (<see cref="MinimalPackageDownloads"/>
/// until then), so the build does not depend on how packages arrive.
/// </summary>
internal interface IPackageDownloads
{
    /// <summary>Ensures every package is available; returns each one's source directory.</summary>
    Task<IReadOnlyDictionary<PackageId, string>> EnsureAsync(IReadOnlyList<(PackageId Id, string? Checksum)> packages, CancellationToken cancellationToken);
}
