namespace Ferry.Semver;

/// <summary>Dot-separated identifier comparison shared by <see cref="Prerelease"/> and <see cref="BuildMetadata"/>.</summary>
internal static class IdentifierOrdering
{
    public static int Compare(ReadOnlySpan<char> lhs, ReadOnlySpan<char> rhs, bool numericIgnoresLeadingZeros)
    {
        while (true)
        {
            var lDot = lhs.IndexOf('.');
            var rDot = rhs.IndexOf('.');
            var l = lDot < 0 ? lhs : lhs[..lDot];
            var r = rDot < 0 ? rhs : rhs[..rDot];

            var lNumeric = IsAllDigits(l);
            var rNumeric = IsAllDigits(r);
            int order;
            if (lNumeric && rNumeric)
            {
                if (numericIgnoresLeadingZeros)
                {
                    var lv = l.TrimStart('0');
                    var rv = r.TrimStart('0');
                    order = lv.Length.CompareTo(rv.Length);
                    if (order == 0)
                    {
                        order = lv.SequenceCompareTo(rv);
                    }

                    if (order == 0)
                    {
                        order = l.Length.CompareTo(r.Length);
                    }
                }
                else
                {
                    // Pre-release numerics have no leading zeros, so length then digits is numeric order
                    // without any risk of overflowing a ulong.
                    order = l.Length.CompareTo(r.Length);
                    if (order == 0)
                    {
                        order = l.SequenceCompareTo(r);
                    }
                }
            }
            else if (lNumeric)
            {
                return -1;
            }
            else if (rNumeric)
            {
                return 1;
            }
            else
            {
                order = l.SequenceCompareTo(r);
            }

            if (order != 0)
            {
                return Math.Sign(order);
            }

            if (lDot < 0)
            {
                return rDot < 0 ? 0 : -1;
            }

            if (rDot < 0)
            {
                return 1;
            }

            lhs = lhs[(lDot + 1)..];
            rhs = rhs[(rDot + 1)..];
        }
    }

    private static bool IsAllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
