using System.Globalization;
using Ferry.Core.Dependencies;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Manifest;

/// <summary>Cargo's facts about editions: parsing (with its messages), first stable Rust, default resolver.</summary>
public static class EditionInfo
{
    public const Edition LatestStable = Edition.E2024;

    public static IReadOnlyList<Edition> All { get; } = [Edition.E2015, Edition.E2018, Edition.E2021, Edition.E2024, Edition.Future];

    /// <summary>Cargo's <c>Edition::from_str</c>.</summary>
    public static Edition Parse(string text)
    {
        if (TryParse(text) is { } edition)
        {
            return edition;
        }

        if (ushort.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var year) && year > 2024 && year < 2050)
        {
            throw new FerryException(
                $"this version of Cargo is older than the `{text}` edition, and only supports `2015`, `2018`, `2021`, and `2024` editions.");
        }

        throw new FerryException($"supported edition values are `2015`, `2018`, `2021`, or `2024`, but `{text}` is unknown");
    }

    public static Edition? TryParse(string? text) => text switch
    {
        "2015" => Edition.E2015,
        "2018" => Edition.E2018,
        "2021" => Edition.E2021,
        "2024" => Edition.E2024,
        "future" => Edition.Future,
        _ => null,
    };

    public static string Display(Edition edition) => edition == Edition.Future ? "future" : ((int)edition).ToString(CultureInfo.InvariantCulture);

    /// <summary>The first stable Rust release with this edition (none for 2015 and future).</summary>
    public static RustVersion? FirstVersion(Edition edition) => edition switch
    {
        Edition.E2018 => new RustVersion(1, 31, 0),
        Edition.E2021 => new RustVersion(1, 56, 0),
        Edition.E2024 => new RustVersion(1, 85, 0),
        _ => null,
    };

    public static bool IsStable(Edition edition) => edition != Edition.Future;

    public static ResolveBehavior DefaultResolveBehavior(Edition edition) =>
        edition >= Edition.E2024 ? ResolveBehavior.V3 : edition >= Edition.E2021 ? ResolveBehavior.V2 : ResolveBehavior.V1;
}
