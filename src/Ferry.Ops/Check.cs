using System.Diagnostics;
using Ferry.Build.Selection;
using Ferry.Core.Configuration;
using Ferry.Core.Manifest;
using Ferry.Ops.Compile;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops;

/// <summary>
/// <c>ferry check</c>: the same pipeline as <c>build</c> with metadata-only units (<c>--emit=metadata</c>);
/// build scripts and proc-macros still compile in full, since they must run.
/// </summary>
public static class Check
{
    public static async Task RunAsync(GlobalContext gctx, IManifestEnvironment environment, IBuildShell shell, CompileOptions options, Stopwatch started, CancellationToken cancellationToken)
    {
        // `cargo check --profile test` checks the test harness build (legacy behaviour).
        var intent = options.Profile == "test" ? UserIntent.CheckTest : UserIntent.Check;
        await CompileWorkspace.RunAsync(gctx, environment, shell, options with { Intent = intent }, started, cancellationToken).ConfigureAwait(false);
    }
}
