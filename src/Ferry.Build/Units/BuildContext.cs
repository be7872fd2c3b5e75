using System.Collections.Immutable;
using Ferry.Build.Profiles;
using Ferry.Build.Rustc;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Resolver.Features;

namespace Ferry.Build.Units;

/// <summary>
/// Everything known before the first unit is planned (Cargo's <c>BuildContext</c> inputs): the
/// packages (every package of the resolve, loaded), the resolve and its features, the platforms and
/// the profiles.
/// </summary>
public sealed record BuildContext(
    ImmutableDictionary<PackageId, BuildPackage> Packages,
    Resolve Resolve,
    ResolvedFeatures Features,
    RustcTargetData TargetData,
    ProfileSet Profiles,
    UnitInterner Interner,
    bool HasDevUnits)
{
    public BuildPackage Package(PackageId id) =>
        Packages.TryGetValue(id, out var package) ? package : throw new InvalidOperationException($"expected {id} to be loaded");
}
