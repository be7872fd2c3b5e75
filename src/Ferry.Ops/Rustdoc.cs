using System.Diagnostics;
using Ferry.Core.Configuration;
using Ferry.Core.Manifest;
using Ferry.Ops.Compile;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops;

/// <summary><c>ferry rustdoc</c>: documents the selected target (its dependencies are only checked), passing extra arguments to rustdoc.</summary>
public static class Rustdoc
{
    public static async Task RunAsync(GlobalContext gctx, IManifestEnvironment environment, IBuildShell shell, CompileOptions options, bool open, Stopwatch started, CancellationToken cancellationToken)
    {
        var outcome = await CompileWorkspace.RunAsync(gctx, environment, shell, options, started, cancellationToken).ConfigureAwait(false);
        foreach (var index in outcome.Compilation.DocOutputs)
        {
            if (File.Exists(index))
            {
                shell.Status(open ? "Opening" : "Generated", index);
            }
        }
    }
}
