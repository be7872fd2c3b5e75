using Ferry.Core.Identity;

namespace Ferry.Sources.Cache;

/// <summary>
/// A package ready to be read: <see cref="Root"/> is the directory holding its <c>Cargo.toml</c>
/// (the build's <c>CARGO_MANIFEST_DIR</c>).
/// </summary>
/// <param name="Id">The package as the resolve names it (before <c>[source]</c> replacement).</param>
/// <param name="Kind">Where its files come from.</param>
/// <param name="Root">Its directory.</param>
/// <param name="CrateFile">For registry packages, the verified <c>.crate</c> it was extracted from (in the cache, or the local registry's own file).</param>
/// <param name="Checksum">The sha256 the resolve (index and lockfile) records for it, if any.</param>
public sealed record PackageSource(PackageId Id, PackageSourceKind Kind, string Root, string? CrateFile, string? Checksum);
