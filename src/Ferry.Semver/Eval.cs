namespace Ferry.Semver;

/// <summary>
/// Requirement matching, mirroring the semver crate's <c>eval.rs</c> (default rules) and cargo's
/// <c>semver_eval_ext.rs</c> (the unstable pre-release-aware rules). Comparators are passed as loose
/// fields so the pre-release rules can evaluate derived bounds (filled-in partial versions, <c>-0</c>
/// upper bounds) without allocating a new <see cref="Comparator"/> per check.
/// Increments wrap on <c>u64</c> overflow like cargo's release build; no real version gets there.
/// </summary>
internal static class Eval
{
    /// <summary>The pre-release <c>0</c>, the lowest possible pre-release, used for exclusive upper bounds.</summary>
    private static readonly Prerelease Zero = new("0");

    public static bool MatchesReq(ReadOnlySpan<Comparator> comparators, Version ver)
    {
        foreach (var c in comparators)
        {
            if (!MatchesImpl(c.Op, c.Major, c.Minor, c.Patch, c.Pre, ver))
            {
                return false;
            }
        }

        if (ver.Pre.IsEmpty)
        {
            return true;
        }

        // A pre-release version is only allowed when at least one comparator with the same
        // major.minor.patch also has a pre-release, so ranges never drift into unstable releases.
        foreach (var c in comparators)
        {
            if (PreIsCompatible(c.Major, c.Minor, c.Patch, c.Pre, ver))
            {
                return true;
            }
        }

        return false;
    }

    public static bool MatchesComparator(Op op, ulong major, ulong? minor, ulong? patch, Prerelease pre, Version ver) =>
        MatchesImpl(op, major, minor, patch, pre, ver)
        && (ver.Pre.IsEmpty || PreIsCompatible(major, minor, patch, pre, ver));

    /// <summary>
    /// Whether some comparator is a <c>&gt;</c>/<c>&gt;=</c> with a pre-release. Cargo only lets a plain
    /// <c>&lt;X.Y.Z</c> bound admit <c>X.Y.Z-pre</c> versions in that case; otherwise the bound is read as
    /// <c>&lt;X.Y.Z-0</c>.
    /// </summary>
    public static bool HasPrereleaseLowerBound(ReadOnlySpan<Comparator> comparators)
    {
        foreach (var c in comparators)
        {
            if (c.Op is Op.Greater or Op.GreaterEq && !c.Pre.IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    public static bool MatchesPrerelease(Comparator c, Version ver, bool prereleaseLowerBound)
    {
        switch (c.Op)
        {
            case Op.Exact:
            case Op.Wildcard:
                return MatchesExactPrerelease(c, ver);
            case Op.Greater:
                return MatchesGreater(c.Major, c.Minor, c.Patch, c.Pre, ver);
            case Op.GreaterEq:
                return MatchesExactPrerelease(c, ver) || MatchesGreater(c.Major, c.Minor, c.Patch, c.Pre, ver);
            case Op.Less:
                return prereleaseLowerBound
                    ? MatchesLess(c.Major, c.Minor ?? 0, c.Patch ?? 0, c.Pre, ver)
                    : MatchesLess(c.Major, c.Minor ?? 0, c.Patch ?? 0, c.Pre.IsEmpty ? Zero : c.Pre, ver);
            case Op.LessEq:
                return MatchesExactPrerelease(c, ver) || MatchesLess(c.Major, c.Minor ?? 0, c.Patch ?? 0, c.Pre, ver);
            case Op.Tilde:
                return MatchesTildePrerelease(c, ver);
            case Op.Caret:
                return MatchesCaretPrerelease(c, ver);
            default:
                throw new InvalidOperationException($"unknown operator {c.Op}");
        }
    }

    private static bool MatchesImpl(Op op, ulong major, ulong? minor, ulong? patch, Prerelease pre, Version ver) => op switch
    {
        Op.Exact or Op.Wildcard => MatchesExact(major, minor, patch, pre, ver),
        Op.Greater => MatchesGreater(major, minor, patch, pre, ver),
        Op.GreaterEq => MatchesExact(major, minor, patch, pre, ver) || MatchesGreater(major, minor, patch, pre, ver),
        Op.Less => MatchesLess(major, minor, patch, pre, ver),
        Op.LessEq => MatchesExact(major, minor, patch, pre, ver) || MatchesLess(major, minor, patch, pre, ver),
        Op.Tilde => MatchesTilde(major, minor, patch, pre, ver),
        Op.Caret => MatchesCaret(major, minor, patch, pre, ver),
        _ => throw new InvalidOperationException($"unknown operator {op}"),
    };

    private static bool MatchesExact(ulong major, ulong? minor, ulong? patch, Prerelease pre, Version ver)
    {
        if (ver.Major != major)
        {
            return false;
        }

        if (minor is { } m && ver.Minor != m)
        {
            return false;
        }

        if (patch is { } p && ver.Patch != p)
        {
            return false;
        }

        return ver.Pre == pre;
    }

    private static bool MatchesGreater(ulong major, ulong? minor, ulong? patch, Prerelease pre, Version ver)
    {
        if (ver.Major != major)
        {
            return ver.Major > major;
        }

        if (minor is not { } m)
        {
            return false;
        }

        if (ver.Minor != m)
        {
            return ver.Minor > m;
        }

        if (patch is not { } p)
        {
            return false;
        }

        if (ver.Patch != p)
        {
            return ver.Patch > p;
        }

        return ver.Pre > pre;
    }

    private static bool MatchesLess(ulong major, ulong? minor, ulong? patch, Prerelease pre, Version ver)
    {
        if (ver.Major != major)
        {
            return ver.Major < major;
        }

        if (minor is not { } m)
        {
            return false;
        }

        if (ver.Minor != m)
        {
            return ver.Minor < m;
        }

        if (patch is not { } p)
        {
            return false;
        }

        if (ver.Patch != p)
        {
            return ver.Patch < p;
        }

        return ver.Pre < pre;
    }

    private static bool MatchesTilde(ulong major, ulong? minor, ulong? patch, Prerelease pre, Version ver)
    {
        if (ver.Major != major)
        {
            return false;
        }

        if (minor is { } m && ver.Minor != m)
        {
            return false;
        }

        if (patch is { } p && ver.Patch != p)
        {
            return ver.Patch > p;
        }

        return ver.Pre >= pre;
    }

    private static bool MatchesCaret(ulong major, ulong? minor, ulong? patch, Prerelease pre, Version ver)
    {
        if (ver.Major != major)
        {
            return false;
        }

        if (minor is not { } m)
        {
            return true;
        }

        if (patch is not { } p)
        {
            return major > 0 ? ver.Minor >= m : ver.Minor == m;
        }

        if (major > 0)
        {
            if (ver.Minor != m)
            {
                return ver.Minor > m;
            }

            if (ver.Patch != p)
            {
                return ver.Patch > p;
            }
        }
        else if (m > 0)
        {
            if (ver.Minor != m)
            {
                return false;
            }

            if (ver.Patch != p)
            {
                return ver.Patch > p;
            }
        }
        else if (ver.Minor != m || ver.Patch != p)
        {
            return false;
        }

        return ver.Pre >= pre;
    }

    private static bool PreIsCompatible(ulong major, ulong? minor, ulong? patch, Prerelease pre, Version ver) =>
        major == ver.Major && minor == ver.Minor && patch == ver.Patch && !pre.IsEmpty;

    // ---- cargo's pre-release-aware variants (RFC 3493) ----

    private static bool MatchesExactPrerelease(Comparator c, Version ver)
    {
        if (MatchesExact(c.Major, c.Minor, c.Patch, c.Pre, ver))
        {
            return true;
        }

        // =3.0.0-alpha.24 only ever means that exact pre-release.
        if (!c.Pre.IsEmpty)
        {
            return false;
        }

        if (!MatchesGreaterFilled(c, ver))
        {
            return false;
        }

        // Upper bound <I.J.(K+1)-0, <I.(J+1).0-0 or <(I+1).0.0-0 depending on how much was written.
        return (c.Minor, c.Patch) switch
        {
            ({ } minor, { } patch) => MatchesLess(c.Major, minor, patch + 1, Zero, ver),
            ({ } minor, null) => MatchesLess(c.Major, minor + 1, 0, Zero, ver),
            _ => MatchesLess(c.Major + 1, 0, 0, Zero, ver),
        };
    }

    private static bool MatchesTildePrerelease(Comparator c, Version ver)
    {
        if (MatchesExact(c.Major, c.Minor, c.Patch, c.Pre, ver))
        {
            return true;
        }

        if (!MatchesGreaterFilled(c, ver))
        {
            return false;
        }

        return c.Minor is { } minor
            ? MatchesLess(c.Major, minor + 1, 0, Zero, ver)
            : MatchesLess(c.Major + 1, 0, 0, Zero, ver);
    }

    private static bool MatchesCaretPrerelease(Comparator c, Version ver)
    {
        if (MatchesExact(c.Major, c.Minor, c.Patch, c.Pre, ver))
        {
            return true;
        }

        if (!MatchesGreaterFilled(c, ver))
        {
            return false;
        }

        if (c.Major > 0 || c.Minor is null)
        {
            return MatchesLess(c.Major + 1, 0, 0, Zero, ver);
        }

        var minor = c.Minor.Value;
        if (c.Patch is not { } patch || minor > 0)
        {
            return MatchesLess(c.Major, minor + 1, 0, Zero, ver);
        }

        return MatchesLess(c.Major, minor, patch + 1, Zero, ver);
    }

    /// <summary><c>&gt;</c> against the comparator with missing minor/patch filled in as 0.</summary>
    private static bool MatchesGreaterFilled(Comparator c, Version ver) =>
        MatchesGreater(c.Major, c.Minor ?? 0, c.Minor is null ? 0 : c.Patch ?? 0, c.Pre, ver);
}
