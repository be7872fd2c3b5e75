using Ferry.Core.Identity;
using Ferry.Core.Lockfile;
using Ferry.Core.Manifest;
using Ferry.Core.Workspaces;
using Ferry.Semver;
using Ferry.Toml;
using Ferry.Util.Diagnostics;
using PackageManifest = Ferry.Core.Manifest.Manifest;

namespace Ferry.Ops;

/// <summary>
/// <c>ferry pkgid [SPEC]</c>: the full package id spec of the current package, or of the package in
/// <c>Cargo.lock</c> that <c>SPEC</c> names. Like Cargo it needs a lockfile, read with the packages
/// without a <c>source</c> given the path sources of the workspace and its path dependencies.
/// </summary>
public static class Pkgid
{
    public static string Run(Workspace workspace, string? spec, ManifestLoader loader)
    {
        var lockPath = ManifestPaths.Join(workspace.Root, CargoLock.FileName);
        var pathPackages = PathDependencies(workspace, loader).Select(p => new PackageId(p.Key.Item1, p.Key.Item2, p.Value));
        var resolve = CargoLock.Load(lockPath, new LockfileContext(pathPackages))
            ?? throw new FerryException("a Cargo.lock must exist for this command");

        // Cargo iterates its resolve graph in package id order.
        var ids = resolve.Packages.Order().ToList();
        var id = spec is null ? workspace.Current().PackageId : PackageIdSpec.QueryString(spec, ids, loader.Environment.Cwd);
        return id.ToSpecString() + "\n";
    }

    /// <summary>Cargo's message for <c>-p</c> without a value, listing the workspace members.</summary>
    public static string AvailablePackages(Workspace workspace)
    {
        var text = new System.Text.StringBuilder(
            "\"--package <SPEC>\" requires a SPEC format value, which can be any package ID specifier in the dependency graph.\n"
            + "Run `cargo help pkgid` for more information about SPEC format.\n\nPossible packages/workspace members:");
        foreach (var member in workspace.Members)
        {
            text.Append("\n    ").Append(member.Name);
        }

        return text.Append('\n').ToString();
    }

    /// <summary>Cargo's <c>build_path_deps</c>: members, their path dependencies (transitively), and path patches and replacements.</summary>
    private static Dictionary<(string, Version), SourceId> PathDependencies(Workspace workspace, ManifestLoader loader)
    {
        var result = new Dictionary<(string, Version), SourceId>();
        var visited = new HashSet<SourceId>();
        var members = workspace.Members.Where(m => m.PackageId.Source.IsPath).ToList();
        foreach (var member in members)
        {
            result[(member.Name, member.Version)] = member.PackageId.Source;
            visited.Add(member.PackageId.Source);
        }

        void Visit(Core.Dependencies.Dependency dep)
        {
            if (visited.Contains(dep.Source) || !dep.Source.IsPath)
            {
                return;
            }

            PackageManifest package;
            try
            {
                package = loader.ReadPackage(ManifestPaths.Join(dep.Source.LocalPath, "Cargo.toml"));
            }
            catch (FerryException)
            {
                return;
            }

            result[(package.Name, package.Version)] = package.PackageId.Source;
            visited.Add(package.PackageId.Source);
            foreach (var next in package.Dependencies)
            {
                Visit(next);
            }
        }

        foreach (var member in members)
        {
            foreach (var dep in member.Dependencies)
            {
                Visit(dep);
            }
        }

        foreach (var patch in workspace.RootMaybe.Patch)
        {
            foreach (var dep in patch.Dependencies)
            {
                Visit(dep);
            }
        }

        foreach (var replace in workspace.RootMaybe.Replace)
        {
            Visit(replace.Dependency);
        }

        return result;
    }
}
