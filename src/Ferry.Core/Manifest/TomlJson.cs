using System.Globalization;
using System.Text;
using System.Text.Json;
using Ferry.Core.Manifest.Schema;
using Ferry.Toml;

namespace Ferry.Core.Manifest;

/// <summary>
/// Writes TOML values as Cargo's JSON output does (serde_json over <c>toml::Value</c>): tables in
/// document order, floats in serde_json's notation (<c>null</c> when not finite), datetimes as
/// <c>{"$__toml_private_datetime": "..."}</c>.
/// </summary>
public static class TomlJson
{
    public static void Write(Utf8JsonWriter writer, TomlValue value)
    {
        switch (value)
        {
            case TomlString s:
                writer.WriteStringValue(s.Value);
                break;
            case TomlInteger i:
                writer.WriteNumberValue(i.Value);
                break;
            case TomlFloat f:
                if (double.IsFinite(f.Value))
                {
                    writer.WriteRawValue(SerdeText.JsonFloat(f.Value), skipInputValidation: true);
                }
                else
                {
                    writer.WriteNullValue();
                }

                break;
            case TomlBoolean b:
                writer.WriteBooleanValue(b.Value);
                break;
            case TomlDateTime d:
                writer.WriteStartObject();
                writer.WriteString(SchemaReader.DatetimeKey, Display(d));
                writer.WriteEndObject();
                break;
            case TomlArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case TomlArrayOfTables tables:
                writer.WriteStartArray();
                foreach (var table in tables)
                {
                    Write(writer, table);
                }

                writer.WriteEndArray();
                break;
            case TomlTable table:
                writer.WriteStartObject();
                foreach (var entry in table.Entries)
                {
                    writer.WritePropertyName(entry.Key.Name);
                    Write(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
        }
    }

    /// <summary>toml_datetime's <c>Display</c>: <c>T</c> separator, fraction without trailing zeros, <c>Z</c> or <c>±hh:mm</c>.</summary>
    public static string Display(TomlDateTime d)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        if (d.HasDate)
        {
            text.Append(d.Year.ToString("D4", invariant)).Append('-').Append(d.Month.ToString("D2", invariant)).Append('-').Append(d.Day.ToString("D2", invariant));
        }

        if (d.HasTime)
        {
            if (d.HasDate)
            {
                text.Append('T');
            }

            text.Append(d.Hour.ToString("D2", invariant)).Append(':').Append(d.Minute.ToString("D2", invariant)).Append(':').Append(d.Second.ToString("D2", invariant));
            if (d.Nanosecond != 0)
            {
                text.Append('.').Append(d.Nanosecond.ToString("D9", invariant).TrimEnd('0'));
            }
        }

        if (d.OffsetMinutes is { } offset)
        {
            if (d.IsZulu)
            {
                text.Append('Z');
            }
            else
            {
                var abs = Math.Abs(offset);
                text.Append(offset < 0 ? '-' : '+').Append((abs / 60).ToString("D2", invariant)).Append(':').Append((abs % 60).ToString("D2", invariant));
            }
        }

        return text.ToString();
    }
}
