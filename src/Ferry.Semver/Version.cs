using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ferry.Semver;

/// <summary>
/// A SemVer version as the semver crate (and so Cargo) understands it: three <c>u64</c> numbers, an
/// optional <see cref="Prerelease"/> and optional <see cref="BuildMetadata"/>.
/// </summary>
/// <remarks>
/// Equality, hashing and <see cref="CompareTo"/> follow the crate's derived <c>Eq</c>/<c>Ord</c>: major,
/// minor, patch, pre-release, and then build metadata as a final tie-breaker, so <c>1.2.3+23 &lt; 1.2.3+42</c>
/// and <c>1.2.3+a != 1.2.3</c>. That keeps the order total and consistent with equality (Cargo relies on
/// this for sorting and for lockfile identity). Use <see cref="ComparePrecedence"/> for SemVer 2.0
/// precedence, which ignores build metadata.
/// A sealed class rather than a record: the ordering must be written by hand anyway, and a class keeps
/// one reference per version in the resolver's candidate lists instead of copying five fields.
/// </remarks>
public sealed class Version : IEquatable<Version>, IComparable<Version>, IComparable
{
    public Version(ulong major, ulong minor, ulong patch)
        : this(major, minor, patch, Prerelease.Empty, BuildMetadata.Empty)
    {
    }

    public Version(ulong major, ulong minor, ulong patch, Prerelease pre, BuildMetadata build)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Pre = pre;
        Build = build;
    }

    public ulong Major { get; }

    public ulong Minor { get; }

    public ulong Patch { get; }

    public Prerelease Pre { get; }

    public BuildMetadata Build { get; }

    public bool IsPrerelease => !Pre.IsEmpty;

    /// <summary>Cargo's "one version per compatible range" key: see <see cref="SemverCompatibility"/>.</summary>
    public SemverCompatibility Compatibility => SemverCompatibility.Of(this);

    public static Version Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!SemverParser.TryParseVersion(text, out var version, out var error))
        {
            throw error.ToException(text);
        }

        return version!;
    }

    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out Version? version) =>
        SemverParser.TryParseVersion(text, out version, out _);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Version? version)
    {
        version = null;
        return text is not null && SemverParser.TryParseVersion(text, out version, out _);
    }

    /// <summary>The same version without build metadata (what Cargo compares when metadata must not matter).</summary>
    public Version WithoutBuild() => Build.IsEmpty ? this : new Version(Major, Minor, Patch, Pre, BuildMetadata.Empty);

    /// <summary>The requirement <c>=major.minor.patch[-pre]</c> (Cargo's <c>to_exact_req</c>; build metadata is dropped).</summary>
    public VersionReq ToExactReq() => new([new Comparator(Op.Exact, Major, Minor, Patch, Pre)]);

    /// <summary>The requirement <c>^major.minor.patch[-pre]</c> (Cargo's <c>to_caret_req</c>).</summary>
    public VersionReq ToCaretReq() => new([new Comparator(Op.Caret, Major, Minor, Patch, Pre)]);

    /// <summary>
    /// Whether <paramref name="candidate"/> matches <c>^this</c> with the default pre-release rule: what
    /// <c>cargo update</c> means by a semver-compatible newer version ("available: v1.4.2").
    /// Allocation-free equivalent of <c>ToCaretReq().Matches(candidate)</c>.
    /// </summary>
    public bool IsCaretCompatible(Version candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return Eval.MatchesComparator(Op.Caret, Major, Minor, Patch, Pre, candidate);
    }

    /// <summary>SemVer 2.0 precedence: like <see cref="CompareTo"/> but build metadata is ignored.</summary>
    public int ComparePrecedence(Version other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var c = Major.CompareTo(other.Major);
        if (c != 0)
        {
            return c;
        }

        c = Minor.CompareTo(other.Minor);
        if (c != 0)
        {
            return c;
        }

        c = Patch.CompareTo(other.Patch);
        return c != 0 ? c : Pre.CompareTo(other.Pre);
    }

    public int CompareTo(Version? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (ReferenceEquals(this, other))
        {
            return 0;
        }

        var c = ComparePrecedence(other);
        return c != 0 ? c : Build.CompareTo(other.Build);
    }

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Version v => CompareTo(v),
        _ => throw new ArgumentException("object is not a Version", nameof(obj)),
    };

    public bool Equals(Version? other) =>
        other is not null
        && Major == other.Major
        && Minor == other.Minor
        && Patch == other.Patch
        && Pre.Equals(other.Pre)
        && Build.Equals(other.Build);

    public override bool Equals(object? obj) => obj is Version other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch, Pre, Build);

    public static bool operator ==(Version? left, Version? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Version? left, Version? right) => !(left == right);

    public static bool operator <(Version? left, Version? right) => Compare(left, right) < 0;

    public static bool operator <=(Version? left, Version? right) => Compare(left, right) <= 0;

    public static bool operator >(Version? left, Version? right) => Compare(left, right) > 0;

    public static bool operator >=(Version? left, Version? right) => Compare(left, right) >= 0;

    /// <summary>Canonical form: <c>major.minor.patch[-pre][+build]</c>.</summary>
    public override string ToString()
    {
        var core = string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");
        if (Pre.IsEmpty && Build.IsEmpty)
        {
            return core;
        }

        var pre = Pre.IsEmpty ? string.Empty : "-" + Pre.AsString;
        var build = Build.IsEmpty ? string.Empty : "+" + Build.AsString;
        return core + pre + build;
    }

    private static int Compare(Version? left, Version? right) => left is null ? (right is null ? 0 : -1) : left.CompareTo(right);
}
