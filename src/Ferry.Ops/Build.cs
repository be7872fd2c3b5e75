using System.Diagnostics;
using Ferry.Core.Configuration;
using Ferry.Core.Manifest;
using Ferry.Ops.Compile;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops;

/// <summary><c>ferry build</c>: compile the selected packages and everything they depend on.</summary>
public static class Build
{
    public static async Task RunAsync(GlobalContext gctx, IManifestEnvironment environment, IBuildShell shell, CompileOptions options, Stopwatch started, CancellationToken cancellationToken) =>
        await CompileWorkspace.RunAsync(gctx, environment, shell, options, started, cancellationToken).ConfigureAwait(false);
}
