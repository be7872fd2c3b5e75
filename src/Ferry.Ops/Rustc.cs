using System.Diagnostics;
using Ferry.Build.Execution;
using Ferry.Build.Rustc;
using Ferry.Core.Configuration;
using Ferry.Core.Manifest;
using Ferry.Ops.Compile;
using System.Collections.Immutable;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops;

/// <summary>
/// <c>ferry rustc</c>: a build whose single selected target gets the arguments after <c>--</c>
/// (and <c>--crate-type</c>); with <c>--print</c>, only asks rustc (with the target's flags) and prints.
/// </summary>
public static class Rustc
{
    public static async Task RunAsync(GlobalContext gctx, IManifestEnvironment environment, IBuildShell shell, CompileOptions options, string? print, Stopwatch started, CancellationToken cancellationToken)
    {
        if (print is not null)
        {
            await PrintAsync(gctx, shell, options, print, cancellationToken).ConfigureAwait(false);
            return;
        }

        await CompileWorkspace.RunAsync(gctx, environment, shell, options, started, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cargo's <c>print</c>: <c>rustc --print INFO</c> with each requested target's flags.</summary>
    private static async Task PrintAsync(GlobalContext gctx, IBuildShell shell, CompileOptions options, string print, CancellationToken cancellationToken)
    {
        var probe = new RustcProbe(gctx, gctx.Environment.Variables, CompileWorkspace.EnvConfig(gctx));
        var targets = options.Targets.IsEmpty ? (gctx.Build.Target?.Values(gctx.Cwd) ?? []) : options.Targets;
        var data = await probe.ProbeAsync(null, targets, cancellationToken).ConfigureAwait(false);
        foreach (var kind in data.RequestedKinds)
        {
            var command = new ProcessCommand { Program = data.Rustc.Path }.WithArgs(data.Info(kind).Rustflags);
            if (kind.Triple is { } triple)
            {
                command = command.Arg("--target").Arg(triple);
            }

            command = command.Arg("--print").Arg(print).WithArgs(options.ExtraArgs);
            var (code, stdout, stderr) = await ChildProcess.RunCapturedAsync(command, gctx.Environment.Variables, cancellationToken).ConfigureAwait(false);
            if (code != 0)
            {
                throw new FerryException($"process didn't exit successfully: `{command}` (exit status: {code})\n--- stderr\n{stderr}");
            }

            shell.Out(stdout);
        }
    }
}
