using System.Globalization;
using System.Text;
using Ferry.Core.Configuration;

namespace Ferry.Ops;

/// <summary>
/// Compact JSON exactly as <c>serde_json::to_string</c> writes Cargo's values: object keys in
/// sorted order, only <c>"</c>, <c>\</c> and control characters escaped (lower-case
/// <c>\u00XX</c>), everything else — including non-ASCII — written as is.
/// </summary>
internal static class JsonText
{
    public static void AppendValue(StringBuilder text, ConfigValue value)
    {
        switch (value)
        {
            case ConfigString s:
                AppendString(text, s.Value);
                break;
            case ConfigInteger i:
                text.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case ConfigBoolean b:
                text.Append(b.Value ? "true" : "false");
                break;
            case ConfigList list:
                text.Append('[');
                for (var index = 0; index < list.Items.Length; index++)
                {
                    if (index > 0)
                    {
                        text.Append(',');
                    }

                    AppendValue(text, list.Items[index]);
                }

                text.Append(']');
                break;
            case ConfigTable table:
                text.Append('{');
                var first = true;
                foreach (var key in SortedKeys(table.Entries.Keys))
                {
                    if (!first)
                    {
                        text.Append(',');
                    }

                    first = false;
                    AppendString(text, key);
                    text.Append(':');
                    AppendValue(text, table.Entries[key]);
                }

                text.Append('}');
                break;
        }
    }

    public static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
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
                case '\b':
                    text.Append("\\b");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                default:
                    if (c < ' ')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }

    /// <summary>Keys in UTF-8 byte order, which is how Rust's <c>BTreeMap&lt;String, _&gt;</c> iterates.</summary>
    public static List<string> SortedKeys(IEnumerable<string> keys)
    {
        var list = keys.ToList();
        list.Sort(static (a, b) => Utf8Compare(a, b));
        return list;
    }

    /// <summary>Compares as Rust compares <c>String</c>s (UTF-8 byte order).</summary>
    public static int Utf8Compare(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                // UTF-16 order equals UTF-8 byte order except that surrogates (characters above
                // U+FFFF) sort after U+E000..U+FFFF in UTF-8.
                var x = char.IsSurrogate(a[i]) ? a[i] + 0x10000 : a[i];
                var y = char.IsSurrogate(b[i]) ? b[i] + 0x10000 : b[i];
                return x.CompareTo(y);
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
