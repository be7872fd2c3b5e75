using System.Text.Json;
using Ferry.Core.Manifest;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops;

/// <summary>
/// <c>ferry verify-project</c> (deprecated in Cargo): <c>{"success":"true"}</c>, or
/// <c>{"invalid":"..."}</c> with the top-level error text and exit status 1. Diagnostics Cargo prints
/// while loading (TOML errors) still go to stderr first.
/// </summary>
public static class VerifyProject
{
    /// <returns>The JSON to print and the exit code.</returns>
    public static (string Json, int ExitCode, FerryException? Diagnostic) Run(string? manifestPath, IManifestEnvironment environment)
    {
        try
        {
            WorkspaceArgs.Workspace(manifestPath, environment);
        }
        catch (FerryException e)
        {
            // Cargo prints a located diagnostic as it happens; the JSON holds the error's own text.
            var diagnostic = FindDiagnostic(e);
            var text = e is DiagnosticException d ? d.PlainText : e.Message;
            return (Json("invalid", text), 1, diagnostic);
        }

        return (Json("success", "true"), 0, null);
    }

    private static DiagnosticException? FindDiagnostic(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is DiagnosticException d)
            {
                return d;
            }
        }

        return null;
    }

    private static string Json(string key, string value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Metadata.JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteString(key, value);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
