using Ferry.Util.Diagnostics;

namespace Ferry.Ops.Scaffold;

/// <summary>Placeholder: the post-creation workspace check.</summary>
internal static class WorkspaceProbe
{
    public static void Check(string manifestPath, IShell shell)
    {
        _ = manifestPath;
        _ = shell;
    }
}
