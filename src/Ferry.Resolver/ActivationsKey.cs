using Ferry.Core.Identity;
using Ferry.Semver;

namespace Ferry.Resolver;

/// <summary>At most one package may be active per (name, semver-compatible range, source).</summary>
internal readonly record struct ActivationsKey(string Name, SemverCompatibility Compatibility, SourceId Source)
{
    public static ActivationsKey Of(PackageId id) => new(id.Name, SemverCompatibility.Of(id.Version), id.Source);
}
