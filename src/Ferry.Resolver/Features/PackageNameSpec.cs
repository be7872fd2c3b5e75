using Ferry.Core.Identity;

namespace Ferry.Resolver.Features;

/// <summary>A spec that is just a package name (<c>-p foo</c>), or the exact id of a package.</summary>
public sealed record PackageNameSpec(string Name, PackageId? Exact = null) : IPackageSpec
{
    public static PackageNameSpec Of(PackageId id) => new(id.Name, id);

    public bool Matches(PackageId package) => Exact is { } exact ? exact.Equals(package) : package.Name == Name;
}
