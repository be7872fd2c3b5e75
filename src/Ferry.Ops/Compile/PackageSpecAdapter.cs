using Ferry.Core.Identity;
using Ferry.Resolver.Features;

namespace Ferry.Ops.Compile;

/// <summary>A parsed <c>-p</c> spec (<c>name</c>, <c>name@1.2</c>, a URL) as the feature selection asks it.</summary>
internal sealed record PackageSpecAdapter(PackageIdSpec Spec) : IPackageSpec
{
    public string Name => Spec.Name;

    public bool Matches(PackageId package) => Spec.Matches(package);
}
