using System.Diagnostics;
using Ferry.Build.Execution;
using Ferry.Build.Profiles;
using Ferry.Build.Units;
using Ferry.Core.Configuration;
using Ferry.Core.Manifest;
using Ferry.Core.Manifest.Targets;
using Ferry.Ops.Compile;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops;

/// <summary>
/// <c>ferry test</c> and <c>ferry bench</c> (Cargo's <c>ops::cargo_test</c>): build the test
/// harnesses like <c>build</c> does, then run each from its package root with the environment
/// Cargo gives test processes, then the libraries' doctests through <c>rustdoc --test</c>; stop at
/// the first failure unless <c>--no-fail-fast</c>. Returns the exit code: the failing test's own
/// when stopping early, 101 for a summary of several failures.
/// </summary>
public static class Test
{
    private enum TestKind
    {
        Test,
        Bench,
        Doctest,
    }

    public static async Task<int> RunAsync(
        GlobalContext gctx,
        IManifestEnvironment environment,
        IBuildShell shell,
        TestOptions options,
        IReadOnlyList<string> testArgs,
        Stopwatch started,
        CancellationToken cancellationToken)
    {
        var outcome = await CompileWorkspace.RunAsync(gctx, environment, shell, options.Compile, started, cancellationToken).ConfigureAwait(false);
        var tests = outcome.Compilation.Binaries.Where(b => b.Unit.Mode == CompileMode.Test).ToList();
        tests.Sort((a, b) => UnitOrder.Compare(a.Unit, b.Unit));
        var needsSpecFlag = NeedsSpecFlag(outcome, options.Compile);
        if (options.NoRun)
        {
            if (!options.Compile.MessageFormat.IsJson)
            {
                foreach (var (unit, path) in tests)
                {
                    var (display, command) = TestCommand(gctx, outcome, unit, path, testArgs, shell, options.Bench ? "benches" : "unittests");
                    if (shell.Verbosity == Verbosity.Normal)
                    {
                        shell.Status("Executable", display);
                    }
                    else if (shell.Verbosity >= Verbosity.Verbose)
                    {
                        shell.Status("Executable", $"`{command}`");
                    }
                }
            }

            return 0;
        }

        var args = options.Bench ? [.. testArgs, "--bench"] : testArgs;
        var errors = new List<(Unit Unit, TestKind Kind)>();
        foreach (var (unit, path) in tests)
        {
            var (display, command) = TestCommand(gctx, outcome, unit, path, args, shell, "unittests");
            if (shell.Verbosity == Verbosity.Normal)
            {
                shell.Status("Running", display);
            }
            else if (shell.Verbosity >= Verbosity.Verbose)
            {
                shell.Status("Running", $"`{command}`");
            }

            var kind = options.Bench ? TestKind.Bench : TestKind.Test;
            if (await ExecAsync(command, gctx, cancellationToken).ConfigureAwait(false) is { } failure)
            {
                Report(shell, unit, kind, needsSpecFlag, args, failure);
                errors.Add((unit, kind));
                if (!options.NoFailFast)
                {
                    return failure.Code ?? 101;
                }
            }
        }

        if (!options.Bench)
        {
            foreach (var doctest in outcome.Compilation.Doctests)
            {
                shell.Status("Doc-tests", doctest.Unit.Target.Name);
                var command = DoctestCommand(gctx, outcome, doctest, testArgs, shell, options.Color);
                if (shell.Verbosity >= Verbosity.Verbose)
                {
                    shell.Status("Running", $"`{command}`");
                }

                if (await ExecAsync(command, gctx, cancellationToken).ConfigureAwait(false) is { } failure)
                {
                    Report(shell, doctest.Unit, TestKind.Doctest, needsSpecFlag, testArgs, failure);
                    errors.Add((doctest.Unit, TestKind.Doctest));
                    if (!options.NoFailFast)
                    {
                        return failure.Code ?? 101;
                    }
                }
            }
        }

        if (errors.Count == 0)
        {
            return 0;
        }

        var lines = string.Join("\n", errors.Select(e => $"    `{CliArgs(e.Unit, e.Kind, needsSpecFlag)}`"));
        throw new FerryException(errors.Count == 1 ? $"1 target failed:\n{lines}" : $"{errors.Count} targets failed:\n{lines}");
    }

    /// <summary>How a run ended when it did not pass: the exit code (none when killed by a signal or never started) and the error to show under the summary.</summary>
    private sealed record Failure(int? Code, FerryException Error);

    private static async Task<Failure?> ExecAsync(ProcessCommand command, GlobalContext gctx, CancellationToken cancellationToken)
    {
        Process process;
        try
        {
            process = ChildProcess.Start(command, gctx.Environment.Variables, redirect: false);
        }
        catch (FerryException error)
        {
            return new Failure(null, error);
        }

        using (process)
        {
            using var registration = cancellationToken.Register(() => ChildProcess.Kill(process));
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            var code = process.ExitCode;
            if (code == 0)
            {
                return null;
            }

            // .NET reports a death by signal N as 128 + N.
            var signal = code > 128 && code < 160 ? code - 128 : (int?)null;
            var status = signal is { } s ? $"signal: {s}{SignalName(s)}" : $"exit status: {code}";
            return new Failure(signal is null ? code : null, new FerryException($"process didn't exit successfully: `{command}` ({status})"));
        }
    }

    private static string SignalName(int signal) => signal switch
    {
        6 => ", SIGABRT: process abort signal",
        9 => ", SIGKILL: kill",
        11 => ", SIGSEGV: invalid memory reference",
        15 => ", SIGTERM: termination signal",
        _ => string.Empty,
    };

    /// <summary>Cargo's <c>report_test_error</c>: the rerun hint, with the process error as its cause unless libtest's plain failure (101).</summary>
    private static void Report(IBuildShell shell, Unit unit, TestKind kind, bool needsSpecFlag, IReadOnlyList<string> testArgs, Failure failure)
    {
        var which = kind switch
        {
            TestKind.Test => "test failed",
            TestKind.Bench => "bench failed",
            _ => "doctest failed",
        };
        var message = $"{which}, to rerun pass `{CliArgs(unit, kind, needsSpecFlag)}`";
        var simple = failure.Code == 101;
        shell.Error(simple ? new FerryException(message) : new FerryException(message, failure.Error));
        var executed = failure.Code is not null;
        var noCapture = testArgs.Contains("--nocapture") || testArgs.Contains("--no-capture");
        if (!simple && executed && unit.Target.Harness && !noCapture)
        {
            shell.Note("test exited abnormally; to see the full output pass --no-capture to the harness.");
        }
    }

    /// <summary>Cargo's <c>UnitTestError::cli_args</c>: the flags that select just this target.</summary>
    private static string CliArgs(Unit unit, TestKind kind, bool needsSpecFlag)
    {
        var prefix = needsSpecFlag ? $"-p {unit.Package.Name} " : string.Empty;
        if (kind == TestKind.Doctest)
        {
            return prefix + "--doc";
        }

        return prefix + unit.Target.Kind switch
        {
            TargetKind.Lib => "--lib",
            TargetKind.Bin => $"--bin {unit.Target.Name}",
            TargetKind.Test => $"--test {unit.Target.Name}",
            TargetKind.Bench => $"--bench {unit.Target.Name}",
            _ => $"--example {unit.Target.Name}",
        };
    }

    /// <summary>Cargo's <c>Packages::needs_spec_flag</c>.</summary>
    private static bool NeedsSpecFlag(CompileOutcome outcome, CompileOptions options)
    {
        if (options.Workspace)
        {
            return options.Exclude.Length > 0 || outcome.Workspace.Members.Count() > 1;
        }

        return options.Packages.Length > 0 || outcome.Workspace.DefaultMembers.Count() > 1;
    }

    /// <summary>Cargo's <c>cmd_builds</c>: the line to show and the process for one test executable.</summary>
    private static (string Display, ProcessCommand Command) TestCommand(
        GlobalContext gctx,
        CompileOutcome outcome,
        Unit unit,
        string path,
        IReadOnlyList<string> testArgs,
        IBuildShell shell,
        string execType)
    {
        var source = unit.Target.SrcPath;
        var root = unit.Package.Root;
        var shortSource = source.StartsWith(root + "/", StringComparison.Ordinal) ? source[(root.Length + 1)..] : source;
        var cwd = gctx.Cwd;
        var shortPath = path.StartsWith(cwd + "/", StringComparison.Ordinal) ? path[(cwd.Length + 1)..] : path;
        var display = unit.Target.IsTest || unit.Target.IsBench
            ? $"{shortSource} ({shortPath})"
            : $"{execType} {shortSource} ({shortPath})";

        var runner = Run.Runner(gctx, outcome.Context.TargetData, unit.Kind);
        var command = runner is { } r
            ? new ProcessCommand { Program = r.Program, Args = [.. r.Args, path] }
            : new ProcessCommand { Program = path };
        command = Run.FillTargetEnv(command, outcome, unit, gctx) with { Cwd = root, DisplayEnv = shell.Verbosity == Verbosity.VeryVerbose };
        command = command.WithArgs(testArgs);
        if (unit.Target.Harness && shell.Verbosity == Verbosity.Quiet)
        {
            command = command.Arg("--quiet");
        }

        if (outcome.Compilation.RunEnv.TryGetValue(unit, out var env))
        {
            foreach (var (name, value) in env)
            {
                command = command.WithEnv(name, value);
            }
        }

        return (display, command);
    }

    /// <summary>Cargo's <c>run_doc_tests</c> command: <c>rustdoc --test</c> of the library with what the build collected.</summary>
    private static ProcessCommand DoctestCommand(GlobalContext gctx, CompileOutcome outcome, Doctest doctest, IReadOnlyList<string> testArgs, IBuildShell shell, string color)
    {
        var unit = doctest.Unit;
        var compilation = outcome.Compilation;
        var hostDeps = compilation.DepsDirs[0];
        var hostDest = Path.GetDirectoryName(hostDeps)!;
        var search = compilation.NativeDirs.Where(d => d.StartsWith(hostDest, StringComparison.Ordinal)).Append(hostDeps).ToList();
        var existing = (gctx.Environment.Get("LD_LIBRARY_PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (existing.Count >= search.Count && existing.Take(search.Count).SequenceEqual(search))
        {
            search = existing;
        }
        else
        {
            search.AddRange(existing);
        }

        var package = unit.Package;
        var command = new ProcessCommand
        {
            Program = outcome.Context.TargetData.Rustc.Rustdoc,
            Cwd = outcome.Workspace.Root,
            DisplayEnv = shell.Verbosity == Verbosity.VeryVerbose,
        };
        command = command
            .WithEnv("CARGO_CRATE_NAME", unit.CrateName)
            .WithEnv("LD_LIBRARY_PATH", string.Join(':', search));
        foreach (var (name, value) in doctest.ScriptEnv)
        {
            command = command.WithEnv(name, value);
        }

        if (doctest.OutDir is { } outDir)
        {
            command = command.WithEnv("OUT_DIR", outDir);
        }

        command = Run.PackageProcessEnv(command, package, gctx);

        command = command.Arg($"--edition={unit.Target.Edition}");
        foreach (var crateType in unit.Target.CrateTypes)
        {
            command = command.Arg("--crate-type").Arg(crateType);
        }

        command = command.Arg("--color").Arg(color).Arg("--crate-name").Arg(unit.CrateName).Arg("--test");
        var source = unit.Target.SrcPath;
        var wsRoot = outcome.Workspace.Root;
        if (unit.Package.IsLocal && source.StartsWith(wsRoot + "/", StringComparison.Ordinal))
        {
            command = command.Arg(source[(wsRoot.Length + 1)..]);
        }
        else
        {
            command = command.Arg(source) with { Cwd = unit.Package.Root };
        }

        command = command.Arg("--test-run-directory").Arg(unit.Package.Root);
        if (unit.Kind.Triple is { } triple)
        {
            command = command.Arg("--target").Arg(triple);
        }

        if (Run.Runner(gctx, outcome.Context.TargetData, unit.Kind) is { } runner)
        {
            command = command.Arg("--test-runtool").Arg(runner.Program);
            foreach (var arg in runner.Args)
            {
                command = command.Arg("--test-runtool-arg").Arg(arg);
            }
        }

        if (doctest.Linker is { } linker)
        {
            command = command.Arg("-C").Arg($"linker={linker}");
        }

        if (unit.Profile.Panic != PanicStrategy.Unwind)
        {
            command = command.Arg("-C").Arg($"panic={(unit.Profile.Panic == PanicStrategy.Abort ? "abort" : "immediate-abort")}");
        }

        foreach (var native in compilation.NativeDirs)
        {
            command = command.Arg("-L").Arg(native);
        }

        foreach (var arg in testArgs)
        {
            command = command.Arg("--test-args").Arg(arg);
        }

        if (shell.Verbosity == Verbosity.Quiet)
        {
            command = command.Arg("--test-args").Arg("--quiet");
        }

        return command.WithArgs(unit.Package.Manifest.LintRustflags).WithArgs(doctest.Args);
    }
}
