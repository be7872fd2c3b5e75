using System.Text.Json;
using Ferry.Core.Dependencies;
using Ferry.Core.Manifest.Targets;

namespace Ferry.Core.Manifest;

/// <summary>
/// Writes a package the way <c>cargo metadata</c> and <c>cargo read-manifest</c> do (Cargo's
/// <c>SerializedPackage</c> and <c>SerializedDependency</c>), field for field and in Cargo's order.
/// </summary>
public static class PackageJson
{
    public static void Write(Utf8JsonWriter writer, Manifest manifest)
    {
        var id = manifest.PackageId;
        var meta = manifest.Metadata;
        writer.WriteStartObject();
        writer.WriteString("name", id.Name);
        writer.WriteString("version", id.Version.ToString());
        writer.WriteString("id", id.ToSpecString());
        WriteOptional(writer, "license", meta.License);
        WriteOptional(writer, "license_file", meta.LicenseFile);
        WriteOptional(writer, "description", meta.Description);
        WriteOptional(writer, "source", id.Source.IsPath ? null : id.Source.ToUrlString());
        writer.WriteStartArray("dependencies");
        foreach (var dep in manifest.Dependencies)
        {
            WriteDependency(writer, dep);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("targets");
        foreach (var target in manifest.Targets)
        {
            TargetMetadataJson.Write(writer, target);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("features");
        foreach (var (name, values) in manifest.Summary.Features)
        {
            writer.WriteStartArray(name);
            foreach (var value in values)
            {
                writer.WriteStringValue(value.ToString());
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteString("manifest_path", manifest.ManifestPath);
        writer.WritePropertyName("metadata");
        if (manifest.CustomMetadata is { } custom)
        {
            TomlJson.Write(writer, custom);
        }
        else
        {
            writer.WriteNullValue();
        }

        WriteOptionalList(writer, "publish", manifest.Publish);
        WriteList(writer, "authors", meta.Authors);
        WriteList(writer, "categories", meta.Categories);
        WriteList(writer, "keywords", meta.Keywords);
        WriteOptional(writer, "readme", meta.Readme);
        WriteOptional(writer, "repository", meta.Repository);
        WriteOptional(writer, "homepage", meta.Homepage);
        WriteOptional(writer, "documentation", meta.Documentation);
        writer.WriteString("edition", EditionInfo.Display(manifest.Edition));
        WriteOptional(writer, "links", manifest.Links);
        if (manifest.Metabuild is { } metabuild)
        {
            WriteList(writer, "metabuild", metabuild);
        }

        WriteOptional(writer, "default_run", manifest.DefaultRun);
        WriteOptional(writer, "rust_version", manifest.RustVersion?.ToString());
        if (manifest.Hints is Toml.TomlTable hints)
        {
            writer.WriteStartObject("hints");
            writer.WritePropertyName("mostly-unused");
            if (hints.Get("mostly-unused") is { } mostlyUnused)
            {
                TomlJson.Write(writer, mostlyUnused);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteDependency(Utf8JsonWriter writer, Dependency dep)
    {
        writer.WriteStartObject();
        writer.WriteString("name", dep.PackageName);
        WriteOptional(writer, "source", dep.Source.IsPath ? null : dep.Source.ToUrlString());
        writer.WriteString("req", dep.Req.ToString());
        WriteOptional(writer, "kind", dep.Kind switch
        {
            DependencyKind.Development => "dev",
            DependencyKind.Build => "build",
            _ => null,
        });
        WriteOptional(writer, "rename", dep.ExplicitNameInToml);
        writer.WriteBoolean("optional", dep.Optional);
        writer.WriteBoolean("uses_default_features", dep.DefaultFeatures);
        WriteList(writer, "features", dep.Features);
        WriteOptional(writer, "target", dep.Platform?.ToString());
        WriteOptional(writer, "registry", dep.RegistryId?.Url.ToString());
        if (dep.Source.IsPath)
        {
            writer.WriteString("path", dep.Source.LocalPath);
        }

        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteOptionalList(Utf8JsonWriter writer, string name, IEnumerable<string>? values)
    {
        if (values is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            WriteList(writer, name, values);
        }
    }
}
