using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Ferry.Semver;

/// <summary>
/// A version requirement: comma-separated <see cref="Comparator"/>s that must all match, as written in a
/// dependency's <c>version = "..."</c>. A bare version means caret (<c>1.2</c> is <c>^1.2</c>); <c>*</c>,
/// <c>x</c> and <c>X</c> alone are <see cref="Star"/>, which has no comparators. Parsing follows the semver
/// crate exactly, so ranges like <c>1.0 - 2.0</c>, <c>||</c>, four-part versions and a leading <c>v</c> are
/// rejected with the crate's messages (which Cargo shows verbatim after "failed to parse the version
/// requirement ...").
/// </summary>
public sealed class VersionReq : IEquatable<VersionReq>
{
    public VersionReq(IEnumerable<Comparator> comparators)
    {
        ArgumentNullException.ThrowIfNull(comparators);
        Comparators = [.. comparators];
    }

    internal VersionReq(ImmutableArray<Comparator> comparators) => Comparators = comparators;

    /// <summary>Matches every version that is not a pre-release; displayed <c>*</c> (the crate's <c>STAR</c> and <c>Default</c>).</summary>
    public static VersionReq Star { get; } = new(ImmutableArray<Comparator>.Empty);

    /// <summary>Alias of <see cref="Star"/>: what a dependency without a version requirement gets.</summary>
    public static VersionReq Any => Star;

    public ImmutableArray<Comparator> Comparators { get; }

    /// <summary>
    /// True for exactly one <c>=</c> comparator with minor and patch given (<c>=1.2.3</c>, <c>=1.2.3-rc.1</c>),
    /// which is how Cargo's <c>OptVersionReq::is_exact</c> decides that a requirement pins one version
    /// (for <c>cargo install</c> and locking). <c>=1.2</c> is not a pin.
    /// </summary>
    public bool IsExact =>
        Comparators.Length == 1
        && Comparators[0] is { Op: Op.Exact, Minor: not null, Patch: not null };

    public static VersionReq Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!SemverParser.TryParseReq(text, out var req, out var error))
        {
            throw error.ToException(text);
        }

        return req!;
    }

    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out VersionReq? req) =>
        SemverParser.TryParseReq(text, out req, out _);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out VersionReq? req)
    {
        req = null;
        return text is not null && SemverParser.TryParseReq(text, out req, out _);
    }

    /// <summary>The pin <c>=major.minor.patch[-pre]</c> for <paramref name="version"/>.</summary>
    public static VersionReq Exact(Version version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.ToExactReq();
    }

    /// <summary>
    /// Whether <paramref name="version"/> satisfies every comparator, with the default pre-release rule:
    /// a pre-release version matches only if some comparator names the same <c>major.minor.patch</c> and
    /// itself has a pre-release (so <c>^1.0</c> never selects <c>1.1.0-beta</c>).
    /// </summary>
    public bool Matches(Version version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return Eval.MatchesReq(Comparators.AsSpan(), version);
    }

    /// <summary>
    /// Cargo's unstable pre-release-aware matching (RFC 3493, <c>cargo update --precise &lt;pre-release&gt;</c>,
    /// <c>semver_eval_ext::matches_prerelease</c>): every comparator is widened so pre-releases inside its
    /// range match (<c>^1.2</c> accepts <c>1.9.0-0</c>; upper bounds become <c>&lt;X.Y.Z-0</c> unless another
    /// comparator is a pre-release lower bound). Not the
    /// default rule; it reproduces cargo's current behaviour, including the cases cargo's own tests call buggy.
    /// </summary>
    public bool MatchesPrerelease(Version version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var comparators = Comparators.AsSpan();
        var prereleaseLowerBound = Eval.HasPrereleaseLowerBound(comparators);
        foreach (var comparator in comparators)
        {
            if (!Eval.MatchesPrerelease(comparator, version, prereleaseLowerBound))
            {
                return false;
            }
        }

        return true;
    }

    public bool Equals(VersionReq? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        var a = Comparators.AsSpan();
        var b = other.Comparators.AsSpan();
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (!a[i].Equals(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is VersionReq other && Equals(other);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var comparator in Comparators.AsSpan())
        {
            hash.Add(comparator);
        }

        return hash.ToHashCode();
    }

    public static bool operator ==(VersionReq? left, VersionReq? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(VersionReq? left, VersionReq? right) => !(left == right);

    /// <summary>Canonical text: comparators joined by <c>", "</c>, or <c>*</c> when there are none.</summary>
    public override string ToString()
    {
        var comparators = Comparators.AsSpan();
        if (comparators.IsEmpty)
        {
            return "*";
        }

        if (comparators.Length == 1)
        {
            return comparators[0].ToString();
        }

        var sb = new StringBuilder(32);
        for (var i = 0; i < comparators.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            comparators[i].AppendTo(sb);
        }

        return sb.ToString();
    }
}
