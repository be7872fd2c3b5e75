using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Ferry.Semver;

/// <summary>
/// One comparison in a <see cref="VersionReq"/>, e.g. <c>&gt;=1.2</c>. <see cref="Minor"/> and
/// <see cref="Patch"/> are null when the requirement left them out (<c>^1</c>) or wrote a wildcard
/// (<c>1.*</c>); a pre-release only exists alongside a patch. Build metadata in the text is accepted and
/// discarded, as the semver crate does.
/// </summary>
public sealed record Comparator
{
    public Comparator(Op op, ulong major, ulong? minor, ulong? patch, Prerelease pre)
    {
        if (minor is null && patch is not null)
        {
            throw new ArgumentException("a comparator with a patch version needs a minor version", nameof(patch));
        }

        if (patch is null && !pre.IsEmpty)
        {
            throw new ArgumentException("a comparator with a pre-release needs a patch version", nameof(pre));
        }

        Op = op;
        Major = major;
        Minor = minor;
        Patch = patch;
        Pre = pre;
    }

    public Op Op { get; }

    public ulong Major { get; }

    public ulong? Minor { get; }

    public ulong? Patch { get; }

    public Prerelease Pre { get; }

    /// <summary>Parses a single comparator (the crate's <c>Comparator::parse</c>): no commas, no bare <c>*</c>.</summary>
    public static Comparator Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!SemverParser.TryParseSingleComparator(text, out var comparator, out var error))
        {
            throw error.ToException(text);
        }

        return comparator!;
    }

    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out Comparator? comparator) =>
        SemverParser.TryParseSingleComparator(text, out comparator, out _);

    /// <summary>This comparator alone, with the default rule that a pre-release version only matches a
    /// comparator naming the same <c>major.minor.patch</c> with a pre-release.</summary>
    public bool Matches(Version version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return Eval.MatchesComparator(Op, Major, Minor, Patch, Pre, version);
    }

    /// <summary>Canonical text: <c>^1.2.3-pre</c>, <c>&gt;=1.2</c>, <c>1.*</c>, <c>1.2.*</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(16);
        AppendTo(sb);
        return sb.ToString();
    }

    internal void AppendTo(StringBuilder sb)
    {
        sb.Append(Op switch
        {
            Op.Exact => "=",
            Op.Greater => ">",
            Op.GreaterEq => ">=",
            Op.Less => "<",
            Op.LessEq => "<=",
            Op.Tilde => "~",
            Op.Caret => "^",
            _ => string.Empty,
        });
        sb.Append(Major.ToString(CultureInfo.InvariantCulture));
        if (Minor is { } minor)
        {
            sb.Append('.').Append(minor.ToString(CultureInfo.InvariantCulture));
            if (Patch is { } patch)
            {
                sb.Append('.').Append(patch.ToString(CultureInfo.InvariantCulture));
                if (!Pre.IsEmpty)
                {
                    sb.Append('-').Append(Pre.AsString);
                }
            }
            else if (Op == Op.Wildcard)
            {
                sb.Append(".*");
            }
        }
        else if (Op == Op.Wildcard)
        {
            sb.Append(".*");
        }
    }
}
