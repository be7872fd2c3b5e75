namespace Ferry.Core.Identity;

/// <summary>
/// Where packages come from. The declaration order is the order Cargo sorts sources in
/// lockfiles (path, registry, sparse registry, local registry, directory, then git).
/// </summary>
public enum SourceKind
{
    Path,
    Registry,
    SparseRegistry,
    LocalRegistry,
    Directory,
    Git,
}
