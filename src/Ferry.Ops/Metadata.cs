using System.Text.Encodings.Web;
using System.Text.Json;
using Ferry.Core.Configuration;
using Ferry.Core.Manifest;
using Ferry.Core.Workspaces;
using Ferry.Ops.Exports;
using Ferry.Ops.Resolution;
using Ferry.Resolver;
using Ferry.Resolver.Features;
using Ferry.Sources.Cache;
using PackageManifest = Ferry.Core.Manifest.Manifest;

namespace Ferry.Ops;

/// <summary>
/// <c>ferry metadata --format-version 1</c>: Cargo's <c>ExportInfo</c> JSON for the workspace members.
/// Without <c>--no-deps</c> the workspace is resolved as for <c>tree</c> (Cargo.lock kept in step),
/// every package of the graph is listed and the graph itself is in <c>resolve</c>.
/// </summary>
public static class Metadata
{
    public static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false };

    /// <summary>Runs the command: loads the workspace, resolves it unless <c>--no-deps</c>, and returns what writes the JSON line (with its newline).</summary>
    public static async Task<Action<Stream>> RunAsync(GlobalContext gctx, MetadataOptions options, IManifestEnvironment environment, CancellationToken cancellationToken)
    {
        var loader = new ManifestLoader(environment);
        var workspace = WorkspaceArgs.Workspace(options.ManifestPath, environment, loader);
        if (options.FormatVersion is null)
        {
            environment.Shell.Warn("please specify `--format-version` flag explicitly to avoid compatibility problems");
        }

        var cliFeatures = CliFeatures.FromCommandLine(options.Features, options.AllFeatures, !options.NoDefaultFeatures);
        if (options.NoDeps)
        {
            return output => Write(workspace, output);
        }

        // Cargo's `build_resolve_graph`: the platforms are the filters, else just the host
        // (`build.target` is deliberately not read); every member is resolved.
        var rustc = new RustcTargetInfo(gctx, gctx.Cwd);
        var targetDataTask = rustc.TargetDataAsync(options.FilterPlatforms, allTargets: false, cancellationToken);
        _ = targetDataTask.ContinueWith(task => task.Exception, TaskScheduler.Default);
        var specs = PackageSelection.FromFlags(true, [], []).ToSpecs(workspace, gctx.Shell);
        var forceAll = options.FilterPlatforms.Count == 0 ? ForceAllTargets.Yes : ForceAllTargets.No;

        using var registry = WorkspaceResolver.CreateRegistry(gctx, loader);
        var packages = new PackageManifests(
            PathPackages.Collect(workspace, loader),
            new RegistryPackageDownloader(registry, loader, new PackageDownloadOptions { VerifyExtracted = false }) { TrustExtracted = true });
        var resolved = await WorkspaceResolution.ResolveAsync(
            gctx, workspace, loader, registry, packages, targetDataTask, cliFeatures, specs, HasDevUnits.Yes, forceAll, cancellationToken).ConfigureAwait(false);
        var nodes = ExportResolveGraph.Build(workspace.Members.Select(m => m.PackageId), resolved.Targeted, packages, resolved.TargetData);
        var manifests = nodes.Select(node => packages.Get(node.Id)!).ToList();
        return output => Write(workspace, manifests, nodes, output);
    }

    /// <summary>Cargo's <c>ExportInfo</c> for <paramref name="workspace"/>, written to <paramref name="output"/> as it is produced.</summary>
    public static void Write(Workspace workspace, Stream output) => Write(workspace, [.. workspace.Members], null, output);

    /// <summary>Cargo's <c>ExportInfo</c>: <paramref name="packages"/>, and the resolve graph unless <paramref name="nodes"/> is null (<c>--no-deps</c>).</summary>
    private static void Write(Workspace workspace, IReadOnlyList<PackageManifest> packages, IReadOnlyList<ExportNode>? nodes, Stream output)
    {
        using (var writer = new Utf8JsonWriter(output, JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("packages");
            foreach (var package in packages)
            {
                PackageJson.Write(writer, package);
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
            writer.WritePropertyName("resolve");
            if (nodes is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                WriteResolve(writer, workspace, nodes);
            }

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

    private static void WriteResolve(Utf8JsonWriter writer, Workspace workspace, IReadOnlyList<ExportNode> nodes)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("nodes");
        foreach (var node in nodes)
        {
            writer.WriteStartObject();
            writer.WriteString("id", node.Id.ToSpecString());
            writer.WriteStartArray("dependencies");
            foreach (var dep in node.Deps)
            {
                writer.WriteStringValue(dep.Package.ToSpecString());
            }

            writer.WriteEndArray();
            writer.WriteStartArray("deps");
            foreach (var dep in node.Deps)
            {
                writer.WriteStartObject();
                writer.WriteString("name", dep.Name);
                writer.WriteString("pkg", dep.Package.ToSpecString());
                writer.WriteStartArray("dep_kinds");
                foreach (var kind in dep.Kinds)
                {
                    writer.WriteStartObject();
                    WriteStringOrNull(writer, "kind", kind.KindText);
                    WriteStringOrNull(writer, "target", kind.Target?.ToString());
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("features");
            foreach (var feature in node.Features)
            {
                writer.WriteStringValue(feature);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteStringOrNull(writer, "root", workspace.CurrentOpt?.PackageId.ToSpecString());
        writer.WriteEndObject();
    }

    private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
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
}
