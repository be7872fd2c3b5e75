using System.Globalization;
using System.Text;
using Ferry.Toml;

namespace Ferry.Core.Configuration;

/// <summary>
/// Writes configuration values as TOML text the way Cargo prints them (through <c>toml_edit</c> /
/// <c>toml_writer</c>): the same choice between basic, literal and multi-line strings, the same
/// escapes, <c>[a, b]</c> arrays and <c>{ k = v }</c> inline tables with sorted keys. Used by
/// <c>config get</c> and by key names in error messages, which must match Cargo byte for byte.
/// </summary>
public static class TomlText
{
    /// <summary>A string value in the style <c>toml_writer</c> picks by default.</summary>
    public static string String(string value)
    {
        var (maxSingleQuotes, maxDoubleQuotes, escapeCodes, escape, newline) = Measure(value);
        TomlStringStyle style;
        if (!escapeCodes && !escape && maxDoubleQuotes == 0 && !newline)
        {
            style = TomlStringStyle.Basic;
        }
        else if (!escapeCodes && maxSingleQuotes == 0 && !newline)
        {
            style = TomlStringStyle.Literal;
        }
        else if (!escapeCodes && !escape && maxDoubleQuotes <= 2)
        {
            style = TomlStringStyle.MultiLineBasic;
        }
        else if (!escapeCodes && maxSingleQuotes <= 2)
        {
            style = TomlStringStyle.MultiLineLiteral;
        }
        else
        {
            style = newline ? TomlStringStyle.MultiLineBasic : TomlStringStyle.Basic;
        }

        return Write(value, style, newline);
    }

    /// <summary>A key (inside an inline table): bare when possible, else a basic or literal string.</summary>
    public static string Key(string key)
    {
        var bare = key.Length > 0;
        bool singleQuotes = false, doubleQuotes = false, escape = false, escapeCodes = false;
        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                bare = false;
            }

            switch (c)
            {
                case '\'':
                    singleQuotes = true;
                    break;
                case '"':
                    doubleQuotes = true;
                    break;
                case '\\':
                    escape = true;
                    break;
                case '\t':
                    break;
                default:
                    if (c <= '\x1f' || c == '\x7f')
                    {
                        escapeCodes = true;
                    }

                    break;
            }
        }

        if (bare)
        {
            return key;
        }

        if (!escapeCodes && !escape && !doubleQuotes)
        {
            return Write(key, TomlStringStyle.Basic, newline: false);
        }

        return !escapeCodes && !singleQuotes ? Write(key, TomlStringStyle.Literal, newline: false) : Write(key, TomlStringStyle.Basic, newline: false);
    }

    /// <summary>A value as an inline TOML value (what Cargo's <c>cv_to_toml</c> displays).</summary>
    public static string Value(ConfigValue value)
    {
        var text = new StringBuilder();
        AppendValue(text, value);
        return text.ToString();
    }

    public static void AppendValue(StringBuilder text, ConfigValue value)
    {
        switch (value)
        {
            case ConfigString s:
                text.Append(String(s.Value));
                break;
            case ConfigInteger i:
                text.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case ConfigBoolean b:
                text.Append(b.Value ? "true" : "false");
                break;
            case ConfigList list:
                text.Append('[');
                for (var i = 0; i < list.Items.Length; i++)
                {
                    if (i > 0)
                    {
                        text.Append(", ");
                    }

                    AppendValue(text, list.Items[i]);
                }

                text.Append(']');
                break;
            case ConfigTable table:
                if (table.Entries.Count == 0)
                {
                    text.Append("{}");
                    break;
                }

                text.Append("{ ");
                var first = true;
                foreach (var (key, item) in table.Entries)
                {
                    if (!first)
                    {
                        text.Append(", ");
                    }

                    first = false;
                    text.Append(Key(key)).Append(" = ");
                    AppendValue(text, item);
                }

                text.Append(" }");
                break;
        }
    }

    private static string Write(string value, TomlStringStyle style, bool newline)
    {
        var text = new StringBuilder(value.Length + 8);
        var delimiter = style switch
        {
            TomlStringStyle.Literal => "'",
            TomlStringStyle.Basic => "\"",
            TomlStringStyle.MultiLineLiteral => "'''",
            _ => "\"\"\"",
        };
        var multiLine = style is TomlStringStyle.MultiLineLiteral or TomlStringStyle.MultiLineBasic;
        text.Append(delimiter);
        if (newline && multiLine)
        {
            text.Append('\n');
        }

        if (style is TomlStringStyle.Literal or TomlStringStyle.MultiLineLiteral)
        {
            text.Append(value);
        }
        else
        {
            // A run of more double quotes than the delimiter tolerates gets its next quote escaped;
            // the count starts again after every escape, as in toml_writer.
            var maxQuotes = multiLine ? 2 : 0;
            var quotes = 0;
            foreach (var c in value)
            {
                if (c == '"')
                {
                    quotes++;
                    if (quotes > maxQuotes)
                    {
                        text.Append("\\\"");
                        quotes = 0;
                        continue;
                    }

                    text.Append('"');
                    continue;
                }

                quotes = 0;
                switch (c)
                {
                    case '\b':
                        text.Append("\\b");
                        break;
                    case '\t':
                        text.Append("\\t");
                        break;
                    case '\n':
                        text.Append(multiLine ? "\n" : "\\n");
                        break;
                    case '\f':
                        text.Append("\\f");
                        break;
                    case '\r':
                        text.Append("\\r");
                        break;
                    case '\\':
                        text.Append("\\\\");
                        break;
                    default:
                        if (c <= '\x1f' || c == '\x7f')
                        {
                            text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            text.Append(c);
                        }

                        break;
                }
            }
        }

        text.Append(delimiter);
        return text.ToString();
    }

    private static (int MaxSingleQuotes, int MaxDoubleQuotes, bool EscapeCodes, bool Escape, bool Newline) Measure(string value)
    {
        int singles = 0, doubles = 0, maxSingles = 0, maxDoubles = 0;
        bool escapeCodes = false, escape = false, newline = false;
        foreach (var c in value)
        {
            singles = c == '\'' ? singles + 1 : 0;
            doubles = c == '"' ? doubles + 1 : 0;
            maxSingles = Math.Max(maxSingles, singles);
            maxDoubles = Math.Max(maxDoubles, doubles);
            switch (c)
            {
                case '\\':
                    escape = true;
                    break;
                case '\t':
                    break;
                case '\n':
                    newline = true;
                    break;
                default:
                    escapeCodes |= c <= '\x1f' || c == '\x7f';
                    break;
            }
        }

        return (maxSingles, maxDoubles, escapeCodes, escape, newline);
    }
}
