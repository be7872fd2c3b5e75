using Ferry.Util.Text;
using System.Globalization;
using System.Text;
using Ferry.Toml;

namespace Ferry.Core.Manifest.Schema;

/// <summary>
/// The wording serde uses in its deserialization errors (<c>invalid type: integer `1`, expected a string</c>),
/// which cargo shows verbatim for manifest type errors. Only the pieces the manifest schema needs.
/// </summary>
internal static class SerdeText
{
    /// <summary>
    /// serde's <c>Unexpected</c> for a TOML value: <c>integer `1`</c>, <c>string "x"</c>, <c>boolean `true`</c>,
    /// <c>floating point `1.5`</c>, <c>sequence</c>, <c>map</c>. toml-rs hands datetimes to serde as a map.
    /// </summary>
    public static string Unexpected(TomlValue value) => Unexpected(value, RustDebug.IsControl);

    /// <summary>The same, with strings escaping the characters <paramref name="escape"/> selects (see <see cref="RustDebug"/>).</summary>
    public static string Unexpected(TomlValue value, Func<Rune, bool> escape) => value switch
    {
        TomlString s => "string " + RustDebug.Quote(s.Value, escape),
        TomlInteger i => "integer `" + i.Value.ToString(CultureInfo.InvariantCulture) + "`",
        TomlBoolean b => b.Value ? "boolean `true`" : "boolean `false`",
        TomlFloat f => "floating point `" + FloatWithDecimalPoint(f.Value) + "`",
        TomlArray or TomlArrayOfTables => "sequence",
        _ => "map",
    };

    public static string InvalidType(TomlValue value, string expected) => $"invalid type: {Unexpected(value)}, expected {expected}";

    /// <summary>Rust's <c>{:?}</c> of a string: quotes, and escapes for quotes, backslashes and control characters.</summary>
    public static string RustDebugString(string value) => RustDebug.Quote(value);

    /// <summary>serde's <c>WithDecimalPoint</c>: Rust's float <c>Display</c>, with <c>.0</c> added to whole numbers.</summary>
    public static string FloatWithDecimalPoint(double value)
    {
        var text = RustFloatDisplay(value);
        return double.IsFinite(value) && !text.Contains('.', StringComparison.Ordinal) ? text + ".0" : text;
    }

    /// <summary>Rust's <c>{}</c> for f64: the shortest round-trip digits, never in exponent notation.</summary>
    public static string RustFloatDisplay(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var (negative, digits, exponent) = ShortestDigits(value);
        var text = new StringBuilder();
        if (negative)
        {
            text.Append('-');
        }

        // value = 0.digits × 10^exponent
        if (exponent <= 0)
        {
            text.Append("0.").Append('0', -exponent).Append(digits);
        }
        else if (exponent >= digits.Length)
        {
            text.Append(digits).Append('0', exponent - digits.Length);
        }
        else
        {
            text.Append(digits, 0, exponent).Append('.').Append(digits, exponent, digits.Length - exponent);
        }

        return text.ToString();
    }

    /// <summary>
    /// serde_json's float output (ryu's layout with a <c>+</c> on positive exponents): <c>1.0</c>, <c>0.001</c>,
    /// <c>1e-7</c>, <c>1.5e+16</c>. Non-finite values are written as <c>null</c> by the caller.
    /// </summary>
    public static string JsonFloat(double value)
    {
        var (negative, digits, exponent) = ShortestDigits(value);
        var text = new StringBuilder();
        if (negative)
        {
            text.Append('-');
        }

        var length = digits.Length;
        var kk = exponent; // 10^(kk-1) <= |v| < 10^kk
        var k = kk - length;
        if (0 <= k && kk <= 16)
        {
            text.Append(digits).Append('0', k).Append(".0");
        }
        else if (0 < kk && kk <= 16)
        {
            text.Append(digits, 0, kk).Append('.').Append(digits, kk, length - kk);
        }
        else if (-5 < kk && kk <= 0)
        {
            text.Append("0.").Append('0', -kk).Append(digits);
        }
        else
        {
            text.Append(digits[0]);
            if (length > 1)
            {
                text.Append('.').Append(digits, 1, length - 1);
            }

            var e = kk - 1;
            text.Append('e').Append(e < 0 ? "-" : "+").Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>The sign, the shortest round-trip significant digits and the decimal exponent (value = 0.d × 10^e).</summary>
    private static (bool Negative, string Digits, int Exponent) ShortestDigits(double value)
    {
        var negative = value < 0 || (value == 0 && double.IsNegative(value));
        // Find the shortest representation that round-trips ("R" is shortest on .NET Core 3.0+).
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        if (value == 0)
        {
            return (negative, "0", 1);
        }

        string mantissa;
        int exp;
        var e = shortest.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            mantissa = shortest[..e];
            exp = int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
        else
        {
            mantissa = shortest;
            exp = 0;
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        string intPart = dot < 0 ? mantissa : mantissa[..dot];
        string fracPart = dot < 0 ? string.Empty : mantissa[(dot + 1)..];
        var all = intPart + fracPart;
        var pointPosition = intPart.Length + exp;
        var leading = 0;
        while (leading < all.Length - 1 && all[leading] == '0')
        {
            leading++;
        }

        all = all[leading..];
        pointPosition -= leading;
        all = all.TrimEnd('0');
        if (all.Length == 0)
        {
            all = "0";
        }

        return (negative, all, pointPosition);
    }
}
