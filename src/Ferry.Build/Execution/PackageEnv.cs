using Ferry.Build.Units;

namespace Ferry.Build.Execution;

/// <summary>The <c>CARGO_PKG_*</c> variables from <c>[package]</c> metadata (Cargo's <c>MetadataEnvs</c>): rustc, build scripts and programs get them.</summary>
public static class PackageEnv
{
    public static IEnumerable<(string Key, string Value)> Metadata(BuildPackage package)
    {
        var meta = package.Manifest.Metadata;
        yield return ("CARGO_PKG_DESCRIPTION", meta.Description ?? string.Empty);
        yield return ("CARGO_PKG_HOMEPAGE", meta.Homepage ?? string.Empty);
        yield return ("CARGO_PKG_REPOSITORY", meta.Repository ?? string.Empty);
        yield return ("CARGO_PKG_LICENSE", meta.License ?? string.Empty);
        yield return ("CARGO_PKG_LICENSE_FILE", meta.LicenseFile ?? string.Empty);
        yield return ("CARGO_PKG_AUTHORS", string.Join(':', meta.Authors));
        yield return ("CARGO_PKG_RUST_VERSION", meta.RustVersion?.ToString() ?? string.Empty);
        yield return ("CARGO_PKG_README", meta.Readme ?? string.Empty);
    }

    /// <summary>Whether a variable is one of <see cref="Metadata"/> (rebuilds track them through dep-info).</summary>
    public static bool IsMetadata(string key) => key is "CARGO_PKG_DESCRIPTION" or "CARGO_PKG_HOMEPAGE" or "CARGO_PKG_REPOSITORY"
        or "CARGO_PKG_LICENSE" or "CARGO_PKG_LICENSE_FILE" or "CARGO_PKG_AUTHORS" or "CARGO_PKG_RUST_VERSION" or "CARGO_PKG_README";
}
