using System.Collections.Immutable;
using Ferry.Core.Identity;
using Ferry.Resolver.Features;

namespace Ferry.Ops.Trees;

/// <summary>
/// A node of the tree graph: a package built with some features for some platform, or one
/// feature of a package node (<c>-e features</c>). Ordered as Cargo's derived <c>Ord</c> orders
/// its <c>Node</c> enum, which decides the order siblings and roots are printed in: package nodes
/// first (by package id, then features, then platform), then feature nodes (by the index of their
/// package node, then name).
/// </summary>
internal sealed class TreeNode : IComparable<TreeNode>, IEquatable<TreeNode>
{
    private TreeNode(PackageId? package, ImmutableArray<string> features, CompileKind? kind, int packageNode, string? featureName)
    {
        Package = package;
        Features = features;
        Kind = kind;
        PackageNode = packageNode;
        FeatureName = featureName;
    }

    /// <summary>The package of a package node; null for a feature node.</summary>
    public PackageId? Package { get; }

    /// <summary>A package node's activated features, sorted.</summary>
    public ImmutableArray<string> Features { get; }

    /// <summary>The platform a package node is built for.</summary>
    public CompileKind? Kind { get; }

    /// <summary>For a feature node, the index of its package node.</summary>
    public int PackageNode { get; }

    public string? FeatureName { get; }

    public bool IsPackage => Package is not null;

    public static TreeNode OfPackage(PackageId package, ImmutableArray<string> features, CompileKind kind) =>
        new(package, features, kind, -1, null);

    public static TreeNode OfFeature(int packageNode, string name) => new(null, [], null, packageNode, name);

    /// <summary>The same package node, built for the host (duplicates on host and target are not duplicates).</summary>
    public TreeNode OnHost() => new(Package, Features, CompileKind.Host, -1, null);

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
            var index = PackageNode.CompareTo(other.PackageNode);
            return index != 0 ? index : string.CompareOrdinal(FeatureName, other.FeatureName);
        }

        var package = Package!.CompareTo(other.Package);
        if (package != 0)
        {
            return package;
        }

        // Rust compares vectors element by element, then by length.
        for (var i = 0; i < Math.Min(Features.Length, other.Features.Length); i++)
        {
            var feature = string.CompareOrdinal(Features[i], other.Features[i]);
            if (feature != 0)
            {
                return feature;
            }
        }

        var length = Features.Length.CompareTo(other.Features.Length);
        return length != 0 ? length : Kind!.CompareTo(other.Kind);
    }

    public bool Equals(TreeNode? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is TreeNode other && Equals(other);

    public override int GetHashCode()
    {
        if (!IsPackage)
        {
            return HashCode.Combine(PackageNode, FeatureName);
        }

        var hash = new HashCode();
        hash.Add(Package);
        hash.Add(Kind);
        foreach (var feature in Features)
        {
            hash.Add(feature);
        }

        return hash.ToHashCode();
    }
}
