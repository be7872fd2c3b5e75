using System.Collections.Immutable;
using Ferry.Core.Identity;
using Ferry.Resolver.Features;

namespace Ferry.Tests.Resolver.Features;

/// <summary>
/// A node of the mini tree: a package built with some features for some kind, or a feature of
/// the package node <see cref="PackageNode"/>. Ordered as Cargo's derived <c>Ord</c> on
/// <c>Node</c>: packages before features; packages by id, feature list, kind; features by the
/// index of their package node, then name.
/// </summary>
internal sealed record TreeNode(PackageId? Package, ImmutableArray<string> Features, CompileKind? Kind, int PackageNode, string? FeatureName) : IComparable<TreeNode>
{
    public bool IsPackage => Package is not null;

    public string Key => IsPackage ? $"P|{Package!.ToSpecString()}|{string.Join(',', Features)}|{Kind}" : $"F|{PackageNode}|{FeatureName}";

    public static TreeNode OfPackage(PackageId package, ImmutableArray<string> features, CompileKind kind) => new(package, features, kind, -1, null);

    public static TreeNode OfFeature(int packageNode, string name) => new(null, [], null, packageNode, name);

    public int CompareTo(TreeNode? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (IsPackage != other.IsPackage)
        {
            return IsPackage ? -1 : 1;
        }

        if (!IsPackage)
        {
            var c = PackageNode.CompareTo(other.PackageNode);
            return c != 0 ? c : string.CompareOrdinal(FeatureName, other.FeatureName);
        }

        var p = Package!.CompareTo(other.Package);
        if (p != 0)
        {
            return p;
        }

        for (var i = 0; i < Math.Min(Features.Length, other.Features.Length); i++)
        {
            var f = string.CompareOrdinal(Features[i], other.Features[i]);
            if (f != 0)
            {
                return f;
            }
        }

        var l = Features.Length.CompareTo(other.Features.Length);
        return l != 0 ? l : Kind!.CompareTo(other.Kind);
    }
}
