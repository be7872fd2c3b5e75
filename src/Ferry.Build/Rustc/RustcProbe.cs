using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Ferry.Build.Execution;
using Ferry.Core.Configuration;
using Ferry.Platform;
using Ferry.Resolver.Features;
using Ferry.Util.Diagnostics;

namespace Ferry.Build.Rustc;

/// <summary>
/// Finds the compiler and asks it about the platforms of a build: <c>rustc -vV</c>, then one query
/// per compile kind for file names of every crate type, the sysroot, <c>split-debuginfo</c> support
/// and cfg values (Cargo's <c>TargetInfo::new</c>, with the same fixed-point pass for
/// <c>target.'cfg(..)'.rustflags</c>). Answers are cached (<see cref="RustcCache"/>).
/// </summary>
/// <remarks>
/// A <c>rustc</c> found on <c>PATH</c> that is rustup's proxy is resolved once to the toolchain's
/// own binary: every compiler start through the proxy costs a few milliseconds, and Cargo run
/// through rustup does the same (it finds the toolchain from rustup's variables).
/// </remarks>
public sealed class RustcProbe
{
    private static readonly string[] KnownCrateTypes = ["bin", "rlib", "dylib", "cdylib", "staticlib", "proc-macro"];

    private readonly GlobalContext _gctx;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly IReadOnlyDictionary<string, string> _envConfig;
    private RustcCache? _cache;

    public RustcProbe(GlobalContext gctx, IReadOnlyDictionary<string, string> environment, IReadOnlyDictionary<string, string> envConfig)
    {
        _gctx = gctx;
        _environment = environment;
        _envConfig = envConfig;
    }

    public async Task<RustcTargetData> ProbeAsync(string? targetDir, IReadOnlyList<string> requestedTargets, CancellationToken cancellationToken)
    {
        var rustc = await RustcAsync(targetDir, cancellationToken).ConfigureAwait(false);
        var kinds = requestedTargets.Count == 0
            ? ImmutableArray.Create(CompileKind.Host)
            : requestedTargets.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(CompileKind.Target).ToImmutableArray();
        var host = await TargetInfoAsync(rustc, kinds, CompileKind.Host, cancellationToken).ConfigureAwait(false);
        var targets = ImmutableDictionary.CreateBuilder<string, TargetInfo>(StringComparer.Ordinal);
        foreach (var kind in kinds.Where(k => !k.IsHost))
        {
            targets[kind.Triple!] = await TargetInfoAsync(rustc, kinds, kind, cancellationToken).ConfigureAwait(false);
        }

        _cache?.Save();
        return new RustcTargetData(rustc, host, targets.ToImmutable(), kinds, _gctx);
    }

    private async Task<RustcInfo> RustcAsync(string? targetDir, CancellationToken cancellationToken)
    {
        var configured = _gctx.Tool("rustc", _gctx.Build.Rustc, required: false);
        var wrapper = NonEmpty(_gctx.Tool("rustc_wrapper", _gctx.Build.RustcWrapper, required: false));
        var workspaceWrapper = NonEmpty(_gctx.Tool("rustc_workspace_wrapper", _gctx.Build.RustcWorkspaceWrapper, required: false));
        string program;
        var maybeProxy = false;
        if (configured is not null)
        {
            program = configured;
        }
        else if (RustupToolchainBinary("rustc") is { } fromRustup)
        {
            program = fromRustup;
        }
        else
        {
            // Like Cargo, a compiler found on PATH is run by its bare name (what `-v` shows).
            program = "rustc";
            maybeProxy = FindOnPath("rustc") is { } found && IsRustupProxy(found);
        }

        var fingerprint = new StringBuilder();
        AppendExe(fingerprint, FindOnPath(program) ?? program);
        if (wrapper is not null)
        {
            AppendExe(fingerprint, FindOnPath(wrapper) ?? wrapper);
        }

        if (workspaceWrapper is not null)
        {
            AppendExe(fingerprint, FindOnPath(workspaceWrapper) ?? workspaceWrapper);
        }

        if (maybeProxy)
        {
            AppendRustupSelection(fingerprint);
        }

        _cache = new RustcCache(targetDir is null ? null : Path.Combine(targetDir, ".ferry-rustc-info.json"), RustcCache.Key(fingerprint.ToString()));
        string? sysrootBin = null;
        if (maybeProxy)
        {
            // Resolve the proxy to the toolchain it selects here, once.
            var sysroot = (await QueryAsync(new ProcessCommand { Program = program, Args = ["--print", "sysroot"] }, "proxy-sysroot", cancellationToken).ConfigureAwait(false)).Trim();
            var real = Path.Combine(sysroot, "bin", "rustc");
            if (File.Exists(real))
            {
                program = real;
                sysrootBin = Path.Combine(sysroot, "bin");
            }
        }

        var command = new ProcessCommand { Program = program, Args = ["-vV"] };
        var verbose = await QueryAsync(command, string.Empty, cancellationToken).ConfigureAwait(false);
        string Field(string name) =>
            verbose.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?[name.Length..]
            ?? throw new FerryException($"`rustc -vV` didn't have a line for `{name.Trim().TrimEnd(':')}`, got:\n{verbose}");

        var rustdoc = _gctx.Tool("rustdoc", _gctx.Build.Rustdoc, required: false)
            ?? (RustupToolchainBinary("rustdoc") is { } rustupDoc ? rustupDoc : null)
            ?? (sysrootBin is not null && File.Exists(Path.Combine(sysrootBin, "rustdoc")) ? Path.Combine(sysrootBin, "rustdoc") : null)
            ?? "rustdoc";
        return new RustcInfo
        {
            Path = program,
            Wrapper = wrapper,
            WorkspaceWrapper = workspaceWrapper,
            VerboseVersion = verbose,
            Release = Field("release: ").Trim(),
            Host = Field("host: ").Trim(),
            Rustdoc = rustdoc,
        };
    }

    private async Task<TargetInfo> TargetInfoAsync(RustcInfo rustc, ImmutableArray<CompileKind> requested, CompileKind kind, CancellationToken cancellationToken)
    {
        var rustflags = ExtraFlags.For(_gctx, requested, rustc.Host, null, kind, rustdoc: false);
        for (var turn = 0; ; turn++)
        {
            var args = new List<string> { "-", "--crate-name", "___", "--print=file-names" };
            args.AddRange(rustflags);
            if (kind.Triple is { } triple)
            {
                args.Add("--target");
                args.Add(triple);
            }

            foreach (var crateType in KnownCrateTypes)
            {
                args.Add("--crate-type");
                args.Add(crateType);
            }

            args.AddRange(["--print=sysroot", "--print=split-debuginfo", "--print=crate-name", "--print=cfg", "-Wwarnings"]);
            var command = new ProcessCommand { Program = rustc.Path, Args = [.. args] };
            var (code, stdout, stderr) = await QueryRawAsync(command, kind.ToString(), cancellationToken).ConfigureAwait(false);
            if (code != 0)
            {
                throw new FerryException(
                    "failed to run `rustc` to learn about target-specific information",
                    new FerryException($"process didn't exit successfully: `{command}` (exit status: {code})\n--- stderr\n{stderr}"));
            }

            var lines = stdout.Replace("\r\n", "\n").Split('\n');
            var index = 0;
            var crateTypes = ImmutableDictionary.CreateBuilder<string, CrateTypeFiles?>(StringComparer.Ordinal);
            foreach (var crateType in KnownCrateTypes)
            {
                if (stderr.Split('\n').Any(l => (l.Contains("unsupported crate type", StringComparison.Ordinal) || l.Contains("unknown crate type", StringComparison.Ordinal)) && l.Contains($"crate type `{crateType}`", StringComparison.Ordinal)))
                {
                    crateTypes[crateType] = null;
                    continue;
                }

                var line = index < lines.Length ? lines[index++].Trim() : throw Malformed(command, stdout, stderr, crateType);
                var parts = line.Split("___");
                crateTypes[crateType] = parts.Length == 2 ? new CrateTypeFiles(parts[0], parts[1]) : throw Malformed(command, stdout, stderr, crateType);
            }

            var sysroot = index < lines.Length ? lines[index++].Trim() : string.Empty;
            var split = new List<string>();
            while (index < lines.Length && lines[index] != "___")
            {
                split.Add(lines[index++]);
            }

            index++;
            var cfgText = string.Join('\n', lines.Skip(index).Where(l => l.Length > 0));
            ImmutableArray<Cfg> cfgs;
            try
            {
                cfgs = RustcPrintCfg.Parse(cfgText);
            }
            catch (CfgParseException error)
            {
                throw new FerryException(error.Message, error.InnerException);
            }

            var newFlags = ExtraFlags.For(_gctx, requested, rustc.Host, cfgs, kind, rustdoc: false);
            if (!newFlags.SequenceEqual(rustflags) && turn == 0)
            {
                rustflags = newFlags;
                continue;
            }

            if (!newFlags.SequenceEqual(rustflags))
            {
                _gctx.Shell.Warn("non-trivial mutual dependency between target-specific configuration and RUSTFLAGS");
            }

            var shortName = kind.Triple is { } t ? ExtraFlags.ShortName(t) : rustc.Host;
            return new TargetInfo
            {
                Kind = kind,
                ShortName = shortName,
                Cfgs = cfgs,
                CrateTypes = crateTypes.ToImmutable(),
                SupportedSplitDebuginfo = [.. split],
                Sysroot = sysroot,
                SysrootTargetLibdir = Path.Combine(sysroot, "lib", "rustlib", shortName, "lib"),
                Rustflags = rustflags,
                Rustdocflags = ExtraFlags.For(_gctx, requested, rustc.Host, cfgs, kind, rustdoc: true),
            };
        }
    }

    private static FerryException Malformed(ProcessCommand command, string stdout, string stderr, string crateType) =>
        new($"malformed output when learning about crate-type {crateType} information\ncommand was: {command}\n\n--- stdout\n{stdout}\n--- stderr\n{stderr}");

    private async Task<string> QueryAsync(ProcessCommand command, string salt, CancellationToken cancellationToken)
    {
        var (code, stdout, stderr) = await QueryRawAsync(command, salt, cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            throw new FerryException(
                $"process didn't exit successfully: `{command}` (exit status: {code})\n--- stderr\n{stderr}");
        }

        return stdout;
    }

    private async Task<(int Code, string Stdout, string Stderr)> QueryRawAsync(ProcessCommand command, string salt, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in _envConfig)
        {
            command = command.WithEnv(name, value);
        }

        command = command.WithEnv("RUSTC_LOG", null);
        var key = RustcCache.Key(salt + "\u0000" + command + "\u0000" + string.Join('\u0001', command.Env.Select(p => p.Key + "=" + p.Value)));
        if (_cache is not null && _cache.TryGet(key, out var cached))
        {
            return cached;
        }

        var result = await ChildProcess.RunCapturedAsync(command, _environment, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            _cache?.Put(key, result);
        }

        return result;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>Cargo's rustup shortcut: with <c>RUSTUP_TOOLCHAIN</c> and <c>RUSTUP_HOME</c> set, the toolchain's own binary.</summary>
    private string? RustupToolchainBinary(string tool)
    {
        if (_gctx.Environment.Get("RUSTUP_TOOLCHAIN") is not { } toolchain || _gctx.Environment.Get("RUSTUP_HOME") is not { } home)
        {
            return null;
        }

        if (toolchain.Contains('/') || toolchain.Contains('\\'))
        {
            return null;
        }

        var path = Path.Combine(home, "toolchains", toolchain, "bin", tool);
        return File.Exists(path) ? path : null;
    }

    private string? FindOnPath(string name)
    {
        if (name.Contains('/'))
        {
            return File.Exists(name) ? Path.GetFullPath(name) : null;
        }

        foreach (var dir in (_gctx.Environment.Get("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>rustup installs its proxies as links to (or copies of) the <c>rustup</c> binary next to them.</summary>
    private static bool IsRustupProxy(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is { } target)
            {
                return Path.GetFileName(target) is "rustup" or "rustup-init";
            }

            var rustup = Path.Combine(Path.GetDirectoryName(path) ?? ".", "rustup");
            return File.Exists(rustup) && new FileInfo(rustup).Length == info.Length;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void AppendExe(StringBuilder text, string path)
    {
        text.Append(path).Append('|');
        try
        {
            var info = new FileInfo(path);
            if (info.Exists)
            {
                text.Append(info.Length.ToString(CultureInfo.InvariantCulture)).Append('|')
                    .Append(info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append('|');
            }
        }
        catch (IOException)
        {
        }

        text.Append('\n');
    }

    /// <summary>What decides which toolchain a rustup proxy runs: its variables, its settings, and toolchain files up from here.</summary>
    private void AppendRustupSelection(StringBuilder text)
    {
        text.Append(_gctx.Environment.Get("RUSTUP_TOOLCHAIN")).Append('|').Append(_gctx.Environment.Get("RUSTUP_HOME")).Append('\n');
        var rustupHome = _gctx.Environment.Get("RUSTUP_HOME") ?? Path.Combine(_gctx.Home, ".rustup");
        AppendExe(text, Path.Combine(rustupHome, "settings.toml"));
        for (var dir = _gctx.Cwd; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            AppendExe(text, Path.Combine(dir, "rust-toolchain"));
            AppendExe(text, Path.Combine(dir, "rust-toolchain.toml"));
        }

        // `rustup update` replaces the toolchain's binaries: their times are part of the answer.
        var toolchains = Path.Combine(rustupHome, "toolchains");
        if (Directory.Exists(toolchains))
        {
            foreach (var toolchain in Directory.GetDirectories(toolchains).Order(StringComparer.Ordinal))
            {
                AppendExe(text, Path.Combine(toolchain, "bin", "rustc"));
            }
        }
    }
}
