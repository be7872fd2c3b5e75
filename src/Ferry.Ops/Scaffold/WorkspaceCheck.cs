using System.Text;
using Ferry.Core.Configuration;
using Ferry.Core.Manifest;
using Ferry.Core.Workspaces;
using Ferry.Util.Diagnostics;
using Ferry.Util.IO;

namespace Ferry.Ops.Scaffold;

/// <summary>
/// The last step of Cargo's <c>mk</c>: load the workspace the new package now belongs to
/// (<c>Workspace::new</c>) and, if that fails, say that compiling it may not work, followed by the
/// error. The package stays created either way. Warnings the loader prints (the virtual-workspace
/// resolver warning, member tables that are ignored) come out as they do in Cargo.
/// </summary>
internal static class WorkspaceCheck
{
    public static void Run(string manifestPath, GlobalContext gctx, IShell shell)
    {
        try
        {
            Workspace.Load(manifestPath, new ManifestLoader(new ManifestEnvironment(gctx, shell)));
        }
        catch (FerryException error)
        {
            // A manifest's syntax error is printed on the spot, before the warning; the chain under
            // the warning stops where it was (Cargo's AlreadyPrintedError).
            if (Find<DiagnosticException>(error) is { } diagnostic)
            {
                shell.Error(diagnostic);
            }

            shell.Warn("compiling this new package may not work due to invalid workspace configuration");
            shell.Raw("\n" + Chain(error));
        }
    }

    private static T? Find<T>(Exception error)
        where T : Exception
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The error and its causes as Cargo prints them under a warning (no <c>error:</c> label).</summary>
    private static string Chain(Exception error)
    {
        var text = new StringBuilder();
        var first = true;
        for (Exception? current = error; current is not null and not DiagnosticException; current = current.InnerException)
        {
            var message = current is FerryException ? current.Message : OsError.Describe(current, string.Empty);
            if (first)
            {
                text.Append(message).Append('\n');
                first = false;
                continue;
            }

            text.Append("\nCaused by:\n");
            foreach (var line in message.Split('\n'))
            {
                text.Append(line.Length == 0 ? "\n" : "  " + line + "\n");
            }
        }

        return text.ToString();
    }
}
