using System.Diagnostics;
using Ferry.Core.Configuration;
using Ferry.Core.Manifest;
using Ferry.Ops.Compile;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops;

/// <summary><c>ferry rustdoc</c>: documents the selected target (its dependencies are only checked), passing extra arguments to rustdoc; it ends like <c>doc</c>.</summary>
public static class Rustdoc
{
    public static async Task RunAsync(GlobalContext gctx, IManifestEnvironment environment, IBuildShell shell, CompileOptions options, bool open, Stopwatch started, CancellationToken cancellationToken)
    {
        var outcome = await CompileWorkspace.RunAsync(gctx, environment, shell, options, started, cancellationToken).ConfigureAwait(false);
        Doc.Report(gctx, shell, outcome.Compilation.DocOutputs, outcome.Context.TargetData.RequestedKinds.Length, open);
    }
}
