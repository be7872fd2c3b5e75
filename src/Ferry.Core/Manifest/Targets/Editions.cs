using Ferry.Util.Diagnostics;

namespace Ferry.Core.Manifest.Targets;

/// <summary>
/// The editions target normalization compares against, as ordered numbers (<c>future</c> sorts
/// last). Kept local until the manifest layer has a shared edition type.
/// </summary>
internal static class Editions
{
    public const int E2015 = 2015;
    public const int E2024 = 2024;
    public const int Future = int.MaxValue;

    /// <summary>The package edition: Cargo has validated it already and falls back to 2015 otherwise.</summary>
    public static int ParsePackage(string? edition) => TryParse(edition) ?? E2015;

    /// <summary>Cargo's <c>Edition::from_str</c>, with its error texts.</summary>
    public static int Parse(string edition)
    {
        if (TryParse(edition) is { } known)
        {
            return known;
        }

        if (ushort.TryParse(edition, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var year)
            && year > 2024 && year < 2050)
        {
            throw new FerryException(
                $"this version of Cargo is older than the `{edition}` edition, and only supports `2015`, `2018`, `2021`, and `2024` editions.");
        }

        throw new FerryException($"supported edition values are `2015`, `2018`, `2021`, or `2024`, but `{edition}` is unknown");
    }

    public static string Display(int edition) => edition == Future ? "future" : edition.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int? TryParse(string? edition) => edition switch
    {
        "2015" => 2015,
        "2018" => 2018,
        "2021" => 2021,
        "2024" => 2024,
        "future" => Future,
        _ => null,
    };
}
