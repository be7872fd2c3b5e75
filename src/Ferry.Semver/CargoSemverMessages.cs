namespace Ferry.Semver;

/// <summary>
/// The wording cargo 1.95 wraps around semver errors and warnings for a dependency's
/// <c>version = "..."</c>, kept next to the parser so the manifest loader prints exactly what cargo
/// prints. Cargo shows a bad requirement as
/// <code>
/// error: failed to parse manifest at `/path/Cargo.toml`
///
/// Caused by:
///   failed to parse the version requirement `1.0.0 - 2.0` for dependency `foo`
///
/// Caused by:
///   expected comma after patch version number, found '-'
/// </code>
/// where the last line is <see cref="SemverParseException"/>'s message unchanged. (An invalid
/// <c>package.version</c> is different: cargo reports the semver message alone, with a TOML snippet
/// underlining the whole string value.)
/// </summary>
public static class CargoSemverMessages
{
    /// <summary>Context line for a requirement that failed to parse (then "Caused by:" the semver error).</summary>
    public static string FailedToParseDependencyReq(string requirement, string dependency) =>
        $"failed to parse the version requirement `{requirement}` for dependency `{dependency}`";

    /// <summary>Cargo warns (without failing) when the raw requirement text contains a <c>+</c>.</summary>
    public static bool HasBuildMetadata(string requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        return requirement.Contains('+', StringComparison.Ordinal);
    }

    /// <summary>The warning cargo prints when <see cref="HasBuildMetadata"/> is true.</summary>
    public static string BuildMetadataIgnoredWarning(string requirement, string dependency) =>
        $"version requirement `{requirement}` for dependency `{dependency}` includes semver metadata which will be "
        + "ignored, removing the metadata is recommended to avoid confusion";
}
