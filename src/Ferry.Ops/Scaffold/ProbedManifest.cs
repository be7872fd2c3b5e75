using Ferry.Toml;

namespace Ferry.Ops.Scaffold;

/// <summary>
/// The little <see cref="WorkspaceProbe"/> needs from a manifest: its package name and edition,
/// its <c>[workspace]</c> table or <c>package.workspace</c> pointer, its path dependencies, and
/// the tables a member may not have.
/// </summary>
internal sealed record ProbedManifest(
    string Path,
    string? PackageName,
    TomlTable? Workspace,
    string? RootPointer,
    string? Edition,
    bool EditionFromWorkspace,
    IReadOnlyList<ProbedDependency> PathDependencies,
    IReadOnlyList<string> IgnoredInMember)
{
    public bool IsVirtual => PackageName is null;

    public string Directory => RustPath.Parent(Path)!;
}
