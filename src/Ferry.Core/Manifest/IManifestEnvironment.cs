using Ferry.Core.Urls;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Manifest;

/// <summary>
/// What reading manifests and workspaces needs from the outside world besides the files themselves:
/// the working directory (for cwd-relative diagnostics), Cargo home (workspace discovery stops there),
/// a few configuration values and a place for warnings. A small seam of its own so the manifest layer
/// does not depend on how configuration is loaded.
/// </summary>
public interface IManifestEnvironment
{
    /// <summary>The process working directory (absolute).</summary>
    string Cwd { get; }

    /// <summary><c>$CARGO_HOME</c> (absolute).</summary>
    string CargoHome { get; }

    /// <summary>Whether unstable (<c>cargo-features</c>) features may be used; false on a stable toolchain.</summary>
    bool NightlyFeaturesAllowed { get; }

    /// <summary>Where workspace-level warnings are printed (manifest warnings are collected on the manifest instead).</summary>
    IShell Shell { get; }

    /// <summary>
    /// The index URL of the registry named <paramref name="name"/> (<c>registries.NAME.index</c>), or
    /// Cargo's error: <c>registry index was not found in any configuration: `NAME`</c>.
    /// </summary>
    Url RegistryIndex(string name);

    /// <summary><c>CARGO_TARGET_DIR</c> / <c>build.target-dir</c> as an absolute path; null for the default.</summary>
    string? TargetDir { get; }

    /// <summary><c>build.build-dir</c> for a workspace rooted at <paramref name="workspaceManifest"/>; null when unset.</summary>
    string? BuildDir(string workspaceManifest);

    /// <summary><c>path-bases.NAME</c> from configuration (absolute), or null.</summary>
    string? PathBase(string name);

    /// <summary>The <c>[patch]</c> tables of configuration, in source and name order (empty when none).</summary>
    IReadOnlyList<ConfigPatch> ConfigPatches();
}
