using System.Globalization;
using System.Text;

namespace Ferry.Core.Lockfile;

/// <summary>
/// Writes strings and keys the way the <c>toml</c> crate's <c>Display</c> does when Cargo renders a
/// lockfile value: the "prettiest" form that needs no escapes (basic <c>"..."</c>, then literal
/// <c>'...'</c>, then the multi-line forms), falling back to an escaped basic string. A branch name
/// containing <c>"</c> therefore appears as <c>source = 'git+...?branch=a"b#...'</c> in a V3 lockfile,
/// and <c>[metadata]</c> keys are bare when they can be.
/// </summary>
internal static class TomlText
{
    public static void AppendValue(StringBuilder text, string value)
    {
        var metrics = Measure(value);
        if (!metrics.EscapeCodes && !metrics.Escape && metrics.MaxDoubleQuotes == 0 && !metrics.Newline)
        {
            // Nothing to escape: the common case, written in one piece.
            text.Append('"').Append(value).Append('"');
        }
        else if (!metrics.EscapeCodes && metrics.MaxSingleQuotes == 0 && !metrics.Newline)
        {
            Write(text, value, Encoding.Literal, newline: false);
        }
        else if (!metrics.EscapeCodes && !metrics.Escape && metrics.MaxDoubleQuotes <= 2)
        {
            Write(text, value, Encoding.MultiLineBasic, metrics.Newline);
        }
        else if (!metrics.EscapeCodes && metrics.MaxSingleQuotes <= 2)
        {
            Write(text, value, Encoding.MultiLineLiteral, metrics.Newline);
        }
        else
        {
            Write(text, value, metrics.Newline ? Encoding.MultiLineBasic : Encoding.Basic, metrics.Newline);
        }
    }

    public static void AppendKey(StringBuilder text, string key)
    {
        var bare = key.Length > 0;
        var single = false;
        var dbl = false;
        var escapeCodes = false;
        var escape = false;
        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                bare = false;
            }

            switch (c)
            {
                case '\'':
                    single = true;
                    break;
                case '"':
                    dbl = true;
                    break;
                case '\\':
                    escape = true;
                    break;
                case '\t':
                    break;
                default:
                    if (c <= 0x1f || c == 0x7f)
                    {
                        escapeCodes = true;
                    }

                    break;
            }
        }

        if (bare)
        {
            text.Append(key);
        }
        else if (!escapeCodes && !escape && !dbl)
        {
            Write(text, key, Encoding.Basic, newline: false);
        }
        else if (!escapeCodes && !single)
        {
            Write(text, key, Encoding.Literal, newline: false);
        }
        else
        {
            Write(text, key, Encoding.Basic, newline: false);
        }
    }

    public static string Value(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        AppendValue(text, value);
        return text.ToString();
    }

    private static void Write(StringBuilder text, string value, Encoding encoding, bool newline)
    {
        var delimiter = encoding switch
        {
            Encoding.Literal => "'",
            Encoding.Basic => "\"",
            Encoding.MultiLineLiteral => "'''",
            _ => "\"\"\"",
        };
        var multiLine = encoding is Encoding.MultiLineLiteral or Encoding.MultiLineBasic;
        text.Append(delimiter);
        if (newline && multiLine)
        {
            text.Append('\n');
        }

        if (encoding is Encoding.Literal or Encoding.MultiLineLiteral)
        {
            text.Append(value);
        }
        else
        {
            AppendEscaped(text, value, multiLine);
        }

        text.Append(delimiter);
    }

    private static void AppendEscaped(StringBuilder text, string value, bool multiLine)
    {
        // A multi-line basic string may hold up to two quotes in a row; the third is escaped.
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

                text.Append(c);
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
                    if (c <= 0x1f || c == 0x7f)
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

    private static Metrics Measure(string value)
    {
        var metrics = default(Metrics);
        var singles = 0;
        var doubles = 0;
        foreach (var c in value)
        {
            singles = c == '\'' ? singles + 1 : 0;
            doubles = c == '"' ? doubles + 1 : 0;
            metrics.MaxSingleQuotes = Math.Max(metrics.MaxSingleQuotes, singles);
            metrics.MaxDoubleQuotes = Math.Max(metrics.MaxDoubleQuotes, doubles);
            switch (c)
            {
                case '\\':
                    metrics.Escape = true;
                    break;
                case '\t':
                    break;
                case '\n':
                    metrics.Newline = true;
                    break;
                default:
                    if (c <= 0x1f || c == 0x7f)
                    {
                        metrics.EscapeCodes = true;
                    }

                    break;
            }
        }

        return metrics;
    }

    private enum Encoding
    {
        Literal,
        Basic,
        MultiLineLiteral,
        MultiLineBasic,
    }

    private struct Metrics
    {
        public int MaxSingleQuotes;
        public int MaxDoubleQuotes;
        public bool EscapeCodes;
        public bool Escape;
        public bool Newline;
    }
}
