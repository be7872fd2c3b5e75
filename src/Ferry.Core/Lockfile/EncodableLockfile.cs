using System.Collections.Immutable;

namespace Ferry.Core.Lockfile;

/// <summary>
/// Cargo.lock as written, in any format version (cargo's <c>TomlLockfile</c>): the raw
/// <c>version</c> number (absent in V1 and V2 files), the <c>[[package]]</c> entries in file order,
/// the V1 <c>[root]</c> package, the <c>[metadata]</c> table (V1 keeps checksums there), the
/// <c>[[patch.unused]]</c> entries, and the comment lines at the top of the file (Cargo carries
/// comments other than its own two header lines over when it rewrites the file).
/// </summary>
/// <remarks>
/// <see cref="CargoLock.Parse"/> makes one from text, <see cref="CargoLock.Encode(EncodableLockfile, Resolution.ResolveVersion)"/>
/// writes one, <see cref="CargoLock.ToEncodable"/> and <see cref="CargoLock.ToResolve"/> convert to and
/// from the <see cref="Resolution.Resolve"/> model. Strings are kept verbatim so that a file reads
/// back into the same model and writes out to the same bytes.
/// </remarks>
public sealed record EncodableLockfile
{
    /// <summary>The <c>version = N</c> number; null when the file has none (V1 or V2).</summary>
    public uint? Version { get; init; }

    public ImmutableArray<EncodableDependency> Packages { get; init; } = [];

    /// <summary>The <c>[root]</c> table of early V1 files; Cargo reads it as the first package and never writes it.</summary>
    public EncodableDependency? Root { get; init; }

    /// <summary><c>[metadata]</c>, in Rust's key order (UTF-8 bytes).</summary>
    public ImmutableSortedDictionary<string, string> Metadata { get; init; } = EmptyMetadata;

    public ImmutableArray<EncodableDependency> UnusedPatches { get; init; } = [];

    /// <summary>The lines starting with <c>#</c> at the top of the file (without line endings).</summary>
    public ImmutableArray<string> HeaderComments { get; init; } = [];

    internal static ImmutableSortedDictionary<string, string> EmptyMetadata { get; } =
        ImmutableSortedDictionary.Create<string, string>(Utf8Ordinal.Instance);
}
