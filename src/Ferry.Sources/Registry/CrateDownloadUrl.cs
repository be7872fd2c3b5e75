using System.Text;

namespace Ferry.Sources.Registry;

/// <summary>
/// Where a <c>.crate</c> is downloaded from, from the registry's <c>dl</c> template (Cargo's
/// <c>crate_url</c>): the markers <c>{crate}</c>, <c>{version}</c>, <c>{prefix}</c>,
/// <c>{lowerprefix}</c> and <c>{sha256-checksum}</c> are substituted; a template with none of
/// them gets <c>/{crate}/{version}/download</c> appended (the format before templates existed).
/// </summary>
internal static class CrateDownloadUrl
{
    private static readonly string[] Markers = ["{crate}", "{version}", "{prefix}", "{lowerprefix}", "{sha256-checksum}"];

    public static string For(string dl, string name, string version, string checksum)
    {
        var hasMarker = false;
        foreach (var marker in Markers)
        {
            hasMarker |= dl.Contains(marker, StringComparison.Ordinal);
        }

        if (!hasMarker)
        {
            return $"{dl}/{name}/{version}/download";
        }

        var prefix = Prefix(name);
        return new StringBuilder(dl)
            .Replace("{crate}", name)
            .Replace("{version}", version)
            .Replace("{prefix}", prefix)
            .Replace("{lowerprefix}", prefix.ToLowerInvariant())
            .Replace("{sha256-checksum}", checksum)
            .ToString();
    }

    /// <summary>The directory part of an index path, in the name's own case: <c>1</c>, <c>2</c>, <c>3/a</c>, <c>se/rd</c>.</summary>
    public static string Prefix(string name) => name.Length switch
    {
        0 => throw new ArgumentException("empty crate name", nameof(name)),
        1 => "1",
        2 => "2",
        3 => $"3/{name[..1]}",
        _ => $"{name[..2]}/{name[2..4]}",
    };
}
