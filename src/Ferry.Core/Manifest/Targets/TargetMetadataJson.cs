using System.Collections.Immutable;
using System.Text.Json;

namespace Ferry.Core.Manifest.Targets;

/// <summary>
/// Writes a <see cref="Target"/> the way <c>cargo metadata --format-version 1</c> does, field for
/// field and in the same order; <c>required-features</c> appears only when the key was written.
/// </summary>
public static class TargetMetadataJson
{
    public static void Write(Utf8JsonWriter writer, Target target)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(target);
        writer.WriteStartObject();
        WriteArray(writer, "kind", target.MetadataKind);
        WriteArray(writer, "crate_types", target.CrateTypes);
        writer.WriteString("name", target.Name);
        writer.WriteString("src_path", target.SrcPath);
        writer.WriteString("edition", target.Edition);
        if (target.RequiredFeatures is { } features)
        {
            WriteArray(writer, "required-features", features);
        }

        writer.WriteBoolean("doc", target.Documented);
        writer.WriteBoolean("doctest", target.Doctested && target.IsDoctestable);
        writer.WriteBoolean("test", target.Tested);
        writer.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, ImmutableArray<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
