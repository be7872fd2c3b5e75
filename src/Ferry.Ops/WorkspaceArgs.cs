using Ferry.Core.Manifest;
using Ferry.Core.Workspaces;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops;

/// <summary>
/// How commands find their manifest and workspace (Cargo's <c>root_manifest</c> and
/// <c>workspace</c> argument helpers): <c>--manifest-path</c> checked the way Cargo checks it, else the
/// nearest <c>Cargo.toml</c> from the working directory up.
/// </summary>
public static class WorkspaceArgs
{
    public static string RootManifest(string? manifestPath, string cwd)
    {
        if (manifestPath is not null)
        {
            var path = ManifestPaths.Normalize(Path.IsPathRooted(manifestPath) ? manifestPath : Path.Combine(cwd, manifestPath));
            var fileName = Path.GetFileName(path);
            var embedded = Path.GetExtension(path) is ".rs" or "";
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new FerryException($"manifest path `{manifestPath}` does not exist");
            }

            if (fileName != "Cargo.toml" && !embedded)
            {
                throw new FerryException($"the manifest-path must be a path to a Cargo.toml file: `{path}`");
            }

            if (Directory.Exists(path))
            {
                var inside = Path.Combine(path, "Cargo.toml");
                var help = File.Exists(inside) ? $"\nhelp: {inside} exists" : string.Empty;
                throw new FerryException($"manifest path `{manifestPath}` is a directory but expected a file{help}");
            }

            if (fileName != "Cargo.toml")
            {
                throw new FerryException($"embedded manifest `{path}` requires `-Zscript`");
            }

            return path;
        }

        for (var dir = cwd; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var candidate = Path.Combine(dir, "Cargo.toml");
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FerryException($"could not find `Cargo.toml` in `{cwd}` or any parent directory");
    }

    public static Workspace Workspace(string? manifestPath, IManifestEnvironment environment, ManifestLoader? loader = null) =>
        Core.Workspaces.Workspace.Load(RootManifest(manifestPath, environment.Cwd), loader ?? new ManifestLoader(environment));
}
