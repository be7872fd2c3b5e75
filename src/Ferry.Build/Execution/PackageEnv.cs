using Ferry.Build.Units;

namespace Ferry.Build.Execution;

/// <summary>The <c>CARGO_PKG_*</c> variables from <c>[package]</c> metadata (Cargo's <c>MetadataEnvs</c>): rustc, build scripts and programs get them.</summary>
public static class PackageEnv
{
    /// <summary>
    /// Cargo's package variables for a process of <paramref name="package"/> (rustc, rustdoc,
    /// programs and tests it runs): <c>CARGO_MANIFEST_DIR</c>, <c>CARGO_MANIFEST_PATH</c>, the
    /// version parts, <c>CARGO_PKG_NAME</c> and <see cref="Metadata"/>.
    /// </summary>
    public static ProcessCommand Apply(ProcessCommand command, BuildPackage package)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(package);
        var version = package.Version;
        command = command
            .WithEnv("CARGO_MANIFEST_DIR", package.Root)
            .WithEnv("CARGO_MANIFEST_PATH", package.ManifestPath)
            .WithEnv("CARGO_PKG_VERSION_MAJOR", version.Major.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnv("CARGO_PKG_VERSION_MINOR", version.Minor.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnv("CARGO_PKG_VERSION_PATCH", version.Patch.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnv("CARGO_PKG_VERSION_PRE", version.Pre.ToString())
            .WithEnv("CARGO_PKG_VERSION", version.ToString())
            .WithEnv("CARGO_PKG_NAME", package.Name);
        foreach (var (key, value) in Metadata(package))
        {
            command = command.WithEnv(key, value);
        }

        return command;
    }

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
