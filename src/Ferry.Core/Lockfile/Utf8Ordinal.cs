namespace Ferry.Core.Lockfile;

/// <summary>
/// Orders strings the way Rust orders <c>String</c>s: by their UTF-8 bytes, which is code point
/// order. <see cref="StringComparer.Ordinal"/> compares UTF-16 code units and disagrees for
/// characters above U+FFFF against U+E000..U+FFFF; lockfile dependency lists and <c>[metadata]</c>
/// keys are sorted by Cargo with Rust's order, so the output must use it too.
/// </summary>
internal sealed class Utf8Ordinal : IComparer<string>
{
    public static Utf8Ordinal Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            var a = x[i];
            var b = y[i];
            if (a == b)
            {
                continue;
            }

            // Surrogates (U+D800..U+DFFF) encode code points above U+FFFF, so they sort after
            // every other UTF-16 unit in code point order.
            var surrogateA = char.IsSurrogate(a);
            var surrogateB = char.IsSurrogate(b);
            if (surrogateA != surrogateB)
            {
                return surrogateA ? 1 : -1;
            }

            return a.CompareTo(b);
        }

        return x.Length.CompareTo(y.Length);
    }
}
