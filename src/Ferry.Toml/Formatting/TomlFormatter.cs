using System.Globalization;
using System.Text;
using Ferry.Toml.Parsing;

namespace Ferry.Toml.Formatting;

/// <summary>Spells C# values as TOML text for values and keys created by edits.</summary>
internal static class TomlFormatter
{
    /// <summary>A basic string (<c>"..."</c>) with every character TOML forbids escaped.</summary>
    public static string QuoteBasic(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                default:
                    if (c < 0x20 || c == 0x7F)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>A key as written: bare when TOML allows it, otherwise a quoted basic string.</summary>
    public static string FormatKey(string name)
    {
        if (name.Length > 0 && name.AsSpan().IndexOfAnyExcept(CharClass.BareKey) < 0)
        {
            return name;
        }
        return QuoteBasic(name);
    }

    public static string FormatFloat(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }
        if (double.IsPositiveInfinity(value))
        {
            return "inf";
        }
        if (double.IsNegativeInfinity(value))
        {
            return "-inf";
        }
        string s = value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
        if (s.AsSpan().IndexOfAny('.', 'e') < 0)
        {
            s += ".0";
        }
        return s;
    }
}
