using Ferry.Semver;

namespace Ferry.Core.Identity;

/// <summary>A package at one version from one source: what a lockfile entry and a resolve node name.</summary>
public sealed class PackageId : IEquatable<PackageId>, IComparable<PackageId>
{
    public PackageId(string name, Version version, SourceId source)
    {
        Name = name;
        Version = version;
        Source = source;
    }

    public string Name { get; }

    public Version Version { get; }

    public SourceId Source { get; }

    /// <summary>The package id spec form used by <c>metadata</c> and <c>pkgid</c>.</summary>
    public string ToSpecString()
    {
        var url = Source.ToUrlString(encoded: true);
        if (Source.Kind == SourceKind.Git && Source.Precise is not null)
        {
            // Specs name the source, not the locked commit.
            url = Source.WithPrecise(null).ToUrlString(encoded: true);
        }

        return Source.Url.LastSegment == Name ? $"{url}#{Version}" : $"{url}#{Name}@{Version}";
    }

    /// <summary><c>name v1.2.3</c>, plus <c> (source)</c> unless the source is crates.io, as Cargo prints it.</summary>
    public override string ToString() =>
        Source.IsCratesIo ? $"{Name} v{Version}" : $"{Name} v{Version} ({Source})";

    public bool Equals(PackageId? other) =>
        ReferenceEquals(this, other) || other is not null && Name == other.Name && Version == other.Version && Source == other.Source;

    public override bool Equals(object? obj) => obj is PackageId other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Name, Version, Source);

    // Value equality, as SourceId has: ids of the same package are often distinct instances
    // (one from the index, one from a lockfile).
    public static bool operator ==(PackageId? left, PackageId? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(PackageId? left, PackageId? right) => !(left == right);

    public int CompareTo(PackageId? other)
    {
        if (other is null)
        {
            return 1;
        }

        var name = string.CompareOrdinal(Name, other.Name);
        if (name != 0)
        {
            return name;
        }

        var version = Version.CompareTo(other.Version);
        return version != 0 ? version : Source.CompareTo(other.Source);
    }
}
