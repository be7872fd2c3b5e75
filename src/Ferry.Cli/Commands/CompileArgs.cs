using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Ferry.Build.Messages;
using Ferry.Build.Selection;
using Ferry.Cli.Args;
using Ferry.Ops.Compile;
using Ferry.Util.Diagnostics;

namespace Ferry.Cli.Commands;

/// <summary>
/// The options of the compiling commands (<c>build</c>, <c>check</c>, <c>run</c>, <c>rustc</c>,
/// <c>rustdoc</c>), spelled, grouped and described as in Cargo 1.95, and their translation into
/// <see cref="CompileOptions"/> (Cargo's <c>compile_options</c>).
/// </summary>
internal static class CompileArgs
{
    public const string PackageHeading = "Package Selection";
    public const string TargetHeading = "Target Selection";
    public const string CompilationHeading = "Compilation Options";

    public static readonly IReadOnlyList<string> MessageFormats = ["human", "short", "json", "json-diagnostic-short", "json-diagnostic-rendered-ansi", "json-render-diagnostics"];

    public static ArgSpec MessageFormat => new("message-format", ArgKind.Value, "Error format") { Long = "message-format", ValueName = "FMT", Multiple = true, PossibleValues = MessageFormats };

    public static ArgSpec FutureIncompat => new("future-incompat-report", ArgKind.Flag, "Outputs a future incompatibility report at the end of the build") { Long = "future-incompat-report" };

    public static ArgSpec Package(string help) => new("package", ArgKind.OptionalValue, help) { Long = "package", Short = 'p', ValueName = "SPEC", Multiple = true, Heading = PackageHeading };

    public static ArgSpec[] PackageSelection(string verb, string packageHelp, string excludeVerb) =>
    [
        Package(packageHelp),
        new("workspace", ArgKind.Flag, $"{verb} all packages in the workspace") { Long = "workspace", Heading = PackageHeading },
        new("exclude", ArgKind.Value, $"Exclude packages from the {excludeVerb}") { Long = "exclude", ValueName = "SPEC", Multiple = true, Heading = PackageHeading },
        new("all", ArgKind.Flag, "Alias for --workspace (deprecated)") { Long = "all", Heading = PackageHeading },
    ];

    public static ArgSpec[] TargetSelection(string verb) =>
    [
        new("lib", ArgKind.Flag, $"{verb} only this package's library") { Long = "lib", Heading = TargetHeading },
        new("bins", ArgKind.Flag, $"{verb} all binaries") { Long = "bins", Heading = TargetHeading },
        new("bin", ArgKind.OptionalValue, $"{verb} only the specified binary") { Long = "bin", ValueName = "NAME", Multiple = true, Heading = TargetHeading },
        new("examples", ArgKind.Flag, $"{verb} all examples") { Long = "examples", Heading = TargetHeading },
        new("example", ArgKind.OptionalValue, $"{verb} only the specified example") { Long = "example", ValueName = "NAME", Multiple = true, Heading = TargetHeading },
        new("tests", ArgKind.Flag, $"{verb} all targets that have `test = true` set") { Long = "tests", Heading = TargetHeading },
        new("test", ArgKind.OptionalValue, $"{verb} only the specified test target") { Long = "test", ValueName = "NAME", Multiple = true, Heading = TargetHeading },
        new("benches", ArgKind.Flag, $"{verb} all targets that have `bench = true` set") { Long = "benches", Heading = TargetHeading },
        new("bench", ArgKind.OptionalValue, $"{verb} only the specified bench target") { Long = "bench", ValueName = "NAME", Multiple = true, Heading = TargetHeading },
        new("all-targets", ArgKind.Flag, $"{verb} all targets") { Long = "all-targets", Heading = TargetHeading },
    ];

    /// <summary><c>cargo doc</c>'s target flags (Cargo's <c>arg_targets_lib_bin_example</c>).</summary>
    public static ArgSpec[] DocTargetSelection =>
    [
        new("lib", ArgKind.Flag, "Document only this package's library") { Long = "lib", Heading = TargetHeading },
        new("bins", ArgKind.Flag, "Document all binaries") { Long = "bins", Heading = TargetHeading },
        new("bin", ArgKind.OptionalValue, "Document only the specified binary") { Long = "bin", ValueName = "NAME", Multiple = true, Heading = TargetHeading },
        new("examples", ArgKind.Flag, "Document all examples") { Long = "examples", Heading = TargetHeading },
        new("example", ArgKind.OptionalValue, "Document only the specified example") { Long = "example", ValueName = "NAME", Multiple = true, Heading = TargetHeading },
    ];

    public static ArgSpec[] Features => [ManifestCommands.Features, ManifestCommands.AllFeatures, ManifestCommands.NoDefaultFeatures];

    public static ArgSpec Release(string help) => new("release", ArgKind.Flag, help) { Long = "release", Short = 'r', Heading = CompilationHeading };

    public static ArgSpec Profile(string help) => new("profile", ArgKind.Value, help) { Long = "profile", ValueName = "PROFILE-NAME", Heading = CompilationHeading };

    public static ArgSpec Jobs => new("jobs", ArgKind.Value, "Number of parallel jobs, defaults to # of CPUs.") { Long = "jobs", Short = 'j', ValueName = "N", Heading = CompilationHeading };

    public static ArgSpec KeepGoing => new("keep-going", ArgKind.Flag, "Do not abort the build as soon as there is an error") { Long = "keep-going", Heading = CompilationHeading };

    public static ArgSpec Target(string help) => new("target", ArgKind.OptionalValue, help) { Long = "target", ValueName = "TRIPLE", Multiple = true, Heading = CompilationHeading };

    public static ArgSpec TargetDir => new("target-dir", ArgKind.Value, "Directory for all generated artifacts") { Long = "target-dir", ValueName = "DIRECTORY", Heading = CompilationHeading };

    public static ArgSpec ArtifactDir => new("artifact-dir", ArgKind.Value, "Copy final artifacts to this directory (unstable)") { Long = "artifact-dir", ValueName = "PATH", Heading = CompilationHeading };

    public static ArgSpec UnitGraph => new("unit-graph", ArgKind.Flag, "Output build graph in JSON (unstable)") { Long = "unit-graph", Heading = CompilationHeading };

    public static ArgSpec Timings => new("timings", ArgKind.Flag, "Output a build timing report at the end of the build") { Long = "timings", Heading = CompilationHeading };

    public static ArgSpec IgnoreRustVersion => new("ignore-rust-version", ArgKind.Flag, "Ignore `rust-version` specification in packages") { Long = "ignore-rust-version", Heading = CommonOptions.ManifestHeading };

    /// <summary>Cargo's <c>compile_options</c>: message formats, packages, targets, features, profile, jobs.</summary>
    public static CompileOptions Parse(CommandContext context, ParsedArgs args, UserIntent intent, ProfileChecking profileChecking, string commandName, bool hasArgs = false, string? usageTail = null)
    {
        var message = ParseMessageFormat(args.Values("message-format"));
        var profile = ProfileName(args, commandName, profileChecking, hasArgs, usageTail);
        int? jobs = null;
        if (args.Value("jobs") is { } jobsText)
        {
            if (!int.TryParse(jobsText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
            {
                throw new FerryException($"could not parse `{jobsText}`. Number of parallel jobs should be `default` or a number.");
            }

            jobs = parsed;
        }

        if (args.Flag("unit-graph"))
        {
            throw new FerryException(
                "the `--unit-graph` flag is unstable, and only available on the nightly channel of Cargo, but this is the `stable` channel\n" +
                "See https://doc.rust-lang.org/book/appendix-07-nightly-rust.html for more information about Rust release channels.\n" +
                "See https://github.com/rust-lang/cargo/issues/8002 for more information about the `--unit-graph` flag.");
        }

        var bare = new List<string>();
        foreach (var flag in new[] { "example", "bin", "bench", "test", "package" })
        {
            if (args.Has(flag) && args.Values(flag).Count == 0)
            {
                bare.Add(flag);
            }
        }

        return new CompileOptions
        {
            ManifestPath = args.Value("manifest-path"),
            Packages = [.. args.Values("package")],
            Workspace = args.Flag("workspace") || args.Flag("all"),
            Exclude = [.. args.Values("exclude")],
            Features = [.. args.Values("features")],
            AllFeatures = args.Flag("all-features"),
            NoDefaultFeatures = args.Flag("no-default-features"),
            Filter = CompileFilter.FromRawArguments(
                args.Flag("lib"),
                args.Values("bin"),
                args.Flag("bins"),
                args.Values("test"),
                args.Flag("tests"),
                args.Values("example"),
                args.Flag("examples"),
                args.Values("bench"),
                args.Flag("benches"),
                args.Flag("all-targets")),
            Intent = intent,
            Profile = profile,
            Targets = [.. args.Values("target")],
            Jobs = jobs,
            KeepGoing = args.Flag("keep-going"),
            MessageFormat = message,
            BareFlags = [.. bare],
        };
    }

    public static MessageFormat ParseMessageFormat(IEnumerable<string> values)
    {
        MessageFormat? format = null;
        const string TwoKinds = "cannot specify two kinds of `message-format` arguments";
        var json = new MessageFormat(MessageFormatKind.Json);
        foreach (var value in values)
        {
            foreach (var part in value.Split(','))
            {
                switch (part.ToLowerInvariant())
                {
                    case "json":
                        format = format is null ? json : throw new FerryException(TwoKinds);
                        break;
                    case "human":
                        format = format is null ? Build.Messages.MessageFormat.Human : throw new FerryException(TwoKinds);
                        break;
                    case "short":
                        format = format is null ? new MessageFormat(MessageFormatKind.Short) : throw new FerryException(TwoKinds);
                        break;
                    case "json-render-diagnostics":
                        format = (format ?? json) is { IsJson: true } j ? j with { RenderDiagnostics = true } : throw new FerryException(TwoKinds);
                        break;
                    case "json-diagnostic-short":
                        format = (format ?? json) is { IsJson: true } s ? s with { Short = true } : throw new FerryException(TwoKinds);
                        break;
                    case "json-diagnostic-rendered-ansi":
                        format = (format ?? json) is { IsJson: true } a ? a with { Ansi = true } : throw new FerryException(TwoKinds);
                        break;
                    default:
                        throw new FerryException($"invalid message format specifier: `{part}`");
                }
            }
        }

        return format ?? Build.Messages.MessageFormat.Human;
    }

    /// <summary>Cargo's <c>get_profile_name</c>: <c>--release</c>, <c>--profile</c> (checked like a profile name), legacy names for <c>rustc</c>/<c>check</c>.</summary>
    public static string ProfileName(ParsedArgs args, string commandName, ProfileChecking checking, bool hasArgs = false, string? usageTail = null)
    {
        var specified = args.Value("profile");
        var release = args.Flag("release");
        if (release && specified is not null)
        {
            throw new ArgParseException(
                "the argument '--release' cannot be used with '--profile <PROFILE-NAME>'",
                $"ferry {commandName} --release{usageTail ?? (hasArgs ? " [ARGS]..." : string.Empty)}");
        }

        if (specified is not null && ((checking == ProfileChecking.LegacyRustc && specified is "dev" or "test" or "bench" or "check")
            || (checking == ProfileChecking.LegacyTestOnly && specified == "test")))
        {
            return specified;
        }

        if (specified is null)
        {
            return release ? "release" : "dev";
        }

        if (specified == "doc")
        {
            throw new FerryException("profile `doc` is reserved and not allowed to be explicitly specified");
        }

        if (Core.Manifest.NameValidation.ProfileNameError(specified) is { } error)
        {
            throw new FerryException(error);
        }

        return specified;
    }

    /// <summary>Applies <c>--target-dir</c> to the configuration (it wins over <c>CARGO_TARGET_DIR</c> and <c>build.target-dir</c>).</summary>
    public static Core.Configuration.GlobalContext WithTargetDir(CommandContext context, ParsedArgs args) =>
        args.Value("target-dir") is { } targetDir
            ? context.GlobalContext.WithCliOverrides(context.GlobalContext.Cli with { TargetDir = targetDir })
            : context.GlobalContext;

    /// <summary>
    /// Runs a build with Ctrl-C (and SIGTERM) turned into cancellation, so running compilers are
    /// killed and no half-done state is recorded as finished; exits 130 after an interrupt.
    /// </summary>
    public static int WithCancellation(Func<CancellationToken, int> body)
    {
        using var cancellation = new CancellationTokenSource();
        void Handler(PosixSignalContext signal)
        {
            signal.Cancel = true;
            cancellation.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Handler);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handler);
        try
        {
            return body(cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return 130;
        }
        catch (AggregateException error) when (cancellation.IsCancellationRequested && error.InnerExceptions.All(e => e is OperationCanceledException))
        {
            return 130;
        }
    }

    /// <summary>Time since the process started (the <c>Finished ... in</c> figure).</summary>
    public static Stopwatch Started => Ferry.Cli.StartTime.Stopwatch;
}
