using System.Collections.Immutable;
using System.Text;
using Ferry.Build.Layout;
using Ferry.Build.Profiles;
using Ferry.Build.Units;
using Ferry.Core.Manifest.Schema;

namespace Ferry.Build.Execution;

/// <summary>
/// The rustc and rustdoc command lines of units, argument for argument in Cargo's order
/// (<c>prepare_rustc</c>, <c>build_base_args</c>, <c>build_deps_args</c>, <c>fill_env</c>): what differs
/// between units is visible in <c>cargo build -v</c> output, and a difference there is a bug here.
/// Arguments that depend on build script results are added when the unit runs.
/// </summary>
internal sealed class RustcCommands
{
    private readonly BuildState _state;

    public RustcCommands(BuildState state)
    {
        _state = state;
    }

    private CompilationFiles Files => _state.Files;

    public ProcessCommand Rustc(Unit unit)
    {
        var rustc = _state.Bcx.TargetData.Rustc;
        var isPrimary = _state.IsPrimary(unit);
        var isWorkspace = unit.Package.IsMember;
        var program = rustc.Path;
        var args = ImmutableArray.CreateBuilder<string>();
        if (isWorkspace && rustc.WorkspaceWrapper is { } workspaceWrapper)
        {
            args.Add(program);
            program = workspaceWrapper;
        }

        if (rustc.Wrapper is { } wrapper)
        {
            args.Insert(0, program);
            program = wrapper;
        }

        var command = new ProcessCommand { Program = program, DisplayEnv = _state.Options.ExtraVerbose };
        command = FillRustcToolEnv(command, unit);
        command = FillEnv(command, unit.Package, isRustcTool: true);
        var (path, cwd) = PathArgs(unit);
        command = command with { Cwd = cwd };

        var profile = unit.Profile;
        var test = unit.Mode.IsAnyTest();
        args.Add("--crate-name");
        args.Add(unit.CrateName);
        args.Add($"--edition={unit.Target.Edition}");
        args.Add(path);
        AddErrorFormat(args);

        var containsDylib = false;
        if (!test)
        {
            foreach (var crateType in CrateTypesOf(unit))
            {
                args.Add("--crate-type");
                args.Add(crateType);
                containsDylib |= crateType == "dylib";
            }
        }

        if (unit.Mode.IsCheck())
        {
            args.Add("--emit=dep-info,metadata");
        }
        else if (!unit.RequiresUpstreamObjects)
        {
            args.Add("--emit=dep-info,metadata,link");
        }
        else
        {
            args.Add("--emit=dep-info,link");
        }

        if ((unit.Target.ForHost && !unit.Target.IsCustomBuild) || (containsDylib && !isPrimary))
        {
            args.Add("-C");
            args.Add("prefer-dynamic");
        }

        if (profile.OptLevel != "0")
        {
            args.Add("-C");
            args.Add($"opt-level={profile.OptLevel}");
        }

        if (profile.Panic != PanicStrategy.Unwind)
        {
            args.Add("-C");
            args.Add($"panic={(profile.Panic == PanicStrategy.Abort ? "abort" : "immediate-abort")}");
            if (profile.Panic == PanicStrategy.ImmediateAbort)
            {
                args.Add("-Z");
                args.Add("unstable-options");
            }
        }

        args.AddRange(LtoArgs(unit));

        if (profile.CodegenBackend is { } backend)
        {
            args.AddRange("-Z", $"codegen-backend={backend}");
        }

        if (profile.CodegenUnits is { } units)
        {
            args.AddRange("-C", $"codegen-units={units}");
        }

        if (profile.DebugInfo != TomlDebugInfo.None)
        {
            args.AddRange("-C", $"debuginfo={Profile.DebugInfoFlag(profile.DebugInfo)}");
            if (profile.SplitDebuginfo is { } split && _state.Bcx.TargetData.Info(unit.Kind).SupportedSplitDebuginfo.Contains(split))
            {
                args.AddRange("-C", $"split-debuginfo={split}");
            }
        }

        if (CapLints(unit) != "allow")
        {
            // Under --cap-lints allow the lint flags would only lengthen the command line.
            args.AddRange(unit.Package.Manifest.LintRustflags);
        }

        args.AddRange(profile.Rustflags);
        if (profile.OptLevel != "0")
        {
            if (profile.DebugAssertions)
            {
                args.AddRange("-C", "debug-assertions=on");
                if (!profile.OverflowChecks)
                {
                    args.AddRange("-C", "overflow-checks=off");
                }
            }
            else if (profile.OverflowChecks)
            {
                args.AddRange("-C", "overflow-checks=on");
            }
        }
        else if (!profile.DebugAssertions)
        {
            args.AddRange("-C", "debug-assertions=off");
            if (profile.OverflowChecks)
            {
                args.AddRange("-C", "overflow-checks=on");
            }
        }
        else if (!profile.OverflowChecks)
        {
            args.AddRange("-C", "overflow-checks=off");
        }

        if (test && unit.Target.Harness)
        {
            args.Add("--test");
            if (profile.Panic is PanicStrategy.Abort or PanicStrategy.ImmediateAbort)
            {
                args.AddRange("-Z", "panic-abort-tests");
            }
        }
        else if (test)
        {
            args.AddRange("--cfg", "test");
        }

        args.AddRange(FeaturesArgs(unit));
        args.AddRange(CheckCfgArgs(unit));

        var meta = Files.Metadata(unit);
        args.AddRange("-C", $"metadata={meta.CMetadataHex}");
        if (meta.ExtraFilename is { } extra)
        {
            args.AddRange("-C", $"extra-filename=-{extra}");
        }

        if (profile.Rpath)
        {
            args.AddRange("-C", "rpath");
        }

        args.Add("--out-dir");
        args.Add(Files.OutputDir(unit));
        if (unit.Kind.Triple is { } triple)
        {
            args.Add("--target");
            args.Add(triple);
        }

        if (_state.Linker(unit.Kind) is { } linker)
        {
            args.AddRange("-C", $"linker={linker}");
        }

        if (profile.Incremental)
        {
            args.AddRange("-C", $"incremental={Files.IncrementalDir(unit)}");
        }

        if (profile.Strip != "none")
        {
            args.AddRange("-C", $"strip={profile.Strip}");
        }

        command = command with { Args = args.ToImmutable() };
        command = BuildDepsArgs(command, unit);
        var capLints = CapLints(unit);
        if (capLints is not null)
        {
            command = command.Arg("--cap-lints").Arg(capLints);
        }

        command = command.WithArgs(_state.ExtraArgsFor(unit));

        command = command.WithArgs(unit.Rustflags);
        if (isPrimary)
        {
            command = command.WithEnv("CARGO_PRIMARY_PACKAGE", "1");
        }

        foreach (var (name, value) in BinExeEnv(unit))
        {
            command = command.WithEnv(name, value);
        }

        if (unit.Target.IsTest || unit.Target.IsBench)
        {
            var tmp = Files.Layout(unit.Kind).Tmp;
            Directory.CreateDirectory(tmp);
            command = command.WithEnv("CARGO_TARGET_TMPDIR", tmp);
        }

        return command;
    }

    public ProcessCommand Rustdoc(Unit unit)
    {
        var rustc = _state.Bcx.TargetData.Rustc;
        var command = new ProcessCommand { Program = rustc.Rustdoc, DisplayEnv = _state.Options.ExtraVerbose };
        command = FillRustcToolEnv(command, unit);
        command = FillEnv(command, unit.Package, isRustcTool: true);
        var args = ImmutableArray.CreateBuilder<string>();
        args.Add($"--edition={unit.Target.Edition}");
        foreach (var crateType in CrateTypesOf(unit))
        {
            args.AddRange("--crate-type", crateType);
        }

        args.AddRange("--crate-name", unit.CrateName);
        var (path, cwd) = PathArgs(unit);
        command = command with { Cwd = cwd };
        args.Add(path);
        if (CapLints(unit) is { } capLints)
        {
            args.AddRange("--cap-lints", capLints);
        }

        if (unit.Kind.Triple is { } triple)
        {
            args.AddRange("--target", triple);
        }

        args.AddRange("-o", Files.OutputDir(unit));
        args.AddRange(FeaturesArgs(unit));
        args.AddRange(CheckCfgArgs(unit));
        AddErrorFormat(args);
        args.AddRange(unit.Package.Manifest.LintRustflags);
        args.AddRange("-C", $"metadata={Files.Metadata(MetadataUnitForDoc(unit)).CMetadataHex}");
        command = command with { Args = args.ToImmutable() };
        command = BuildDepsArgs(command, unit);
        command = command.WithArgs(_state.ExtraArgsFor(unit));

        command = command.WithArgs(unit.Rustdocflags);
        if (!command.Args.Any(a => a.StartsWith("--crate-version", StringComparison.Ordinal)))
        {
            command = command.Arg("--crate-version").Arg(unit.Package.Version.ToString());
        }

        return command;
    }

    /// <summary>
    /// Cargo's collection of a doctest after the build: <c>extern_args</c>, <c>lib_search_paths</c>,
    /// <c>lto_args</c>, features, check-cfgs, the package's build script cfgs and link args,
    /// RUSTDOCFLAGS and the error format; the command adds the rest when it runs rustdoc.
    /// </summary>
    public Doctest Doctest(Unit unit)
    {
        var args = ImmutableArray.CreateBuilder<string>();
        args.AddRange(ExternArgs(unit));

        args.AddRange("-L", "dependency=" + Files.DepsDir(unit));
        if (!unit.Kind.IsHost)
        {
            args.AddRange("-L", "dependency=" + Files.HostDeps);
        }

        args.AddRange(LtoArgs(unit));

        args.AddRange(FeaturesArgs(unit));
        args.AddRange(CheckCfgArgs(unit));
        var scriptEnv = ImmutableArray<(string, string)>.Empty;
        string? outDir = null;
        if (BuildScriptMap.OwnBuildScriptRun(_state.Graph, unit) is { } run)
        {
            outDir = Files.BuildScriptOutDir(run);
            if (_state.ScriptOutputs.TryGetValue(run, out var output))
            {
                foreach (var cfg in output.Cfgs)
                {
                    args.AddRange("--cfg", cfg);
                }

                foreach (var checkCfg in output.CheckCfgs)
                {
                    args.AddRange("--check-cfg", checkCfg);
                }

                foreach (var linkArg in output.LinkerArgs.Where(a => a.AppliesTo(unit.Target, unit.Mode)))
                {
                    args.AddRange("-C", $"link-arg={linkArg.Value}");
                }

                scriptEnv = output.Env;
            }
        }

        args.AddRange(unit.Rustdocflags);
        args.AddRange("--error-format", _state.Options.MessageFormat switch
        {
            { IsJson: true } => "json",
            { Kind: Messages.MessageFormatKind.Short } => "short",
            _ => "human",
        });
        return new Doctest(unit, args.ToImmutable(), _state.Linker(unit.Kind), scriptEnv, outDir);
    }

    /// <summary>Cargo's <c>artifact::get_env</c> for tests and benches: <c>CARGO_BIN_EXE_NAME</c> of each binary of the package.</summary>
    public ImmutableArray<(string Name, string Value)> BinExeEnv(Unit unit)
    {
        if (!unit.Target.IsTest && !unit.Target.IsBench)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<(string, string)>();
        foreach (var bin in unit.Package.Manifest.Targets.Where(t => t.IsBin))
        {
            var name = bin.BinaryFilename ?? bin.Name;

            // Check builds uplift nothing, but `env!` must still compile.
            var path = unit.Mode.IsCheck() ? $"placeholder:{name}" : Files.BinLinkForTarget(bin, unit.Kind);
            result.Add(($"CARGO_BIN_EXE_{name}", path));
        }

        return result.ToImmutable();
    }

    /// <summary>Cargo's <c>compute_metadata_for_doc_units</c>: a doc unit passes the metadata of its target's check unit when the graph has one.</summary>
    private Unit MetadataUnitForDoc(Unit unit)
    {
        var same = _state.Graph.Units.Where(o => o.Package.Id == unit.Package.Id && o.Target == unit.Target).ToList();
        return same.Find(o => o.Mode.IsCheck()) ?? same.Find(o => o.Mode == CompileMode.Doc) ?? unit;
    }

    private static IEnumerable<string> CrateTypesOf(Unit unit) => unit.Target.CrateTypes;

    private void AddErrorFormat(ImmutableArray<string>.Builder args)
    {
        args.Add("--error-format=json");
        var json = new StringBuilder("--json=diagnostic-rendered-ansi,artifacts,future-incompat");
        if (_state.Options.MessageFormat.ShortDiagnostics)
        {
            json.Append(",diagnostic-short");
        }

        args.Add(json.ToString());
        if (_state.DiagnosticWidth is { } width)
        {
            args.Add($"--diagnostic-width={width}");
        }
    }

    private string? CapLints(Unit unit) => !unit.ShowWarnings(_state.Options.ExtraVerbose) ? "allow" : !unit.IsLocal ? "warn" : null;

    /// <summary>Cargo's <c>path_args</c>: a path package's source relative to the workspace root (and rustc run there), so diagnostics show short paths.</summary>
    private (string Path, string Cwd) PathArgs(Unit unit)
    {
        var src = unit.Target.SrcPath;
        var root = _state.WorkspaceRoot;
        if (unit.Package.IsLocal && src.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return (src[(root.Length + 1)..], root);
        }

        return (src, unit.Package.Root);
    }

    private static IEnumerable<string> FeaturesArgs(Unit unit)
    {
        foreach (var feature in unit.Features)
        {
            yield return "--cfg";
            yield return $"feature=\"{feature}\"";
        }
    }

    private static IEnumerable<string> CheckCfgArgs(Unit unit)
    {
        var values = string.Join(", ", unit.Package.Manifest.Summary.Features.Keys.Select(f => $"\"{f}\""));
        yield return "--check-cfg";
        yield return "cfg(docsrs,test)";
        yield return "--check-cfg";
        yield return $"cfg(feature, values({values}))";
    }

    private ProcessCommand BuildDepsArgs(ProcessCommand command, Unit unit)
    {
        command = command.Arg("-L").Arg("dependency=" + Files.DepsDir(unit));
        if (!unit.Kind.IsHost)
        {
            command = command.Arg("-L").Arg("dependency=" + Files.HostDeps);
        }

        var deps = _state.Graph.Deps(unit);
        if (!deps.Any(d => d.Unit.Mode != CompileMode.Doc && d.Unit.IsLinkable)
            && deps.FirstOrDefault(d => d.Unit.Mode != CompileMode.Doc && d.Unit.Target.IsLib) is { } noLink)
        {
            _state.Shell.Warn(
                $"the package `{noLink.Unit.CrateName}` provides no linkable target\n" +
                $"  |\n  = note: this might cause `{unit.CrateName}` to fail compilation\n" +
                "  = note: this warning might turn into a hard error in the future\n" +
                $"  = help: consider adding 'dylib' or 'rlib' to key 'crate-type' in `{noLink.Unit.CrateName}`'s Cargo.toml");
        }

        if (deps.FirstOrDefault(d => d.Unit.Mode == CompileMode.RunCustomBuild) is { } script)
        {
            command = command.WithEnv("OUT_DIR", Files.BuildScriptOutDir(script.Unit));
        }

        foreach (var arg in ExternArgs(unit))
        {
            command = command.Arg(arg);
        }

        return command;
    }

    /// <summary>
    /// Cargo's <c>extern_args</c>: <c>--extern NAME=PATH</c> for every linkable dependency (its
    /// <c>.rmeta</c> where metadata is enough), and <c>--extern proc_macro</c> for a proc-macro.
    /// </summary>
    private List<string> ExternArgs(Unit unit)
    {
        var args = new List<string>();
        foreach (var dep in _state.Graph.Deps(unit))
        {
            if (!dep.Unit.IsLinkable || dep.Unit.Mode == CompileMode.Doc)
            {
                continue;
            }

            var value = $"{(dep.NoPrelude ? "noprelude:" : string.Empty)}{dep.ExternCrateName}=";
            var outputs = Files.Outputs(dep.Unit);
            if (_state.OnlyRequiresRmeta(unit, dep.Unit) || dep.Unit.Mode.IsCheck())
            {
                args.AddRange(["--extern", value + outputs.First(o => o.Flavor == FileFlavor.Rmeta).Path]);
            }
            else
            {
                foreach (var output in outputs.Where(o => o.Flavor == FileFlavor.Linkable))
                {
                    args.AddRange(["--extern", value + output.Path]);
                }
            }
        }

        if (unit.Target.ProcMacro)
        {
            args.AddRange(["--extern", "proc_macro"]);
        }

        return args;
    }

    /// <summary>Cargo's <c>lto_args</c>: the profile's LTO as the unit needs it (see <see cref="CompilationFiles.Lto"/>).</summary>
    private IEnumerable<string> LtoArgs(Unit unit)
    {
        var lto = Files.Lto(unit);
        return lto.Kind switch
        {
            LtoKind.Run => ["-C", lto.Named is null ? "lto" : $"lto={lto.Named}"],
            LtoKind.Off => ["-C", "lto=off", "-C", "embed-bitcode=no"],
            LtoKind.OnlyBitcode => ["-C", "linker-plugin-lto"],
            LtoKind.OnlyObject => ["-C", "embed-bitcode=no"],
            _ => [],
        };
    }

    private static ProcessCommand FillRustcToolEnv(ProcessCommand command, Unit unit)
    {
        if (unit.Target.IsBin || unit.Target.Kind == Core.Manifest.Targets.TargetKind.ExampleBin)
        {
            command = command.WithEnv("CARGO_BIN_NAME", unit.Target.BinaryFilename ?? unit.Target.Name);
        }

        return command.WithEnv("CARGO_CRATE_NAME", unit.CrateName);
    }

    /// <summary>Cargo's <c>fill_env</c>: library path, <c>CARGO</c>, the package's <c>CARGO_PKG_*</c>, cwd, then <c>[env]</c>.</summary>
    public ProcessCommand FillEnv(ProcessCommand command, BuildPackage package, bool isRustcTool, Resolver.Features.CompileKind? kind = null)
    {
        var searchPath = new List<string>();
        if (isRustcTool)
        {
            searchPath.Add(Files.HostDeps);
        }
        else if (kind is { } k)
        {
            // Build scripts run before Cargo collects native directories: they get none.
            var layout = Files.Layout(k);
            searchPath.Add(layout.Dest);
            searchPath.Add(layout.Deps);
            searchPath.Add(_state.Bcx.TargetData.Info(k).SysrootTargetLibdir);
        }

        var existing = (_state.BaseEnvironment.TryGetValue("LD_LIBRARY_PATH", out var ld) ? ld : string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (existing.Count >= searchPath.Count && existing.Take(searchPath.Count).SequenceEqual(searchPath))
        {
            searchPath = existing;
        }
        else
        {
            searchPath.AddRange(existing);
        }

        command = command.WithEnv("LD_LIBRARY_PATH", string.Join(':', searchPath));
        command = command.WithEnv("CARGO", _state.Options.CargoExe);
        command = PackageEnv.Apply(command, package);

        command = command with { Cwd = package.Root };
        foreach (var (key, value) in _state.EnvConfig)
        {
            if (!command.HasEnv(key))
            {
                command = command.WithEnv(key, value);
            }
        }

        return command;
    }
}
