using Ferry.Core.Dependencies;
using Ferry.Core.Identity;

namespace Ferry.Sources;

/// <summary>
/// Reads a package's <c>Cargo.toml</c> into a <see cref="Summary"/>: what path dependencies
/// outside the workspace and directory (vendored) sources are made of. Ops wires it to the
/// manifest loader; tests use a double. Synchronous on purpose: the loader parses in memory
/// and caches per path, and manifests are small local files.
/// </summary>
public interface IPackageManifestReader
{
    /// <summary>
    /// The summary of the package whose manifest is <paramref name="manifestPath"/>, reported as
    /// coming from <paramref name="sourceId"/> (its path, or the directory source a vendored
    /// copy belongs to, or the source that directory replaces). Throws
    /// <see cref="Ferry.Util.Diagnostics.FerryException"/> with the loader's message
    /// (<c>failed to read `.../Cargo.toml`</c>, parse errors).
    /// </summary>
    Summary ReadSummary(string manifestPath, SourceId sourceId);

    /// <summary>
    /// Whether the package may be published anywhere (<c>publish</c> unset or <c>true</c>): Cargo
    /// names only such packages when it skips duplicates in a git repository. The manifest was
    /// read by <see cref="ReadSummary"/> first.
    /// </summary>
    bool IsPublishable(string manifestPath) => true;
}
