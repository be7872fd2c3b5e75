using System.Text.Json;
using Ferry.Core.Manifest;
using Ferry.Core.Workspaces;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops;

/// <summary><c>ferry locate-project</c>: the manifest (or with <c>--workspace</c> the workspace root manifest), as JSON or plain text.</summary>
public static class LocateProject
{
    public static string Run(string? manifestPath, bool workspace, string? messageFormat, IManifestEnvironment environment)
    {
        var rootManifest = WorkspaceArgs.RootManifest(manifestPath, environment.Cwd);
        string root;
        if (workspace)
        {
            var loader = new ManifestLoader(environment);
            root = FindWithMembershipCheck(rootManifest, loader)
                ?? Workspace.Load(rootManifest, loader).RootManifest;
        }
        else
        {
            root = rootManifest;
        }

        var format = messageFormat?.ToLowerInvariant() ?? "json";
        switch (format)
        {
            case "json":
                using (var buffer = new MemoryStream())
                {
                    using (var writer = new Utf8JsonWriter(buffer, Metadata.JsonOptions))
                    {
                        writer.WriteStartObject();
                        writer.WriteString("root", root);
                        writer.WriteEndObject();
                    }

                    return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
                }

            case "plain":
                return root + "\n";
            default:
                throw new FerryException($"invalid message format specifier: `{format}`");
        }
    }

    /// <summary>
    /// Cargo's fast path (<c>find_workspace_root_with_membership_check</c>): the root when this package is
    /// explicitly listed in its <c>members</c>; null means "load the whole workspace to know".
    /// </summary>
    private static string? FindWithMembershipCheck(string manifestPath, ManifestLoader loader)
    {
        var current = loader.Read(manifestPath);
        if (current.WorkspaceConfig.Root is { } root)
        {
            return root.HasDefaultMembers ? null : manifestPath;
        }

        if (current.WorkspaceConfig.RootPointer is { } pointer)
        {
            var wsManifestPath = WorkspaceConfig.ReadRootPointer(manifestPath, pointer);
            var wsManifest = loader.Read(wsManifestPath);
            return wsManifest.WorkspaceConfig.Root is { } config && config.IsExplicitlyListedMember(manifestPath) && !config.IsExcluded(manifestPath)
                ? wsManifestPath
                : null;
        }

        return loader.FindWorkspaceRootWithLoader(manifestPath, candidate =>
        {
            var manifest = loader.Read(candidate);
            return manifest.WorkspaceConfig.Root is { } config && config.IsExplicitlyListedMember(manifestPath) && !config.IsExcluded(manifestPath)
                ? candidate
                : null;
        });
    }
}
