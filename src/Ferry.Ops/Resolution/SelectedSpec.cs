using Ferry.Core.Identity;
using Ferry.Resolver.Features;

namespace Ferry.Ops.Resolution;

/// <summary>
/// A package a command was asked for: a parsed <c>-p</c> spec, or exactly one package (a member
/// picked by default, <c>--workspace</c> or a glob). Feature selection matches either kind.
/// </summary>
internal sealed record SelectedSpec(PackageIdSpec? Spec, PackageId? Id) : IPackageSpec
{
    public string Name => Id?.Name ?? Spec!.Name;

    public static SelectedSpec Of(PackageIdSpec spec) => new(spec, null);

    public static SelectedSpec Exact(PackageId id) => new(null, id);

    public bool Matches(PackageId package) => Id is { } id ? id == package : Spec!.Matches(package);

    /// <summary>The one package of <paramref name="ids"/> this names (Cargo's <c>query</c>, with its errors).</summary>
    public PackageId Query(IReadOnlyList<PackageId> ids) => Id is { } id && ids.Contains(id) ? id : (Spec ?? ExactSpec()).Query(ids);

    private PackageIdSpec ExactSpec() => PackageIdSpec.Parse(Id!.ToSpecString());
}
