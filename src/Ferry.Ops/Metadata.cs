using System.Text.Encodings.Web;
using System.Text.Json;
using Ferry.Core.Manifest;
using Ferry.Core.Workspaces;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops;

/// <summary>
/// <c>ferry metadata --format-version 1</c>: Cargo's <c>ExportInfo</c> JSON for the workspace members.
/// Only <c>--no-deps</c> is available until dependency resolution exists.
/// </summary>
public static class Metadata
{
    public static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false };

    /// <summary>Runs the command: loads the workspace and returns what writes the JSON line (with its newline).</summary>
    public static Action<Stream> Run(MetadataOptions options, IManifestEnvironment environment)
    {
        var workspace = WorkspaceArgs.Workspace(options.ManifestPath, environment);
        if (options.FormatVersion is null)
        {
            environment.Shell.Warn("please specify `--format-version` flag explicitly to avoid compatibility problems");
        }

        Resolver.CliFeatures.FromCommandLine(options.Features, options.AllFeatures, !options.NoDefaultFeatures);
        if (!options.NoDeps)
        {
            throw new FerryException("metadata without --no-deps needs dependency resolution (not implemented yet)");
        }

        return output => Write(workspace, output);
    }

    /// <summary>Cargo's <c>ExportInfo</c> for <paramref name="workspace"/>, written to <paramref name="output"/> as it is produced.</summary>
    public static void Write(Workspace workspace, Stream output)
    {
        using (var writer = new Utf8JsonWriter(output, JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("packages");
            foreach (var member in workspace.Members)
            {
                PackageJson.Write(writer, member);
                writer.Flush();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("workspace_members");
            foreach (var member in workspace.Members)
            {
                writer.WriteStringValue(member.PackageId.ToSpecString());
            }

            writer.WriteEndArray();
            writer.WriteStartArray("workspace_default_members");
            foreach (var member in workspace.DefaultMembers)
            {
                writer.WriteStringValue(member.PackageId.ToSpecString());
            }

            writer.WriteEndArray();
            writer.WriteNull("resolve");
            writer.WriteString("target_directory", workspace.TargetDir);
            writer.WriteString("build_directory", workspace.BuildDir);
            writer.WriteNumber("version", 1);
            writer.WriteString("workspace_root", workspace.Root);
            writer.WritePropertyName("metadata");
            if (workspace.CustomMetadata is { } metadata)
            {
                TomlJson.Write(writer, metadata);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }
}
