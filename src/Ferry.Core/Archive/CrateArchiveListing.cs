using System.Collections.Immutable;

namespace Ferry.Core.Archive;

/// <summary>
/// What reading a whole archive established: its entries in archive order, the package's
/// <c>Cargo.toml</c> (if the archive has one at the package root), the content digest of the
/// files, and the SHA-256 of the compressed bytes for the caller to compare with the index.
/// </summary>
public sealed record CrateArchiveListing(
    ImmutableArray<CrateArchiveEntry> Entries,
    ImmutableArray<byte>? Manifest,
    TreeDigest Digest,
    string Sha256,
    long CompressedSize,
    long DecompressedSize);
