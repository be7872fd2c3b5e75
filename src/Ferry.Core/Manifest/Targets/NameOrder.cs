namespace Ferry.Core.Manifest.Targets;

/// <summary>
/// Orders target names as Rust orders <c>Option&lt;String&gt;</c>: missing names first, then by
/// UTF-8 bytes (code points), which differs from UTF-16 ordinal order only around surrogates.
/// Cargo sorts inferred and declared targets by name this way, and <c>cargo metadata</c> shows it.
/// </summary>
internal sealed class NameOrder : IComparer<TomlTarget>
{
    public static NameOrder Instance { get; } = new();

    public int Compare(TomlTarget? x, TomlTarget? y)
    {
        var a = x?.Name;
        var b = y?.Name;
        if (a is null || b is null)
        {
            return (a is null ? 0 : 1) - (b is null ? 0 : 1);
        }

        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return CodePointRank(a[i]) - CodePointRank(b[i]);
            }
        }

        return a.Length - b.Length;
    }

    // Surrogates encode code points above U+FFFF, so they must sort after U+E000..U+FFFF.
    private static int CodePointRank(char c) => c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;
}
