using System.Text.Json;
using Ferry.Core.Manifest;

namespace Ferry.Ops;

/// <summary><c>ferry read-manifest</c> (deprecated in Cargo): the current package as <c>metadata</c> prints it.</summary>
public static class ReadManifest
{
    public static string Run(string? manifestPath, IManifestEnvironment environment)
    {
        var workspace = WorkspaceArgs.Workspace(manifestPath, environment);
        var current = workspace.Current();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Metadata.JsonOptions))
        {
            PackageJson.Write(writer, current);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
