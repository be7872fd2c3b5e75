using Ferry.Core.Identity;
using Ferry.Core.Lockfile;
using Ferry.Core.Manifest;
using Ferry.Core.Workspaces;
using Ferry.Ops.Resolution;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops;

/// <summary>
/// <c>ferry pkgid [SPEC]</c>: the full package id spec of the current package, or of the one
/// package of the lockfile's resolve that <c>SPEC</c> names (Cargo's <c>ops::pkgid</c>). Like Cargo
/// it reads <c>Cargo.lock</c> without resolving: path packages are recognised through the workspace
/// and its path dependencies, a spec matching several packages lists the specs that would tell
/// them apart, and one matching none suggests a close name or version.
/// </summary>
public static class Pkgid
{
    public static string Run(Workspace workspace, string? spec, ManifestLoader loader)
    {
        var lockPath = Path.Combine(workspace.Root, CargoLock.FileName);
        var context = new LockfileContext(PathPackages.Collect(workspace, loader).Select(m => m.PackageId));
        var resolve = CargoLock.Load(lockPath, context) ?? throw new FerryException("a Cargo.lock must exist for this command");
        var id = spec is null
            ? workspace.Current().PackageId
            : PackageIdSpec.QueryString(spec, [.. resolve.Packages.Order()], loader.Environment.Cwd);
        return id.ToSpecString() + "\n";
    }

    /// <summary>Cargo's message for <c>-p</c> without a value, listing the workspace members.</summary>
    public static string AvailablePackages(Workspace workspace) => PackageSelection.AvailablePackages(workspace);
}
