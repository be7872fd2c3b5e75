using Ferry.Core.Identity;

namespace Ferry.Resolver.Features;

/// <summary>
/// A <c>-p</c> argument as the feature selection sees it: the name written and whether it picks a
/// given package. Package id specs (<c>name@1.2</c>, URLs) answer <see cref="Matches"/> their own way.
/// </summary>
public interface IPackageSpec
{
    string Name { get; }

    bool Matches(PackageId package);
}
