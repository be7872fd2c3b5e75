using System.Diagnostics;
using Ferry.Build.Selection;
using Ferry.Core.Configuration;
using Ferry.Core.Manifest;
using Ferry.Ops.Compile;
using Ferry.Util.Diagnostics;
using Ferry.Util.IO;

namespace Ferry.Ops;

/// <summary>
/// <c>ferry doc</c> (Cargo's <c>ops::doc</c>): documents the selected targets (and, unless
/// <c>--no-deps</c>, their dependencies' libraries), then says where the docs are or opens them.
/// </summary>
public static class Doc
{
    public static async Task RunAsync(GlobalContext gctx, IManifestEnvironment environment, IBuildShell shell, CompileOptions options, bool open, Stopwatch started, CancellationToken cancellationToken)
    {
        var outcome = await CompileWorkspace.RunAsync(gctx, environment, shell, options with { Intent = UserIntent.Doc }, started, cancellationToken).ConfigureAwait(false);
        Report(gctx, shell, outcome.Compilation.DocOutputs, outcome.Context.TargetData.RequestedKinds.Length, open);
    }

    /// <summary>
    /// The end of Cargo's <c>ops::doc</c>. <paramref name="paths"/> holds, for each root unit's crate
    /// and each requested kind, its <c>index.html</c> (duplicates included, as Cargo counts them).
    /// </summary>
    internal static void Report(GlobalContext gctx, IShell shell, IReadOnlyList<string> paths, int requestedKinds, bool open)
    {
        if (open)
        {
            if (paths.Count == 0)
            {
                throw new FerryException("cannot open specified crate's documentation: no documentation generated");
            }

            if (requestedKinds != 1)
            {
                throw new FerryException("only one `--target` argument is supported");
            }

            if (File.Exists(paths[0]))
            {
                Open(gctx, shell, paths[0]);
            }

            return;
        }

        var existing = paths.Where(File.Exists).ToList();
        if (shell.Verbosity >= Verbosity.Verbose)
        {
            foreach (var path in existing)
            {
                shell.Status("Generated", path);
            }
        }
        else if (existing.Count > 0)
        {
            var remaining = existing.Count - 1;
            var more = remaining switch
            {
                0 => string.Empty,
                1 => " and 1 other file",
                _ => $" and {remaining} other files",
            };
            shell.Status("Generated", existing[0] + more);
        }
    }

    /// <summary>Cargo's <c>util::open</c>: <c>doc.browser</c>, else <c>$BROWSER</c>, else the desktop's opener (<c>xdg-open</c>).</summary>
    private static void Open(GlobalContext gctx, IShell shell, string path)
    {
        var configured = gctx.DocBrowser;
        shell.Status("Opening", path);
        (string Program, IReadOnlyList<string> Args)? browser = configured is { } c
            ? (c.Path.ResolveProgram(gctx.Cwd), c.Args)
            : gctx.Environment.Get("BROWSER") is { } env ? (env, []) : null;
        if (browser is { } b)
        {
            if (Launch(b.Program, [.. b.Args, path], gctx.Cwd) is { } error)
            {
                shell.Warn($"Couldn't open docs with {b.Program}: {error}");
            }

            return;
        }

        var opener = Launch("xdg-open", [path], gctx.Cwd, quiet: true);
        if (opener is not null)
        {
            shell.Warn("couldn't open docs");
            shell.Raw($"\nerror spawning command(s) 'xdg-open': {opener}\n");
        }
    }

    /// <summary>Runs the program to completion with the terminal inherited; returns why it could not start, or its failing status.</summary>
    private static string? Launch(string program, IReadOnlyList<string> args, string cwd, bool quiet = false)
    {
        // The desktop opener gets no terminal (as Rust's `opener` runs it); a configured browser inherits ours.
        var psi = new ProcessStartInfo(program) { UseShellExecute = false, WorkingDirectory = cwd, RedirectStandardInput = quiet, RedirectStandardOutput = quiet, RedirectStandardError = quiet };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(psi);
            if (process is null)
            {
                return OsError.Text(2, null);
            }

            if (quiet)
            {
                process.StandardInput.Close();
                process.ErrorDataReceived += (_, _) => { };
                process.OutputDataReceived += (_, _) => { };
                process.BeginErrorReadLine();
                process.BeginOutputReadLine();
                process.WaitForExit();
                return process.ExitCode == 0 ? null : $"exit status: {process.ExitCode}";
            }

            process.WaitForExit();
            return null;
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            return OsError.Text(error.NativeErrorCode, error.Message);
        }
    }
}
