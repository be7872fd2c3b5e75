using System.Globalization;
using System.Text.Json;
using Ferry.Toml;

namespace Ferry.Tools.TomlTestDecoder;

/// <summary>
/// Writes a TOML document in toml-test's tagged JSON: tables as objects, arrays as arrays, and every scalar as
/// <c>{"type": "...", "value": "..."}</c>. Shared (as a linked source file) with the in-process conformance test.
/// </summary>
internal static class TaggedJson
{
    public static void WriteTable(Utf8JsonWriter writer, TomlTable table)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in table)
        {
            writer.WritePropertyName(key);
            WriteValue(writer, value);
        }
        writer.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter writer, TomlValue value)
    {
        switch (value)
        {
            case TomlTable table:
                WriteTable(writer, table);
                return;
            case TomlArrayOfTables tables:
                writer.WriteStartArray();
                foreach (var table in tables)
                {
                    WriteTable(writer, table);
                }
                writer.WriteEndArray();
                return;
            case TomlArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteValue(writer, item);
                }
                writer.WriteEndArray();
                return;
            case TomlString s:
                WriteScalar(writer, "string", s.Value);
                return;
            case TomlInteger i:
                WriteScalar(writer, "integer", i.Value.ToString(CultureInfo.InvariantCulture));
                return;
            case TomlFloat f:
                WriteScalar(writer, "float", FormatFloat(f.Value));
                return;
            case TomlBoolean b:
                WriteScalar(writer, "bool", b.Value ? "true" : "false");
                return;
            case TomlDateTime d:
                string type = d.DateTimeKind switch
                {
                    TomlDateTimeKind.OffsetDateTime => "datetime",
                    TomlDateTimeKind.LocalDateTime => "datetime-local",
                    TomlDateTimeKind.LocalDate => "date-local",
                    _ => "time-local",
                };
                WriteScalar(writer, type, d.ToCanonicalString());
                return;
            default:
                throw new InvalidOperationException("unknown TOML value " + value.GetType().Name);
        }
    }

    public static string FormatFloat(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }
        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    private static void WriteScalar(Utf8JsonWriter writer, string type, string value)
    {
        writer.WriteStartObject();
        writer.WriteString("type", type);
        writer.WriteString("value", value);
        writer.WriteEndObject();
    }
}
