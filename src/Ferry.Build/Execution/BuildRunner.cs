using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using Ferry.Build.BuildScripts;
using Ferry.Build.Layout;
using Ferry.Build.Messages;
using Ferry.Build.Units;
using Ferry.Core.Configuration;
using Ferry.Platform;
using Ferry.Util.Diagnostics;
using Ferry.Util.IO;

namespace Ferry.Build.Execution;

/// <summary>
/// Runs a planned build (Cargo's <c>BuildRunner::compile</c>): prepares the directories, decides
/// which units are fresh, turns every unit into a job (rustc, rustdoc, or running a build script,
/// each followed by uplifting and fingerprint recording), runs the jobs, and reports the result
/// (<c>Finished</c>, <c>build-finished</c>). Everything that varies per unit is delegated:
/// command lines to <see cref="RustcCommands"/>, freshness to <see cref="FingerprintTracker"/>,
/// scheduling to <see cref="JobQueue"/>.
/// </summary>
public sealed class BuildRunner
{
    private readonly BuildState _state;
    private readonly RustcCommands _commands;
    private readonly FingerprintTracker _fingerprints;
    private readonly BuildScriptPolicy _policy;
    private readonly Stopwatch _started;

    public BuildRunner(
        BuildContext bcx,
        UnitGraph graph,
        CompilationFiles files,
        BuildOptions options,
        IBuildShell shell,
        string workspaceRoot,
        IReadOnlyDictionary<string, string> baseEnvironment,
        GlobalContext gctx,
        BuildScriptPolicy policy,
        Stopwatch started)
    {
        _state = new BuildState(bcx, graph, files, options, shell, workspaceRoot, baseEnvironment, gctx);
        _commands = new RustcCommands(_state);
        _fingerprints = new FingerprintTracker(_state);
        _policy = policy;
        _started = started;
    }

    public async Task<Compilation> RunAsync(CancellationToken cancellationToken)
    {
        var locks = new List<BuildDirectoryLock>();
        try
        {
            foreach (var layout in _state.Files.Layouts)
            {
                locks.Add(await BuildDirectoryLock.AcquireAsync(layout.Dest, _state.Shell, cancellationToken).ConfigureAwait(false));
                layout.Prepare();
            }

            return await RunLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var held in locks)
            {
                held.Dispose();
            }
        }
    }

    private async Task<Compilation> RunLockedAsync(CancellationToken cancellationToken)
    {

        foreach (var unit in _state.Graph.Units.Where(u => u.Mode == CompileMode.RunCustomBuild))
        {
            if (unit.Package.Manifest.Links is { } links && _state.Bcx.TargetData.TargetConfig(unit.Kind).LinksOverrides.TryGetValue(links, out var over))
            {
                _state.ScriptOutputs[unit] = FromOverride(over);
            }
            else
            {
                _policy.Check(unit.Package);
            }
        }

        var order = TopologicalOrder();
        // Doctests are run by `ferry test` after the build: no fingerprint, nothing to do here.
        var freshness = _fingerprints.PrepareAll(order.Where(u => u.Mode != CompileMode.Doctest));
        foreach (var doctest in order.Where(u => u.Mode == CompileMode.Doctest))
        {
            freshness[doctest] = Freshness.Fresh;
        }

        if (_state.Options.BeforeCompiling is { } beforeCompiling)
        {
            var compiled = order.Where(u => !freshness[u].IsFresh).Select(u => u.Package.Id).Distinct().ToList();
            if (compiled.Count > 0)
            {
                await beforeCompiling(compiled, cancellationToken).ConfigureAwait(false);
            }
        }

        var jobs = new Dictionary<Unit, Job>();
        foreach (var unit in order)
        {
            jobs[unit] = MakeJob(unit, freshness[unit]);
        }

        var queue = new JobQueue(_state, jobs, OnFinished);
        Jobserver? jobserver = null;
        try
        {
            // Only when a process will run: fresh units are replayed inline, and starting the
            // jobserver's helper thread is a busy wait of its own on a loaded machine.
            if (jobs.Values.Any(job => !job.Freshness.IsFresh))
            {
                jobserver = Jobserver.Create(Math.Max(0, _state.Options.Jobs - 1), queue.OnToken);
                _state.JobserverMakeflags = jobserver.Makeflags;
            }
        }
        catch (Exception e) when (e is FerryException or IOException or DllNotFoundException or EntryPointNotFoundException)
        {
            // Without a jobserver rustc picks its own parallelism; the scheduler counts jobs itself.
        }

        try
        {
            await queue.RunAsync(jobserver, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            jobserver?.Dispose();
        }

        var success = queue.ErrorCount == 0;
        if (_state.Options.MessageFormat.IsJson)
        {
            _state.Shell.StdoutLine(MachineMessages.BuildFinished(success));
        }

        if (!success)
        {
            throw new AlreadyReportedException(queue.ErrorCount == 1 ? "1 job failed" : $"{queue.ErrorCount} jobs failed");
        }

        var basedir = _state.Gctx.Build.DepInfoBasedir?.ResolvePath(_state.Gctx.Cwd);
        foreach (var root in _state.Graph.Roots.Where(r => r.Mode != CompileMode.Doctest))
        {
            OutputDepInfo.Write(_state, _fingerprints, root, basedir);
        }

        var profile = _state.Bcx.Profiles.BaseProfile();
        var optType = profile.OptLevel == "0" ? "unoptimized" : "optimized";
        if (profile.DebugInfoTurnedOn)
        {
            optType += " + debuginfo";
        }

        _state.Shell.Status("Finished", $"`{_state.Bcx.Profiles.RequestedProfile}` profile [{optType}] target(s) in {Elapsed(_started.Elapsed)}");
        return Result();
    }

    /// <summary>Cargo's <c>util::elapsed</c>: <c>1.23s</c>, or <c>2m 05s</c> from a minute on.</summary>
    public static string Elapsed(TimeSpan duration)
    {
        var seconds = (long)duration.TotalSeconds;
        return seconds >= 60
            ? $"{seconds / 60}m {seconds % 60:D2}s"
            : $"{seconds}.{duration.Milliseconds / 10:D2}s";
    }

    private Compilation Result()
    {
        var binaries = ImmutableArray.CreateBuilder<(Unit, string)>();
        foreach (var unit in _state.Graph.Roots)
        {
            if (Executable(unit) is { } path)
            {
                binaries.Add((unit, path));
            }
        }

        var depsDirs = _state.Files.Layouts.Select(l => l.Deps).ToImmutableArray();
        var scriptEnv = ImmutableDictionary.CreateBuilder<Unit, ImmutableArray<(string, string)>>();
        foreach (var unit in _state.Graph.Roots)
        {
            if (BuildScriptMap.OwnBuildScriptRun(_state.Graph, unit) is { } run && _state.ScriptOutputs.TryGetValue(run, out var output))
            {
                scriptEnv[unit] = output.Env;
            }
        }

        // Cargo's root_crate_names times the requested kinds: every root's index.html in each kind's doc directory.
        var docs = _state.Graph.Roots.Where(u => u.Mode == CompileMode.Doc)
            .SelectMany(u => _state.Bcx.TargetData.RequestedKinds.Select(k => Path.Combine(_state.Files.Layout(k).Root, "doc", u.CrateName, "index.html")))
            .ToImmutableArray();
        return new Compilation(binaries.ToImmutable(), [.. _state.NativeDirs], depsDirs, _state.Bcx.TargetData.Host.SysrootTargetLibdir, scriptEnv.ToImmutable(), docs)
        {
            Doctests = [.. _state.Graph.Roots.Where(u => u.Mode == CompileMode.Doctest).Select(_commands.Doctest)],
            RunEnv = _state.Graph.Roots.Distinct().ToImmutableDictionary(u => u, RunEnv),
        };
    }

    /// <summary>What Cargo adds to the environment of a root it runs: <c>OUT_DIR</c> of its build script, <c>CARGO_BIN_EXE_*</c>.</summary>
    private ImmutableArray<(string Name, string Value)> RunEnv(Unit unit)
    {
        var env = _commands.BinExeEnv(unit);
        return BuildScriptMap.OwnBuildScriptRun(_state.Graph, unit) is { } run
            ? env.Insert(0, ("OUT_DIR", _state.Files.BuildScriptOutDir(run)))
            : env;
    }

    private List<Unit> TopologicalOrder()
    {
        var result = new List<Unit>();
        var visited = new HashSet<Unit>();
        var stack = new Stack<(Unit Unit, bool Expanded)>();
        foreach (var root in _state.Graph.Units.OrderBy(u => u.Index))
        {
            stack.Push((root, false));
            while (stack.TryPop(out var item))
            {
                if (item.Expanded)
                {
                    result.Add(item.Unit);
                    continue;
                }

                if (!visited.Add(item.Unit))
                {
                    continue;
                }

                stack.Push((item.Unit, true));
                foreach (var dep in _state.Graph.Deps(item.Unit).Reverse())
                {
                    if (!visited.Contains(dep.Unit))
                    {
                        stack.Push((dep.Unit, false));
                    }
                }
            }
        }

        return result;
    }

    private Job MakeJob(Unit unit, Freshness freshness)
    {
        if (unit.Mode == CompileMode.Doctest)
        {
            return new Job(unit, freshness, (state, _) => Task.CompletedTask);
        }

        if (unit.Mode == CompileMode.RunCustomBuild)
        {
            if (_state.ScriptOutputs.ContainsKey(unit))
            {
                return new Job(unit, freshness, (state, _) => Task.CompletedTask);
            }

            return new Job(unit, freshness, freshness.IsFresh ? ReplayBuildScript(unit) : RunBuildScript(unit));
        }

        return new Job(unit, freshness, freshness.IsFresh ? FreshCompile(unit) : Compile(unit));
    }

    /// <summary>Called on the scheduler's thread when a job ends; returns the error to report, if any.</summary>
    private Exception? OnFinished(Unit unit, Exception? error, bool firstError)
    {
        if (unit.Mode == CompileMode.RunCustomBuild)
        {
            EmitLogMessages(unit, error is not null);
        }

        if (error is null)
        {
            return null;
        }

        return error;
    }

    private void EmitLogMessages(Unit unit, bool failed)
    {
        if (!_state.ScriptOutputs.TryGetValue(unit, out var output) || output.LogMessages.IsEmpty)
        {
            return;
        }

        var showWarnings = failed || unit.ShowWarnings(_state.Options.ExtraVerbose);
        if (!showWarnings && !output.LogMessages.Any(m => m.IsError))
        {
            return;
        }

        foreach (var (isError, message) in output.LogMessages)
        {
            var text = $"{unit.Package.Name}@{unit.Package.Version}: {message}";
            if (isError)
            {
                _state.Shell.Error(text);
            }
            else
            {
                _state.Shell.Warn(text);
            }
        }
    }

    private string? Executable(Unit unit)
    {
        var isBinary = unit.Target.IsBin || unit.Target.Kind == Core.Manifest.Targets.TargetKind.ExampleBin;
        if (!(unit.Mode is CompileMode.Build or CompileMode.Test) || !(isBinary || unit.Mode.IsAnyTest()))
        {
            return null;
        }

        return _state.Files.Outputs(unit).FirstOrDefault(o => o.Flavor == FileFlavor.Normal)?.BinDestination;
    }

    private Func<JobState, CancellationToken, Task> FreshCompile(Unit unit) => (job, _) =>
    {
        ReplayOutputCache(unit, job);
        LinkTargets(unit, job, fresh: true);
        return Task.CompletedTask;
    };

    private void ReplayOutputCache(Unit unit, JobState job)
    {
        var path = _state.Files.MessageCachePath(unit);
        if (!File.Exists(path))
        {
            return;
        }

        using var output = new RustcOutput(unit, job, _state.Options.MessageFormat, unit.ShowWarnings(_state.Options.ExtraVerbose), cachePath: null);
        foreach (var line in File.ReadLines(path))
        {
            output.OnStderr(line);
        }
    }

    private Func<JobState, CancellationToken, Task> Compile(Unit unit) => async (job, cancellationToken) =>
    {
        _fingerprints.ClearStored(unit);
        var command = unit.Mode == CompileMode.Doc ? _commands.Rustdoc(unit) : _commands.Rustc(unit);
        command = AddBuildScriptResults(command, unit);
        if (_state.JobserverMakeflags.Length > 0)
        {
            command = command with { HiddenEnv = command.HiddenEnv.SetItem("CARGO_MAKEFLAGS", _state.JobserverMakeflags) };
        }

        var outputs = _state.Files.Outputs(unit);
        Directory.CreateDirectory(_state.Files.OutputDir(unit));
        if (unit.Mode == CompileMode.Doc)
        {
            var crateDir = Path.Combine(_state.Files.OutputDir(unit), unit.CrateName);
            if (Directory.Exists(crateDir))
            {
                Directory.Delete(crateDir, recursive: true);
            }

            Directory.CreateDirectory(_state.Files.OutputDir(unit));
        }

        foreach (var output in outputs)
        {
            if (output.Path.EndsWith(".rmeta", StringComparison.Ordinal))
            {
                // rustc prefers an existing rlib over a newer rmeta: remove it.
                TryDelete(Path.ChangeExtension(output.Path, ".rlib"));
            }

            if (output.Hardlink is not null)
            {
                TryDelete(output.Path);
            }
        }

        var fingerprintDir = _state.Files.FingerprintDir(unit);
        job.Running(command);
        var invocation = FingerprintTracker.InvocationTime(fingerprintDir);
        var cachePath = _state.Files.MessageCachePath(unit);
        TryDelete(cachePath);
        int exitCode;
        int errors;
        int warnings;
        using (var output = new RustcOutput(unit, job, _state.Options.MessageFormat, showDiagnostics: true, cachePath))
        {
            exitCode = await ChildProcess.RunStreamingAsync(command, _state.BaseEnvironment, output.OnStdout, output.OnStderr, cancellationToken).ConfigureAwait(false);
            errors = output.Errors;
            warnings = output.Warnings;
        }

        if (exitCode != 0)
        {
            var warningText = warnings switch { 0 => string.Empty, 1 => "; 1 warning emitted", _ => $"; {warnings} warnings emitted" };
            var errorText = errors switch { 0 => string.Empty, 1 => " due to 1 previous error", _ => $" due to {errors} previous errors" };
            var what = unit.Mode == CompileMode.Doc ? $"could not document `{unit.Package.Name}`" : $"could not compile {JobQueue.DescriptivePackageName(unit)}{errorText}{warningText}";
            throw new JobFailedException(
                what,
                new FerryException($"process didn't exit successfully: `{command}` ({ExitStatus(exitCode)})"),
                causeOnlyWhenVerbose: errors > 0 && exitCode is > 0 and < 128);
        }

        if (unit.Mode != CompileMode.Doc)
        {
            var meta = _state.Files.Metadata(unit);
            var depInfoName = meta.ExtraFilename is { } extra ? $"{unit.CrateName}-{extra}.d" : $"{unit.CrateName}.d";
            var rustcDepInfo = Path.Combine(_state.Files.OutputDir(unit), depInfoName);
            _fingerprints.TranslateDepInfo(unit, rustcDepInfo, command.Cwd ?? _state.Gctx.Cwd, command.Env, invocation);
            if (unit.Mode.IsCheck())
            {
                foreach (var output in outputs)
                {
                    FileLinks.SetMtime(output.Path, invocation);
                }
            }
        }

        LinkTargets(unit, job, fresh: false);
        _fingerprints.Write(unit);
    };

    private static string ExitStatus(int code) => code > 128 ? $"signal: {code - 128}" : $"exit status: {code}";

    /// <summary>Cargo's <c>add_native_deps</c>, <c>add_plugin_deps</c> and <c>add_custom_flags</c>: what build scripts said, once they ran.</summary>
    private ProcessCommand AddBuildScriptResults(ProcessCommand command, Unit unit)
    {
        if (_state.Scripts.Get(unit) is not { } scripts)
        {
            return command;
        }

        var passLFlag = unit.Target.IsLib || !unit.Package.Manifest.Targets.Any(t => t.IsLib);
        var libraryPaths = new List<(string Path, bool InOutDir)>();
        foreach (var (_, run) in scripts.ToLink)
        {
            if (_state.ScriptOutputs.TryGetValue(run, out var output))
            {
                libraryPaths.AddRange(output.LibraryPaths);
            }
        }

        foreach (var (path, _) in libraryPaths.Where(p => p.InOutDir).Concat(libraryPaths.Where(p => !p.InOutDir)))
        {
            command = command.Arg("-L").Arg(path);
        }

        foreach (var (package, run) in scripts.ToLink)
        {
            if (!_state.ScriptOutputs.TryGetValue(run, out var output))
            {
                continue;
            }

            if (package == unit.Package.Id && passLFlag)
            {
                foreach (var lib in output.LibraryLinks)
                {
                    command = command.Arg("-l").Arg(lib);
                }
            }

            foreach (var arg in output.LinkerArgs)
            {
                if (arg.AppliesTo(unit.Target, unit.Mode) && (package == unit.Package.Id || arg.Kind == LinkArgKind.Cdylib))
                {
                    command = command.Arg("-C").Arg($"link-arg={arg.Value}");
                }
            }
        }

        if (scripts.Plugins.Count > 0)
        {
            var searchPath = (command.GetEnv("LD_LIBRARY_PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries).ToList();
            var hostDest = _state.Files.HostLayout.Dest;
            foreach (var (_, run) in scripts.Plugins)
            {
                if (_state.ScriptOutputs.TryGetValue(run, out var output))
                {
                    searchPath.AddRange(output.LibraryPaths.Select(p => DynamicSearchPath(p.Path)).Where(p => p.StartsWith(hostDest, StringComparison.Ordinal)));
                }
            }

            command = command.WithEnv("LD_LIBRARY_PATH", string.Join(':', searchPath));
        }

        if (BuildScriptMap.OwnBuildScriptRun(_state.Graph, unit) is { } own && _state.ScriptOutputs.TryGetValue(own, out var ownOutput))
        {
            foreach (var cfg in ownOutput.Cfgs)
            {
                command = command.Arg("--cfg").Arg(cfg);
            }

            foreach (var checkCfg in ownOutput.CheckCfgs)
            {
                command = command.Arg("--check-cfg").Arg(checkCfg);
            }

            foreach (var (name, value) in ownOutput.Env)
            {
                command = command.WithEnv(name, value);
            }
        }

        return command;
    }

    private static string DynamicSearchPath(string path)
    {
        var eq = path.IndexOf('=');
        return eq >= 0 && path[..eq] is "native" or "crate" or "dependency" or "framework" or "all" ? path[(eq + 1)..] : path;
    }

    /// <summary>Cargo's <c>link_targets</c>: hard-link outputs to where users find them, then the <c>compiler-artifact</c> message.</summary>
    private void LinkTargets(Unit unit, JobState job, bool fresh)
    {
        var destinations = new List<string>();
        foreach (var output in _state.Files.Outputs(unit))
        {
            if (!File.Exists(output.Path) && !(unit.Mode == CompileMode.Doc && File.Exists(output.Path)))
            {
                continue;
            }

            if (output.Hardlink is not { } hardlink)
            {
                destinations.Add(output.Path);
                continue;
            }

            destinations.Add(hardlink);
            FileLinks.LinkOrCopy(output.Path, hardlink);
        }

        if (_state.Options.MessageFormat.IsJson)
        {
            job.Stdout(MachineMessages.Artifact(unit, destinations, Executable(unit), fresh));
        }
    }

    private Func<JobState, CancellationToken, Task> RunBuildScript(Unit unit) => async (job, cancellationToken) =>
    {
        _fingerprints.ClearStored(unit);
        var deps = _state.Graph.Deps(unit);
        var compiled = deps.First(d => d.Unit.Mode != CompileMode.RunCustomBuild && d.Unit.Target.IsCustomBuild).Unit;
        var scriptDir = _state.Files.BuildScriptDir(compiled);
        var outDir = _state.Files.BuildScriptOutDir(unit);
        var runDir = _state.Files.BuildScriptRunDir(unit);
        var command = BuildScriptCommand(unit, Path.Combine(scriptDir, unit.Target.Name), outDir);
        foreach (var dep in deps.Where(d => d.Unit.Mode == CompileMode.RunCustomBuild))
        {
            if (dep.Unit.Package.Manifest.Links is { } links && _state.ScriptOutputs.TryGetValue(dep.Unit, out var depOutput))
            {
                foreach (var (key, value) in depOutput.Metadata)
                {
                    command = command.WithEnv($"DEP_{Envify(links)}_{Envify(key)}", value);
                }
            }
        }

        if (_state.Scripts.Get(unit) is { Plugins.Count: > 0 } scripts)
        {
            var searchPath = (command.GetEnv("LD_LIBRARY_PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries).ToList();
            foreach (var (_, run) in scripts.Plugins)
            {
                if (_state.ScriptOutputs.TryGetValue(run, out var output))
                {
                    searchPath.AddRange(output.LibraryPaths.Select(p => DynamicSearchPath(p.Path)).Where(p => p.StartsWith(_state.Files.HostLayout.Dest, StringComparison.Ordinal)));
                }
            }

            command = command.WithEnv("LD_LIBRARY_PATH", string.Join(':', searchPath));
        }

        Directory.CreateDirectory(scriptDir);
        Directory.CreateDirectory(outDir);
        Directory.CreateDirectory(runDir);
        job.Running(command);
        var invocation = FingerprintTracker.InvocationTime(runDir);
        var prefix = $"[{unit.Package.Name} {unit.Package.Version}] ";
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var logMessages = new List<(bool, string)>();
        var extraVerbose = _state.Options.ExtraVerbose;
        var exitCode = await ChildProcess.RunStreamingAsync(
            command,
            _state.BaseEnvironment,
            line =>
            {
                lock (stdout)
                {
                    stdout.Append(line).Append('\n');
                }

                if (line.StartsWith("cargo::error=", StringComparison.Ordinal))
                {
                    logMessages.Add((true, line["cargo::error=".Length..]));
                }
                else if (line.StartsWith("cargo:warning=", StringComparison.Ordinal) || line.StartsWith("cargo::warning=", StringComparison.Ordinal))
                {
                    logMessages.Add((false, line[(line.IndexOf('=') + 1)..]));
                }

                if (extraVerbose)
                {
                    job.Stdout(prefix + line);
                }
            },
            line =>
            {
                lock (stderr)
                {
                    stderr.Append(line).Append('\n');
                }

                if (extraVerbose)
                {
                    job.Stderr(prefix + line);
                }
            },
            cancellationToken).ConfigureAwait(false);

        if (exitCode != 0)
        {
            _state.ScriptOutputs[unit] = new BuildOutput { LogMessages = [.. logMessages] };
            var detail = new StringBuilder($"process didn't exit successfully: `{command}` ({ExitStatus(exitCode)})");
            detail.Append("\n--- stdout\n").Append(stdout);
            detail.Append("\n--- stderr\n").Append(stderr);
            throw new FerryException($"failed to run custom build command for `{unit.Package}`", new FerryException(detail.ToString().TrimEnd('\n')));
        }

        if (logMessages.Any(m => m.Item1))
        {
            _state.ScriptOutputs[unit] = new BuildOutput { LogMessages = [.. logMessages] };
            throw new FerryException("build script logged errors");
        }

        var outputFile = Path.Combine(runDir, "output");
        File.WriteAllText(outputFile, stdout.ToString());
        FileLinks.SetMtime(outputFile, invocation);
        File.WriteAllText(Path.Combine(runDir, "stderr"), stderr.ToString());
        File.WriteAllText(Path.Combine(runDir, "root-output"), outDir);
        var parsed = Parse(unit, stdout.ToString(), outDir, outDir);
        Publish(unit, job, parsed, outDir);
        var fingerprint = _fingerprints.Get(unit);
        if (_fingerprints.BuildScriptLocal(unit, parsed.RerunIfChanged, parsed.RerunIfEnvChanged) is { } local)
        {
            fingerprint.Local = local;
        }

        _fingerprints.Write(unit);
    };

    private Func<JobState, CancellationToken, Task> ReplayBuildScript(Unit unit) => (job, _) =>
    {
        var runDir = _state.Files.BuildScriptRunDir(unit);
        var outDir = _state.Files.BuildScriptOutDir(unit);
        var previousOutDir = File.Exists(Path.Combine(runDir, "root-output")) ? UnlockedFile.ReadAllText(Path.Combine(runDir, "root-output")) : outDir;
        var parsed = Parse(unit, UnlockedFile.ReadAllText(Path.Combine(runDir, "output")), previousOutDir, outDir);
        Publish(unit, job, parsed, outDir);
        return Task.CompletedTask;
    };

    private BuildOutput Parse(Unit unit, string stdout, string generatedOutDir, string outDir) =>
        BuildOutputParser.Parse(
            stdout,
            unit.Package.Library?.Name.Replace('-', '_'),
            unit.Package.ToString(),
            generatedOutDir,
            outDir,
            unit.Package.Manifest.Targets,
            unit.Package.Manifest.RustVersion,
            _state.Gctx.Environment.Get("RUSTC_BOOTSTRAP"));

    private void Publish(Unit unit, JobState job, BuildOutput output, string outDir)
    {
        foreach (var (path, _) in output.LibraryPaths)
        {
            var bare = DynamicSearchPath(path);
            if (bare.StartsWith(_state.Files.HostLayout.Root, StringComparison.Ordinal))
            {
                _state.NativeDirsSet[bare] = true;
            }
        }

        _state.ScriptOutputs[unit] = output;
        if (_state.Options.MessageFormat.IsJson)
        {
            job.Stdout(MachineMessages.BuildScriptExecuted(unit, output, outDir));
        }
    }

    /// <summary>The environment of a build script run (Cargo's <c>custom_build::build_work</c>).</summary>
    private ProcessCommand BuildScriptCommand(Unit unit, string program, string outDir)
    {
        var bcx = _state.Bcx;
        var command = new ProcessCommand { Program = program, DisplayEnv = _state.Options.ExtraVerbose };
        command = _commands.FillEnv(command, unit.Package, isRustcTool: false, Resolver.Features.CompileKind.Host);
        command = command
            .WithEnv("OUT_DIR", outDir)
            .WithEnv("CARGO_MANIFEST_DIR", unit.Package.Root)
            .WithEnv("CARGO_MANIFEST_PATH", unit.Package.ManifestPath)
            .WithEnv("NUM_JOBS", _state.Options.Jobs.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnv("TARGET", bcx.TargetData.ShortName(unit.Kind))
            .WithEnv("DEBUG", unit.Profile.DebugInfoTurnedOn ? "true" : "false")
            .WithEnv("OPT_LEVEL", unit.Profile.OptLevel)
            .WithEnv("PROFILE", unit.Profile.Root == Profiles.ProfileRoot.Release ? "release" : "debug")
            .WithEnv("HOST", bcx.TargetData.Rustc.Host)
            .WithEnv("RUSTC", bcx.TargetData.Rustc.Path)
            .WithEnv("RUSTDOC", bcx.TargetData.Rustc.Rustdoc);
        if (_state.JobserverMakeflags.Length > 0)
        {
            command = command with { HiddenEnv = command.HiddenEnv.SetItem("CARGO_MAKEFLAGS", _state.JobserverMakeflags) };
        }

        if (_state.Linker(unit.Kind) is { } linker)
        {
            command = command.WithEnv("RUSTC_LINKER", linker);
        }

        if (unit.Package.Manifest.Links is { } links)
        {
            command = command.WithEnv("CARGO_MANIFEST_LINKS", links);
        }

        foreach (var feature in unit.Features)
        {
            command = command.WithEnv($"CARGO_FEATURE_{Envify(feature)}", "1");
        }

        var cfgs = new Dictionary<string, List<string>>(StringComparer.Ordinal) { ["feature"] = [.. unit.Features] };
        if (unit.Profile.DebugAssertions)
        {
            cfgs["debug_assertions"] = [];
        }

        foreach (var cfg in bcx.TargetData.Cfgs(unit.Kind))
        {
            if (!cfg.IsKeyPair)
            {
                if (cfg.Name != "debug_assertions")
                {
                    cfgs[cfg.Name] = [];
                }
            }
            else
            {
                if (!cfgs.TryGetValue(cfg.Name, out var values))
                {
                    values = [];
                    cfgs[cfg.Name] = values;
                }

                values.Add(cfg.Value);
            }
        }

        foreach (var (key, values) in cfgs)
        {
            command = command.WithEnv($"CARGO_CFG_{Envify(key)}", string.Join(',', values));
        }

        command = bcx.TargetData.Rustc.Wrapper is { } wrapper ? command.WithEnv("RUSTC_WRAPPER", wrapper) : command.WithEnv("RUSTC_WRAPPER", null);
        command = command.WithEnv("RUSTC_WORKSPACE_WRAPPER", null);
        if (unit.Package.IsMember && bcx.TargetData.Rustc.WorkspaceWrapper is { } workspaceWrapper)
        {
            command = command.WithEnv("RUSTC_WORKSPACE_WRAPPER", workspaceWrapper);
        }

        command = command.WithEnv("CARGO_ENCODED_RUSTFLAGS", string.Join('\u001f', unit.Rustflags));
        command = command.WithEnv("RUSTFLAGS", null);
        return command;
    }

    /// <summary>Cargo's <c>envify</c>: upper case, <c>-</c> as <c>_</c>.</summary>
    public static string Envify(string text) => text.ToUpperInvariant().Replace('-', '_');

    private static BuildOutput FromOverride(LinksOverride over) => new()
    {
        LibraryPaths = [.. over.LibraryPaths.Select(p => (p, false))],
        LibraryLinks = over.LibraryLinks,
        LinkerArgs = [.. over.LinkerArgs.Select(a => new LinkArg(a.Target switch
        {
            LinkArgTarget.Cdylib => LinkArgKind.Cdylib,
            LinkArgTarget.Bin => LinkArgKind.Bin,
            LinkArgTarget.Test => LinkArgKind.Test,
            LinkArgTarget.Bench => LinkArgKind.Bench,
            LinkArgTarget.Example => LinkArgKind.Example,
            _ => LinkArgKind.All,
        }, a.Arg))],
        Cfgs = over.Cfgs,
        CheckCfgs = over.CheckCfgs,
        Env = over.Env,
        Metadata = over.Metadata,
    };

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
