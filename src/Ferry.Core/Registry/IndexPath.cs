namespace Ferry.Core.Registry;

/// <summary>Where a crate's index file lives: <c>1/a</c>, <c>2/ab</c>, <c>3/a/abc</c>, <c>se/rd/serde</c> (lower-cased).</summary>
public static class IndexPath
{
    public static string For(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower.Length switch
        {
            0 => throw new ArgumentException("empty crate name", nameof(name)),
            1 => $"1/{lower}",
            2 => $"2/{lower}",
            3 => $"3/{lower[..1]}/{lower}",
            _ => $"{lower[..2]}/{lower[2..4]}/{lower}",
        };
    }
}
