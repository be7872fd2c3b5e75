using System.Globalization;

namespace Ferry.Semver;

/// <summary>
/// The key under which Cargo allows at most one activated version of a crate per source: the left-most
/// non-zero component (<c>1.x.y</c> → major 1, <c>0.3.x</c> → minor 3, <c>0.0.4</c> → patch 4; pre-release
/// and build are ignored). Mirrors the resolver's <c>SemverCompatibility</c> enum, including its
/// ordering: every <see cref="SemverCompatibilityKind.Major"/> key sorts before every
/// <see cref="SemverCompatibilityKind.Minor"/> key, which sort before <see cref="SemverCompatibilityKind.Patch"/> keys.
/// </summary>
public readonly record struct SemverCompatibility(SemverCompatibilityKind Kind, ulong Value) : IComparable<SemverCompatibility>
{
    public static SemverCompatibility Of(Version version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.Major != 0)
        {
            return new SemverCompatibility(SemverCompatibilityKind.Major, version.Major);
        }

        return version.Minor != 0
            ? new SemverCompatibility(SemverCompatibilityKind.Minor, version.Minor)
            : new SemverCompatibility(SemverCompatibilityKind.Patch, version.Patch);
    }

    public int CompareTo(SemverCompatibility other)
    {
        var c = Kind.CompareTo(other.Kind);
        return c != 0 ? c : Value.CompareTo(other.Value);
    }

    /// <summary><c>1</c>, <c>0.3</c> or <c>0.0.4</c>: the version prefix that identifies the range.</summary>
    public override string ToString() => Kind switch
    {
        SemverCompatibilityKind.Major => Value.ToString(CultureInfo.InvariantCulture),
        SemverCompatibilityKind.Minor => string.Create(CultureInfo.InvariantCulture, $"0.{Value}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"0.0.{Value}"),
    };

    public static bool operator <(SemverCompatibility left, SemverCompatibility right) => left.CompareTo(right) < 0;

    public static bool operator <=(SemverCompatibility left, SemverCompatibility right) => left.CompareTo(right) <= 0;

    public static bool operator >(SemverCompatibility left, SemverCompatibility right) => left.CompareTo(right) > 0;

    public static bool operator >=(SemverCompatibility left, SemverCompatibility right) => left.CompareTo(right) >= 0;
}
