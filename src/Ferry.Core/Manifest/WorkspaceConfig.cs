namespace Ferry.Core.Manifest;

/// <summary>
/// What a manifest says about its workspace: it is a root (<c>[workspace]</c>, <see cref="Root"/>), or a
/// member that may point at its root with <c>package.workspace</c> (<see cref="RootPointer"/>).
/// </summary>
public sealed record WorkspaceConfig(WorkspaceRootConfig? Root, string? RootPointer)
{
    public bool IsRoot => Root is not null;

    public static WorkspaceConfig Member(string? pointer) => new(null, pointer);

    /// <summary>
    /// Cargo's <c>get_ws_root</c>: the root manifest this config names, if it names one. A root excludes
    /// <paramref name="lookFrom"/> when <c>workspace.exclude</c> covers it.
    /// </summary>
    public string? GetWorkspaceRoot(string selfPath, string lookFrom)
    {
        if (Root is { } root)
        {
            return root.IsExcluded(lookFrom) ? null : selfPath;
        }

        return RootPointer is { } pointer ? ReadRootPointer(selfPath, pointer) : null;
    }

    /// <summary><c>&lt;member dir&gt;/&lt;pointer&gt;/Cargo.toml</c>, lexically normalized.</summary>
    public static string ReadRootPointer(string memberManifest, string pointer) =>
        Targets.TargetPaths.Normalize(
            Targets.TargetPaths.Resolve(Targets.TargetPaths.Resolve(Path.GetDirectoryName(memberManifest)!, pointer), "Cargo.toml"));
}
