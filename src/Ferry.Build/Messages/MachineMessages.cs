using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ferry.Build.BuildScripts;
using Ferry.Build.Profiles;
using Ferry.Build.Units;
using Ferry.Core.Manifest.Schema;
using Ferry.Core.Manifest.Targets;

namespace Ferry.Build.Messages;

/// <summary>
/// The JSON lines of <c>--message-format json</c> (Cargo's <c>machine_message</c>), field for field
/// as rust-analyzer and other tools read them: <c>compiler-artifact</c>, <c>compiler-message</c>,
/// <c>build-script-executed</c> and <c>build-finished</c>.
/// </summary>
public static class MachineMessages
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Artifact(Unit unit, IReadOnlyList<string> filenames, string? executable, bool fresh) => Write(writer =>
    {
        writer.WriteString("reason", "compiler-artifact");
        writer.WriteString("package_id", unit.Package.Id.ToSpecString());
        writer.WriteString("manifest_path", unit.Package.ManifestPath);
        writer.WritePropertyName("target");
        TargetMetadataJson.Write(writer, unit.Target);
        writer.WriteStartObject("profile");
        writer.WriteString("opt_level", unit.Profile.OptLevel);
        writer.WritePropertyName("debuginfo");
        switch (unit.Profile.DebugInfo)
        {
            case TomlDebugInfo.None:
                writer.WriteNumberValue(0);
                break;
            case TomlDebugInfo.Limited:
                writer.WriteNumberValue(1);
                break;
            case TomlDebugInfo.Full:
                writer.WriteNumberValue(2);
                break;
            case TomlDebugInfo.LineDirectivesOnly:
                writer.WriteStringValue("line-directives-only");
                break;
            default:
                writer.WriteStringValue("line-tables-only");
                break;
        }

        writer.WriteBoolean("debug_assertions", unit.Profile.DebugAssertions);
        writer.WriteBoolean("overflow_checks", unit.Profile.OverflowChecks);
        writer.WriteBoolean("test", unit.Mode.IsAnyTest());
        writer.WriteEndObject();
        writer.WriteStartArray("features");
        foreach (var feature in unit.Features)
        {
            writer.WriteStringValue(feature);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("filenames");
        foreach (var file in filenames)
        {
            writer.WriteStringValue(file);
        }

        writer.WriteEndArray();
        if (executable is null)
        {
            writer.WriteNull("executable");
        }
        else
        {
            writer.WriteString("executable", executable);
        }

        writer.WriteBoolean("fresh", fresh);
    });

    public static string CompilerMessage(Unit unit, string rawMessage) => Write(writer =>
    {
        writer.WriteString("reason", "compiler-message");
        writer.WriteString("package_id", unit.Package.Id.ToSpecString());
        writer.WriteString("manifest_path", unit.Package.ManifestPath);
        writer.WritePropertyName("target");
        TargetMetadataJson.Write(writer, unit.Target);
        writer.WritePropertyName("message");
        writer.WriteRawValue(rawMessage, skipInputValidation: true);
    });

    public static string BuildScriptExecuted(Unit unit, BuildOutput output, string outDir) => Write(writer =>
    {
        writer.WriteString("reason", "build-script-executed");
        writer.WriteString("package_id", unit.Package.Id.ToSpecString());
        writer.WriteStartArray("linked_libs");
        foreach (var lib in output.LibraryLinks)
        {
            writer.WriteStringValue(lib);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("linked_paths");
        foreach (var (path, _) in output.LibraryPaths)
        {
            writer.WriteStringValue(path);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("cfgs");
        foreach (var cfg in output.Cfgs)
        {
            writer.WriteStringValue(cfg);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("env");
        foreach (var (name, value) in output.Env)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(name);
            writer.WriteStringValue(value);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteString("out_dir", outDir);
    });

    public static string BuildFinished(bool success) => Write(writer =>
    {
        writer.WriteString("reason", "build-finished");
        writer.WriteBoolean("success", success);
    });

    /// <summary>
    /// A rustc diagnostic re-serialized the way Cargo does when it changes one: <c>rendered</c> first
    /// (here without ANSI codes), then the other fields sorted, <c>code</c> last.
    /// </summary>
    public static string WithRendered(JsonElement message, string rendered) => Write(writer =>
    {
        writer.WriteString("rendered", rendered);
        JsonElement? code = null;
        foreach (var property in message.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.Name == "rendered")
            {
                continue;
            }

            if (property.Name == "code")
            {
                code = property.Value;
                continue;
            }

            property.WriteTo(writer);
        }

        if (code is { } value)
        {
            writer.WritePropertyName("code");
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("code", out var inner))
            {
                writer.WriteStartObject();
                writer.WritePropertyName("code");
                inner.WriteTo(writer);
                foreach (var property in value.EnumerateObject().Where(p => p.Name != "code").OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    property.WriteTo(writer);
                }

                writer.WriteEndObject();
            }
            else
            {
                value.WriteTo(writer);
            }
        }
    });

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
