using System.Globalization;
using System.Text;

namespace Ferry.Util.Text;

/// <summary>
/// Rust's <c>{:?}</c> of a string, which Cargo's messages show verbatim (paths, serde's
/// <c>string "x"</c>): quotes, the escapes <c>\" \\ \n \r \t \0</c>, and <c>\u{..}</c> for the other
/// characters a caller chooses to escape. Rust escapes what is not printable; the callers that
/// were measured against Cargo only with control characters pass <see cref="IsControl"/>.
/// </summary>
public static class RustDebug
{
    /// <summary>The string quoted, escaping control characters.</summary>
    public static string Quote(string value) => Quote(value, IsControl);

    /// <summary>The string quoted, escaping the characters <paramref name="escape"/> selects.</summary>
    public static string Quote(string value, Func<Rune, bool> escape)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            Append(text, rune, escape);
        }

        return text.Append('"').ToString();
    }

    /// <summary>One character as it appears inside the quotes.</summary>
    public static void Append(StringBuilder text, Rune rune, Func<Rune, bool> escape)
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
                if (escape(rune))
                {
                    text.Append("\\u{").Append(rune.Value.ToString("x", CultureInfo.InvariantCulture)).Append('}');
                }
                else
                {
                    text.Append(rune.ToString());
                }

                break;
        }
    }

    /// <summary>Unicode control characters (category Cc).</summary>
    public static bool IsControl(Rune rune) => Rune.IsControl(rune);

    /// <summary>Close to Rust's <c>!is_printable</c>: control, format, separator (but the space), unassigned, private-use characters.</summary>
    public static bool IsUnprintable(Rune rune) =>
        rune.Value != ' '
        && Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate;
}
