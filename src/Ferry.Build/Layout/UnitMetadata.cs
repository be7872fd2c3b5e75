namespace Ferry.Build.Layout;

/// <summary>
/// A unit's hashes (Cargo's <c>Metadata</c>): <see cref="CMetadata"/> for <c>-C metadata</c> (symbol
/// names; not changed by RUSTFLAGS, so a flag change does not rebuild the world's symbols), and
/// <see cref="UnitId"/> for file names and directories (changed by everything that must keep outputs
/// apart), with whether file names and the package directory use it.
/// </summary>
public sealed record UnitMetadata(ulong UnitId, ulong CMetadata, bool UseExtraFilename, bool UsePkgDir)
{
    public string UnitIdHex => StableHasher.Hex(UnitId);

    public string CMetadataHex => StableHasher.Hex(CMetadata);

    public string? ExtraFilename => UseExtraFilename ? UnitIdHex : null;
}
