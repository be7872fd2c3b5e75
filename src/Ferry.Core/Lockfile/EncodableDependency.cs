using System.Collections.Immutable;

namespace Ferry.Core.Lockfile;

/// <summary>
/// One <c>[[package]]</c> (or <c>[root]</c>, or <c>[[patch.unused]]</c>) entry as written: cargo's
/// <c>TomlLockfileDependency</c>. Nothing is interpreted yet — the version is the string from the
/// file (it is parsed when the entry is turned into a <see cref="Identity.PackageId"/>, and only
/// if the entry is still relevant), the source is absent for path packages.
/// </summary>
/// <param name="Dependencies">The <c>dependencies</c> array; empty when the key is absent (Cargo treats both alike).</param>
/// <param name="Replace">The <c>replace</c> target of a <c>[replace]</c>d package (such entries list no dependencies).</param>
public sealed record EncodableDependency(
    string Name,
    string Version,
    EncodableSourceId? Source = null,
    string? Checksum = null,
    ImmutableArray<EncodablePackageId> Dependencies = default,
    EncodablePackageId? Replace = null)
{
    public ImmutableArray<EncodablePackageId> Dependencies { get; init; } = Dependencies.IsDefault ? [] : Dependencies;
}
