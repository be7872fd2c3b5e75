using Ferry.Core.Manifest.Targets;

namespace Ferry.Core.Manifest;

/// <summary>Cargo's lexical path helpers, for layers above Core.</summary>
public static class ManifestPaths
{
    /// <summary><c>cargo_util::paths::normalize_path</c>: purely lexical, no file system access.</summary>
    public static string Normalize(string path) => TargetPaths.Normalize(path);

    /// <summary>Rust's <c>Path::join</c>.</summary>
    public static string Join(string root, string path) => TargetPaths.Resolve(root, path);
}
