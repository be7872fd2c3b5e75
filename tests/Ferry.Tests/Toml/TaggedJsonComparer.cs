using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ferry.Tests.Toml;

/// <summary>
/// Compares tagged-JSON value trees the way toml-test does: same keys and array lengths, same types; floats by
/// value (nan and inf by name), integers by value, date/times parsed (offset date-times as instants, fractions of
/// any length), strings exactly.
/// </summary>
internal static partial class TaggedJsonComparer
{
    /// <returns>null when equal, else a description of the first difference.</returns>
    public static string? Compare(JsonElement want, JsonElement have, string path = "")
    {
        if (IsTagged(want))
        {
            if (!IsTagged(have))
            {
                return $"{path}: expected a {want.GetProperty("type").GetString()}, got {have.ValueKind}";
            }
            string type = want.GetProperty("type").GetString()!;
            string haveType = have.GetProperty("type").GetString()!;
            if (type != haveType)
            {
                return $"{path}: type {haveType}, expected {type}";
            }
            string a = want.GetProperty("value").GetString()!;
            string b = have.GetProperty("value").GetString()!;
            return ScalarEquals(type, a, b) ? null : $"{path}: {type} `{b}`, expected `{a}`";
        }
        if (want.ValueKind != have.ValueKind)
        {
            return $"{path}: {have.ValueKind}, expected {want.ValueKind}";
        }
        if (want.ValueKind == JsonValueKind.Object)
        {
            var wantKeys = want.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
            var haveKeys = have.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
            if (!wantKeys.SequenceEqual(haveKeys))
            {
                return $"{path}: keys [{string.Join(", ", haveKeys)}], expected [{string.Join(", ", wantKeys)}]";
            }
            foreach (string key in wantKeys)
            {
                if (Compare(want.GetProperty(key), have.GetProperty(key), path + "." + key) is { } diff)
                {
                    return diff;
                }
            }
            return null;
        }
        if (want.ValueKind == JsonValueKind.Array)
        {
            var w = want.EnumerateArray().ToList();
            var h = have.EnumerateArray().ToList();
            if (w.Count != h.Count)
            {
                return $"{path}: {h.Count} elements, expected {w.Count}";
            }
            for (int i = 0; i < w.Count; i++)
            {
                if (Compare(w[i], h[i], $"{path}[{i}]") is { } diff)
                {
                    return diff;
                }
            }
            return null;
        }
        return null;
    }

    private static bool IsTagged(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object
        && e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
        && e.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String
        && e.EnumerateObject().Count() == 2;

    private static bool ScalarEquals(string type, string want, string have)
    {
        switch (type)
        {
            case "float":
                if (want.EndsWith("nan", StringComparison.Ordinal) || have.EndsWith("nan", StringComparison.Ordinal))
                {
                    return want.TrimStart('+', '-') == have.TrimStart('+', '-');
                }
                return ParseFloat(want).Equals(ParseFloat(have));
            case "integer":
                return long.Parse(want, CultureInfo.InvariantCulture) == long.Parse(have, CultureInfo.InvariantCulture);
            case "datetime":
            case "datetime-local":
            case "date-local":
            case "time-local":
                return ParseDateTime(want) is { } w && ParseDateTime(have) is { } h && w == h;
            default:
                return want == have;
        }
    }

    private static double ParseFloat(string s) => s switch
    {
        "inf" or "+inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"^(?:(\d{4})-(\d{2})-(\d{2}))?(?:[Tt ]?(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?)?([Zz]|[+-]\d{2}:\d{2})?$")]
    private static partial Regex DateTimePattern();

    /// <summary>A comparable key: (UTC nanoseconds, "instant") for offset date-times, the components otherwise.</summary>
    private static string? ParseDateTime(string s)
    {
        var m = DateTimePattern().Match(s);
        if (!m.Success)
        {
            return null;
        }
        int I(int g) => m.Groups[g].Success ? int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) : 0;
        long nanos = m.Groups[7].Success ? long.Parse(m.Groups[7].Value.PadRight(9, '0')[..9], CultureInfo.InvariantCulture) : 0;
        bool hasDate = m.Groups[1].Success;
        bool hasTime = m.Groups[4].Success;
        if (m.Groups[8].Success)
        {
            string o = m.Groups[8].Value;
            int offset = o is "Z" or "z" ? 0 : (o[0] == '-' ? -1 : 1) * (int.Parse(o[1..3], CultureInfo.InvariantCulture) * 60 + int.Parse(o[4..6], CultureInfo.InvariantCulture));
            long days = new DateTime(I(1), I(2), I(3)).Ticks / TimeSpan.TicksPerDay;
            long seconds = days * 86400 + I(4) * 3600L + I(5) * 60L + I(6) - offset * 60L;
            return $"instant {seconds}.{nanos:D9}";
        }
        return $"{hasDate}{I(1)}-{I(2)}-{I(3)} {hasTime}{I(4)}:{I(5)}:{I(6)}.{nanos:D9}";
    }
}
