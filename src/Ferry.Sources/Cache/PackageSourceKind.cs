namespace Ferry.Sources.Cache;

/// <summary>Where a package's files come from.</summary>
public enum PackageSourceKind
{
    /// <summary>A path dependency or workspace member: its own directory.</summary>
    Path,

    /// <summary>A registry package (sparse or local registry), extracted into the package cache.</summary>
    Registry,

    /// <summary>A package of a <c>directory</c> source (vendored), checked against its <c>.cargo-checksum.json</c>.</summary>
    Vendored,

    /// <summary>A package in a git dependency's checkout under <c>$CARGO_HOME/git/checkouts</c>.</summary>
    Git,
}
