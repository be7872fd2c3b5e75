using System.Globalization;
using System.Text;
using Ferry.Toml;

namespace Ferry.Core.Lockfile;

/// <summary>
/// The wording serde uses in <c>invalid type: {unexpected}, expected {what}</c>, so schema errors
/// read exactly like Cargo's: <c>integer `1`</c>, <c>string "a"</c> (Rust <c>Debug</c> escaping),
/// <c>floating point `4.0`</c> (Rust <c>Display</c>, never exponent notation), <c>boolean `true`</c>,
/// <c>sequence</c>, and <c>map</c> for tables and date-times (the toml crate hands both to serde as
/// maps).
/// </summary>
internal static class SerdeText
{
    public static string Unexpected(TomlValue value) => value switch
    {
        TomlString s => "string " + RustDebug(s.Value),
        TomlInteger i => $"integer `{i.Value.ToString(CultureInfo.InvariantCulture)}`",
        TomlFloat f => $"floating point `{RustFloat(f.Value)}`",
        TomlBoolean b => b.Value ? "boolean `true`" : "boolean `false`",
        TomlArray or TomlArrayOfTables => "sequence",
        _ => "map",
    };

    /// <summary>A string as Rust's <c>{:?}</c> prints it.</summary>
    public static string RustDebug(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        text.Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case 0:
                    text.Append("\\0");
                    break;
                default:
                    if (IsPrintable(rune))
                    {
                        text.Append(rune.ToString());
                    }
                    else
                    {
                        text.Append("\\u{").Append(rune.Value.ToString("x", CultureInfo.InvariantCulture)).Append('}');
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>
    /// A float as serde's <c>Unexpected::Float</c> shows it: Rust's shortest round-trip digits written
    /// out positionally, with <c>.0</c> added to whole numbers (<c>4.0</c>, <c>0.00000000025</c>).
    /// </summary>
    public static string RustFloat(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        // "R" gives the shortest digits that round-trip, like Rust, but may use exponent notation.
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = r.StartsWith('-');
        if (negative)
        {
            r = r[1..];
        }

        var exponent = 0;
        var e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }

        var dot = r.IndexOf('.');
        var digits = dot < 0 ? r : r[..dot] + r[(dot + 1)..];
        var pointPosition = (dot < 0 ? r.Length : dot) + exponent;
        string result;
        if (pointPosition <= 0)
        {
            result = "0." + new string('0', -pointPosition) + digits;
        }
        else if (pointPosition >= digits.Length)
        {
            result = digits + new string('0', pointPosition - digits.Length);
        }
        else
        {
            result = digits[..pointPosition] + "." + digits[pointPosition..];
        }

        result = TrimLeadingZeros(result);
        if (!result.Contains('.'))
        {
            result += ".0";
        }

        return (negative ? "-" : string.Empty) + result;
    }

    private static string TrimLeadingZeros(string number)
    {
        var i = 0;
        while (i < number.Length - 1 && number[i] == '0' && number[i + 1] != '.')
        {
            i++;
        }

        return number[i..];
    }

    /// <summary>Close to Rust's <c>is_printable</c>: control, format, separator and unassigned characters are escaped.</summary>
    private static bool IsPrintable(Rune rune)
    {
        if (rune.Value == ' ')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate => false,
            _ => true,
        };
    }
}
